import { isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Range, TextEdit } from '../types';
import { type ComposeModel, type Service } from './compose';
import { mapPair } from './compose-merge-keys';
import { removeFlowSeqItem, removePair, removeSeqItem } from './compose-edits';
import { hasUnknown, interpolate } from './compose-interpolation';
import { ownsNode, scalarString } from './compose-values';

/**
 * Readers for the runtime settings of a service (privileges, confinement, namespaces, limits): values as compose
 * sees them after interpolation, and where a finding or an edit about them belongs.
 */

/** A scalar's value after interpolation (`${PRIV:-true}` → `true`); undefined when it depends on the environment. */
export function knownText(model: ComposeModel, node: unknown): string | undefined {
  const text = scalarString(model, node);
  if (text === undefined) return undefined;
  const value = interpolate(text, model.env).trim();
  return hasUnknown(value) ? undefined : value;
}

const TRUE = new Set(['true', 't', '1', 'yes', 'y', 'on']);
const FALSE = new Set(['false', 'f', '0', 'no', 'n', 'off']);

/** A boolean setting as compose reads it (`true`, `"true"`, `${X:-true}`); undefined when unknown or not a boolean. */
export function knownFlag(model: ComposeModel, node: unknown): boolean | undefined {
  const text = knownText(model, node)?.toLowerCase();
  if (text === undefined) return undefined;
  return TRUE.has(text) ? true : FALSE.has(text) ? false : undefined;
}

/** `key: value` when both are on one line (the narrowest text that says what is set), else the key alone. */
export function pairRange(model: ComposeModel, pair: Pair<Node, Node | null>): Range {
  const keyRange = model.rangeOf(pair.key);
  const value = model.resolve(pair.value);
  if (!value || pair.value !== value || !isScalar(value)) return keyRange;
  const valueRange = model.rangeOf(value);
  return valueRange.end.line === keyRange.start.line ? { start: keyRange.start, end: valueRange.end } : keyRange;
}

/**
 * Where `key` stands in a service's own mapping: written there (`own`), brought in by a merge key (`merged`:
 * adding it to the service would hide the anchor's value), or `absent` (adding it is safe; a value from
 * `extends` is merged with it by compose).
 */
export function ownSlot(model: ComposeModel, service: Service, key: string): { kind: 'own' | 'merged'; pair: Pair<Node, Node | null> } | { kind: 'absent' } {
  if (!service.map) return { kind: 'absent' };
  const pair = mapPair(model, service.map, key);
  if (!pair) return { kind: 'absent' };
  return { kind: service.map.items.includes(pair) ? 'own' : 'merged', pair };
}

/**
 * One `security_opt` item: `key:value` or `key=value` (Docker accepts both), key lower-cased;
 * `no-new-privileges` alone means `no-new-privileges:true`.
 */
export function securityOption(text: string): { key: string; value: string } {
  const trimmed = text.trim();
  const eq = trimmed.indexOf('=');
  const colon = trimmed.indexOf(':');
  const cut = eq >= 0 ? eq : colon;
  if (cut < 0) return { key: trimmed.toLowerCase(), value: '' };
  return { key: trimmed.slice(0, cut).trim().toLowerCase(), value: trimmed.slice(cut + 1).trim() };
}

/**
 * `compose.override.yaml` and the like only add to a base file that `docker compose` merges them into: a setting
 * missing there is most likely set in the base file, which is analysed on its own.
 */
export function isOverrideFile(uri: string | undefined): boolean {
  if (!uri) return false;
  const name =
    uri
      .replace(/[?#].*$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  return /override/i.test(name);
}

/**
 * Removes one item of a list the service writes itself (`cap_add`, `security_opt`), or the whole key when it is
 * the only item (an empty list says nothing). Undefined for lists shared through an anchor.
 */
export function removeListItem(model: ComposeModel, service: Service, pair: Pair<Node, Node | null>, item: Node): TextEdit | undefined {
  const seq = pair.value;
  if (!service.map?.items.includes(pair) || !isSeq(seq) || !ownsNode(service, item)) return undefined;
  if (seq.items.length === 1) return removePair(model, service.map, pair);
  return seq.flow ? removeFlowSeqItem(model, seq, item) : removeSeqItem(model, seq, item);
}
