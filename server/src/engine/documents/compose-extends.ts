import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { looksBinary, MAX_ANALYSED_CHARS } from '../input-limits';
import { parseCompose, serviceNamed, shared, type ComposeModel, type Service } from './compose';
import { mapPair } from './compose-merge-keys';
import { hasUnknown, interpolate } from './compose-interpolation';
import { scalarString } from './compose-values';
import { isOverrideFile } from './compose-runtime';
import { dirnamePath, joinPath, normalizePath } from '../paths';
import type { Range } from '../types';

/**
 * The services whose runtime settings the hardening rules judge, each with the chain of services it inherits
 * from through `extends`, followed into other files (`extends: { file: common.yml, service: base }`) when the
 * host can read them. A rule about a *missing* setting must see the whole chain: a service that extends a
 * hardened base is hardened.
 */

export interface ChainLink {
  model: ComposeModel;
  service: Service;
}

export interface RuntimeService {
  service: Service;
  /** The service itself first, then what it extends, nearest first. */
  chain: ChainLink[];
}

export interface RuntimeContext {
  model: ComposeModel;
  uri?: string;
  readFile(relativePath: string, reference?: Range): string | undefined;
}

const MAX_LINKS = 10;

/**
 * Services that start a container (they name an `image`, a `build` or an `extends`; a service still without any
 * of them is being typed, and a `provider` service runs no container), with their `extends` chain.
 * Left out: services whose chain cannot be read (another file unreadable, a path from a variable, a name that
 * does not exist), where a missing setting may well be set, and every service of an override file.
 */
export function runtimeServices(context: RuntimeContext): RuntimeService[] {
  // Five rules judge the same services: the chains are followed once per analysis (same host, same model).
  const known = shared(context.model, 'runtime-services', () => ({ uri: context.uri, readFile: context.readFile, services: findRuntimeServices(context) }));
  if (known.uri === context.uri && known.readFile === context.readFile) return known.services;
  return findRuntimeServices(context);
}

function findRuntimeServices(context: RuntimeContext): RuntimeService[] {
  if (isOverrideFile(context.uri)) return [];
  const result: RuntimeService[] = [];
  for (const service of context.model.services) {
    if (!service.get('image') && !service.get('build') && !service.get('extends')) continue;
    const chain = extendsChain(context, service);
    if (chain) result.push({ service, chain });
  }
  return result;
}

/** True when a service along the chain sets `key` (in its own mapping or through a merge key). */
export function chainHas(chain: ChainLink[], key: string): boolean {
  return chain.some(({ model, service }) => mapPair(model, service.pair.value, key) !== undefined);
}

/** The nearest value of `key` along a chain (compose keeps the nearest plain value), with the model it belongs to. */
export function nearestValue(chain: ChainLink[], key: string): { model: ComposeModel; pair: Pair<Node, Node | null>; value: Node | null } | undefined {
  for (const { model, service } of chain) {
    const pair = mapPair(model, service.pair.value, key);
    if (pair) return { model, pair, value: model.resolve(pair.value) };
  }
  return undefined;
}

/** Every value of `key` along a chain, nearest first, with the model it belongs to. */
export function chainValues(chain: ChainLink[], key: string): { model: ComposeModel; pair: Pair<Node, Node | null>; value: Node | null }[] {
  const values: { model: ComposeModel; pair: Pair<Node, Node | null>; value: Node | null }[] = [];
  for (const { model, service } of chain) {
    const pair = mapPair(model, service.pair.value, key);
    if (pair) values.push({ model, pair, value: model.resolve(pair.value) });
  }
  return values;
}

export function extendsChain(context: RuntimeContext, service: Service): ChainLink[] | undefined {
  const chain: ChainLink[] = [];
  let model = context.model;
  let dir = '';
  let current: Service | undefined = service;
  while (current) {
    const next = current;
    if (chain.length >= MAX_LINKS || chain.some((link) => link.service === next)) return undefined; // a cycle: compose refuses the file
    chain.push({ model, service: current });
    const target = extendsTarget(model, current);
    if (target === undefined) return chain;
    if (target === null) return undefined;
    if (target.file !== undefined) {
      const absolute = target.file.startsWith('/') || /^[A-Za-z]:\//.test(target.file);
      const file = absolute ? target.file : normalizePath(joinPath(dir, target.file));
      // Where the reference is written in the analysed file: its first service's `extends`.
      const other = parsedFile(context, file, chain.length === 1 ? service.reportRange('extends') : undefined);
      if (!other) return undefined;
      model = other;
      dir = dirnamePath(file);
    }
    current = serviceNamed(model, target.service);
    if (!current) return undefined;
  }
  return undefined;
}

/**
 * `extends: name`, or `extends: { service, file? }`; undefined when the service extends nothing, null when the
 * target is not known without the environment.
 */
function extendsTarget(model: ComposeModel, service: Service): { service: string; file?: string } | undefined | null {
  const pair = mapPair(model, service.pair.value, 'extends');
  if (!pair) return undefined;
  const value = model.resolve(pair.value);
  const known = (node: unknown) => {
    const text = scalarString(model, node);
    const expanded = text === undefined ? undefined : interpolate(text, model.env).trim();
    return expanded === undefined || hasUnknown(expanded) || expanded === '' ? undefined : expanded;
  };
  if (isScalar(value)) {
    const name = known(value);
    return name === undefined ? null : { service: name };
  }
  if (!isMap(value)) return null;
  const name = known(mapPair(model, value, 'service')?.value);
  const filePair = mapPair(model, value, 'file');
  const file = filePair ? known(filePair.value)?.replace(/\\/g, '/') : undefined;
  if (name === undefined || (filePair && file === undefined)) return null;
  return { service: name, file };
}

function parsedFile(context: RuntimeContext, file: string, reference?: Range): ComposeModel | undefined {
  // Parsed files per analysed document, shared by the rules of one analysis (each file is parsed once).
  const cache = shared(context.model, 'parsed-files', () => new Map<string, ComposeModel | undefined>());
  if (!cache.has(file)) {
    const text = context.readFile(file, reference);
    const usable = text !== undefined && text.length <= MAX_ANALYSED_CHARS && !looksBinary(text);
    const model = usable ? parseCompose(text) : undefined;
    // Compose interpolates every file of a project with the project directory's `.env`.
    if (model) model.env = context.model.env;
    cache.set(file, model);
  }
  return cache.get(file);
}
