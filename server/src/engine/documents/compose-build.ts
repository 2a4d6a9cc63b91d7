import { isMap, isScalar } from 'yaml';
import { trimTrailingSlashes } from '../paths';
import { isAnalysable } from '../input-limits';
import type { Range } from '../types';
import { shared, type ComposeModel, type Service } from './compose';
import { hasUnknown, interpolate } from './compose-interpolation';
import { mapPair } from './compose-merge-keys';
import { scalarString } from './compose-values';
import { parseDockerfile, type DockerfileModel, type Stage } from './dockerfile';

export interface BuildSource {
  /** Relative to the compose file, as compose resolves it: `<context>/<dockerfile>`. */
  path: string;
  inline?: string;
  target?: string;
  /** The build context, relative to the compose file (`.` when not given); undefined when it cannot be read (a Git URL, a variable). */
  context?: string;
}

/**
 * The Dockerfile a service builds from: `build: ./dir` (its Dockerfile), `build.context` + `build.dockerfile`,
 * or `build.dockerfile_inline`. Remote contexts (Git URLs) and paths from variables are not followed.
 */
export function dockerfileOf(model: ComposeModel, service: Service): BuildSource | undefined {
  const build = service.get('build')?.value;
  if (!build) return undefined;
  let context: string;
  let dockerfile = 'Dockerfile';
  let inline: string | undefined;
  let target: string | undefined;
  if (isScalar(build)) {
    context = scalarString(model, build) ?? '.';
  } else if (isMap(build)) {
    context = scalarString(model, mapPair(model, build, 'context')?.value) ?? '.';
    dockerfile = scalarString(model, mapPair(model, build, 'dockerfile')?.value) ?? 'Dockerfile';
    inline = scalarString(model, mapPair(model, build, 'dockerfile_inline')?.value);
    const targetText = scalarString(model, mapPair(model, build, 'target')?.value);
    if (targetText !== undefined) target = interpolate(targetText, model.env).toLowerCase();
    if (target !== undefined && hasUnknown(target)) return undefined;
  } else {
    return undefined;
  }
  context = interpolate(context, model.env).trim().replace(/\\/g, '/');
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || /^git@|^github\.com\//i.test(context) || /\.git(?:#|$)/.test(context);
  if (inline !== undefined)
    return {
      path: '',
      inline,
      target,
      context: remote || hasUnknown(context) ? undefined : context.length > 1 ? trimTrailingSlashes(context) : context || '.',
    };
  dockerfile = interpolate(dockerfile, model.env).trim().replace(/\\/g, '/');
  if (hasUnknown(context) || hasUnknown(dockerfile) || !dockerfile) return undefined;
  if (remote) return undefined;
  const absolute = dockerfile.startsWith('/') || /^[A-Za-z]:\//.test(dockerfile);
  const path = absolute ? dockerfile : `${trimTrailingSlashes(context) || '.'}/${dockerfile}`;
  return { path, target, context: context.length > 1 ? trimTrailingSlashes(context) : context || '.' };
}

/**
 * The stage a service's image comes from (its `build.target`, else the final stage), parsed once per analysis
 * however many rules ask; undefined when the Dockerfile cannot be read or has no such stage.
 */
export function builtStage(
  model: ComposeModel,
  build: BuildSource,
  readFile: (path: string, reference?: Range) => string | undefined,
  reference: Range,
): Stage | undefined {
  const dockerfile = loadDockerfile(model, build, readFile, reference);
  if (!dockerfile) return undefined;
  return build.target ? dockerfile.stages.find((stage) => stage.name === build.target) : dockerfile.finalStage;
}

function loadDockerfile(
  model: ComposeModel,
  build: BuildSource,
  readFile: (path: string, reference?: Range) => string | undefined,
  reference: Range,
): DockerfileModel | undefined {
  if (build.inline !== undefined) return parseDockerfile(build.inline);
  // One cache per host reader: the same model analysed for another host reads its files again.
  const caches = shared(model, 'built-dockerfiles', () => new Map<unknown, Map<string, DockerfileModel | undefined>>());
  let cache = caches.get(readFile);
  if (!cache) caches.set(readFile, (cache = new Map()));
  if (!cache.has(build.path)) {
    const text = readFile(build.path, reference);
    // What analyze would not read itself (too large, binary) is not read through a reference either.
    cache.set(build.path, text === undefined || !isAnalysable(text) ? undefined : parseDockerfile(text));
  }
  return cache.get(build.path);
}
