import { isScalar, Scalar, type Node } from 'yaml';
import { type ComposeModel } from '../../documents/compose';
import { insertIntoService, quoted, replaceScalar } from '../../documents/compose-edits';
import { hasUnknown, interpolate } from '../../documents/compose-interpolation';
import { ownsNode, scalarString } from '../../documents/compose-values';
import { isRootUser, parseDockerfile, type DockerfileModel, type Stage } from '../../documents/dockerfile';
import { isAnalysable } from '../../input-limits';
import { stageRunsAsRoot } from '../../knowledge/runs-as-root';
import { dockerfileOf } from '../../documents/compose-build';
import { literalUser, nonRootCaveat, startingDrop } from '../../knowledge/entrypoint-script';
import { joinPath } from '../../paths';
import { defineComposeRule } from '../../rule';
import type { Range, TextEdit } from '../../types';

const NON_ROOT = '10001:10001';

export default defineComposeRule({
  meta: {
    id: 'service-runs-as-root',
    code: 'DG219',
    severity: 'warning',
    category: 'privileges',
    title: 'Service runs as root',
    description:
      'A service with `user: root`, or built from a Dockerfile whose final stage runs as root, runs its process as root: whoever compromises it is root in the container, one kernel bug away from the host.',
    references: { cis: '4.1', compose: 'services.<name>.user, services.<name>.build', composeLint: ['CL-0018'] },
    messages: {
      userRoot: `The service runs as root (user: {{user}}), so a compromised process has root in the container; run it as a non-root user (for example "${NON_ROOT}") if the image allows it.`,
      builtNoUser:
        'Service {{service}} runs as root: it is built from {{dockerfile}}, and {{stage}} has no USER; add a non-root USER to the Dockerfile, or set user: in this service.',
      builtUserRoot:
        'Service {{service}} runs as root: it is built from {{dockerfile}}, and {{stage}} sets USER {{user}}; add a non-root USER to the Dockerfile, or set user: in this service.',
      builtUserRootInherited:
        'Service {{service}} runs as root: it is built from {{dockerfile}}, and {{stage}} sets USER {{user}} (inherited from an earlier stage); add a non-root USER to the Dockerfile, or set user: in this service.',
      builtDrops:
        'Service {{service}} starts as root (it is built from {{dockerfile}}, and {{stage}} sets no non-root USER), but its entrypoint drops to {{user}} with {{tool}}, so only the entrypoint runs as root; still better to run as a non-root user from the start.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report, readFile }) {
    const seen = new Set<Node>();
    const dockerfiles = new Map<string, DockerfileModel | undefined>();
    const load = (path: string, inline: string | undefined, reference: Range) => {
      if (inline !== undefined) return parseDockerfile(inline);
      if (!dockerfiles.has(path)) {
        const text = readFile(path, reference);
        // What analyze would not read itself (too large, binary) is not read through a reference either.
        dockerfiles.set(path, text === undefined || !isAnalysable(text) ? undefined : parseDockerfile(text));
      }
      return dockerfiles.get(path);
    };
    const stageNames = new Map<DockerfileModel, Map<string, Stage>>();
    const stageNamed = (dockerfile: DockerfileModel, name: string) => {
      let byName = stageNames.get(dockerfile);
      if (!byName) {
        stageNames.set(dockerfile, (byName = new Map()));
        for (const stage of dockerfile.stages) if (stage.name !== undefined && !byName.has(stage.name)) byName.set(stage.name, stage);
      }
      return byName.get(name);
    };

    for (const service of model.services) {
      const user = service.get('user');
      if (user) {
        if (!user.value || seen.has(user.value)) continue;
        seen.add(user.value);
        const written = scalarString(model, user.value);
        const name = written === undefined ? undefined : interpolate(written, model.env).split(':')[0].trim();
        if (name === undefined || hasUnknown(name) || !isRootUser(name)) continue;
        const edit = ownsNode(service, user.value) ? nonRootEdit(model, user.value) : undefined;
        report({
          range: model.rangeOf(user.value),
          messageId: 'userRoot',
          data: { user: written! },
          fixes: edit ? [{ title: `Run as ${NON_ROOT}`, kind: 'suggestion', edits: [edit] }] : [],
        });
        continue;
      }
      // An image that is only pulled is not guessed at: whether `nginx` runs as root is the image's business.
      const build = dockerfileOf(model, service);
      if (!build) continue;
      const dockerfile = load(build.path, build.inline, service.reportRange('build'));
      const stage = build.target ? dockerfile && stageNamed(dockerfile, build.target) : dockerfile?.finalStage;
      if (!stage?.image.written) continue;
      const verdict = stageRunsAsRoot(stage);
      if (!verdict.root) continue;
      const where = build.inline !== undefined ? 'an inline Dockerfile (dockerfile_inline)' : build.path;
      const stageName = build.target ? `its stage ${build.target}` : 'its final stage';
      // The entrypoint script is read from the build context, as the build reads it; reported, if refused, on build.
      const context = build.context;
      const drop =
        dockerfile &&
        startingDrop(dockerfile, stage, (path) => (context === undefined ? undefined : readFile(joinPath(context, path), service.reportRange('build'))));
      if (drop) {
        const user = literalUser(drop.user) ?? NON_ROOT;
        const caveat = nonRootCaveat(drop);
        const edit = insertIntoService(model, service, [['user', quoted(model, user)]]);
        report({
          range: service.reportRange('build'),
          messageId: 'builtDrops',
          data: { service: service.name, dockerfile: where, stage: stageName, user: drop.user, tool: drop.tool },
          lowered: true,
          fixes: edit ? [{ title: `Run as ${user} (user: "${user}")${caveat ? `: ${caveat}` : ''}`, kind: 'suggestion', edits: [edit] }] : [],
        });
        continue;
      }
      const edit = insertIntoService(model, service, [['user', quoted(model, NON_ROOT)]]);
      report({
        range: service.reportRange('build'),
        ...(verdict.reason === 'user'
          ? {
              messageId: verdict.inherited ? 'builtUserRootInherited' : 'builtUserRoot',
              data: { service: service.name, dockerfile: where, stage: stageName, user: verdict.user.written },
            }
          : { messageId: 'builtNoUser', data: { service: service.name, dockerfile: where, stage: stageName } }),
        fixes: edit ? [{ title: `Run as ${NON_ROOT} (user: "${NON_ROOT}")`, kind: 'suggestion', edits: [edit] }] : [],
      });
    }
  },
});

/** `root` → `"10001:10001"` (quoted: unquoted digits with a colon read differently in old YAML), quotes kept. */
function nonRootEdit(model: ComposeModel, node: Node): TextEdit | undefined {
  if (!isScalar(node)) return undefined;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return replaceScalar(model, node, NON_ROOT);
  if (node.type !== Scalar.PLAIN || String(node.value).includes('$')) return undefined;
  return { range: model.rangeOf(node), newText: quoted(model, NON_ROOT) };
}
