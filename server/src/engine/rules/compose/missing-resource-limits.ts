import type { ResolvedConfig } from '../../config';
import type { Node, Pair } from 'yaml';
import { type ComposeModel, type Service } from '../../documents/compose';
import { mapPair } from '../../documents/compose-merge-keys';
import { ensurePath, insertIntoService, quoted, replaceScalar, type Entry } from '../../documents/compose-edits';
import { chainHas, chainValues, nearestValue, runtimeServices, type ChainLink } from '../../documents/compose-extends';
import { hasUnknown, interpolate } from '../../documents/compose-interpolation';
import { ownSlot } from '../../documents/compose-runtime';
import { lookup, ownsNode, scalarString } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';
import type { TextEdit } from '../../types';

type Resource = 'memory' | 'cpus';

/** Service keys that limit a resource without `deploy:` (cpu_quota caps CPU time like cpus does). */
const LEGACY: Record<Resource, string[]> = { memory: ['mem_limit'], cpus: ['cpus', 'cpu_quota'] };

export default defineComposeRule({
  meta: {
    id: 'missing-resource-limits',
    code: 'DG205',
    severity: 'warning',
    category: 'resources',
    title: 'Service without memory or CPU limit',
    description:
      "A container without a memory or CPU limit can take all of the host's memory or CPU time, through a leak, a busy loop or an attack, and take every other container down with it.",
    references: {
      cis: '5.10, 5.11',
      compose: 'services.<name>.deploy.resources.limits',
      kics: ['cpus_not_limited', 'memory_not_limited'],
      composeLint: ['CL-0026'],
    },
    messages: {
      noLimits:
        "Service {{service}} has no memory or CPU limit, so a leak or an attack in it can exhaust the host's memory and CPU time and take every other container down with it; set {{keys}}.",
      noMemoryLimit:
        "Service {{service}} has no memory limit, so a leak or an attack in it can exhaust the host's memory and take every other container down with it; set {{keys}}.",
      noCpuLimit:
        "Service {{service}} has no CPU limit, so a leak or an attack in it can exhaust the host's CPU time and take every other container down with it; set {{keys}}.",
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, config, report, uri, readFile }) {
    for (const { service, chain } of runtimeServices({ model, uri, readFile })) {
      const limits = limitsAlong(chain);
      const missing = (['cpus', 'memory'] as Resource[]).filter((resource) => !isLimited(limits, resource));
      if (missing.length === 0) continue;
      const legacy = usesLegacyKeys(limits);
      const edits = limitsEdits(model, service, missing, legacy, config);
      const keys = legacy ? missing.map((r) => LEGACY[r][0]) : missing.map((r) => `deploy.resources.limits.${r}`);
      const ownLimits = lookup(model, service.map, ['deploy', 'resources', 'limits']);
      report({
        range: ownLimits && ownsNode(service, ownLimits.key) ? model.rangeOf(ownLimits.key) : service.nameRange,
        messageId: missing.length === 2 ? 'noLimits' : missing[0] === 'memory' ? 'noMemoryLimit' : 'noCpuLimit',
        data: { service: service.name, keys: keys.join(' and ') },
        fixes: edits
          ? [
              {
                title: `Limit ${missing.map((r) => (r === 'memory' ? `memory to ${config.limits.memory}` : `CPUs to ${config.limits.cpus}`)).join(' and ')}`,
                kind: 'suggestion',
                preferred: true,
                edits,
              },
            ]
          : [],
      });
    }
  },
});

/**
 * What a chain sets about limits, read once per service (both resources and the style question ask it): which legacy
 * keys it sets, and each `deploy.resources.limits` along it (compose merges `deploy` deeply).
 */
interface ChainLimits {
  legacy: Record<string, boolean>;
  /** The chain, to read the legacy keys' values. */
  chain: ChainLink[];
  deployLimits: { model: ComposeModel; limits: Pair<Node, Node | null> }[];
}

function limitsAlong(chain: ChainLink[]): ChainLimits {
  const legacy: Record<string, boolean> = {};
  for (const key of LEGACY_KEYS) legacy[key] = chainHas(chain, key);
  const deployLimits: ChainLimits['deployLimits'] = [];
  for (const { model, value } of chainValues(chain, 'deploy')) {
    const limits = lookup(model, value, ['resources', 'limits']);
    if (limits) deployLimits.push({ model, limits });
  }
  return { legacy, chain, deployLimits };
}

const LEGACY_KEYS = Object.values(LEGACY).flat();

/**
 * Limited by a legacy key, or by `deploy.resources.limits` anywhere along `extends`, with a value that bounds
 * something: Docker reads 0 (and -1) as no limit, a key with no value sets none, and a size compose cannot parse
 * stops it. A value only the environment decides (`${MEM}`) is taken as a limit; a default (`${MEM:-0}`) is judged.
 */
function isLimited(limits: ChainLimits, resource: Resource): boolean {
  for (const key of LEGACY[resource]) {
    const nearest = limits.legacy[key] ? nearestValue(limits.chain, key) : undefined;
    if (nearest && bounds(nearest.model, nearest.value, key === 'cpu_quota' ? 'quota' : resource)) return true;
  }
  return limits.deployLimits.some(({ model, limits: pair }) => {
    const entry = mapPair(model, pair.value, resource);
    return !!entry && bounds(model, entry.value, resource);
  });
}

/** Sizes as compose reads them (go-units): a number, an optional space, then b, k, kb, kib … p, pb, pib, any case. */
const SIZE = /^(\d+(?:\.\d+)?) ?(?:[kmgtp](?:i?b)?|b)?$/i;

function bounds(model: ComposeModel, node: Node | null, kind: Resource | 'quota'): boolean {
  const written = scalarString(model, node);
  if (written === undefined) return false;
  const value = interpolate(written, model.env).trim();
  if (hasUnknown(value)) return true;
  if (kind === 'memory') {
    const size = SIZE.exec(value);
    return !!size && Number(size[1]) > 0;
  }
  if (kind === 'quota') return /^\d+$/.test(value) && Number(value) > 0;
  return /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) && Number(value) > 0;
}

/** A service that limits one resource with `mem_limit`/`cpus` and has no `deploy.resources.limits` gets the same style. */
function usesLegacyKeys(limits: ChainLimits): boolean {
  return LEGACY_KEYS.some((key) => limits.legacy[key]) && limits.deployLimits.length === 0;
}

function limitsEdits(model: ComposeModel, service: Service, missing: Resource[], legacy: boolean, config: ResolvedConfig): TextEdit[] | undefined {
  const value = (resource: Resource) => (resource === 'cpus' ? quoted(model, config.limits.cpus) : plainOrQuoted(model, config.limits.memory));
  const legacyEntries: Entry[] = missing.filter((r) => ownSlot(model, service, LEGACY[r][0]).kind === 'absent').map((r) => [LEGACY[r][0], value(r)]);
  const legacyEdit = () => (legacyEntries.length === missing.length ? insertIntoService(model, service, legacyEntries) : undefined);
  if (legacy) return single(legacyEdit());
  // A limit the service writes that bounds nothing (cpus: 0, memory: 1gig) gets the configured value in its place:
  // ensurePath leaves a key that is there alone. Not in a mapping the service shares (an anchor's).
  const own = lookup(model, service.map, ['deploy', 'resources', 'limits']);
  const written = own ? missing.filter((r) => mapPair(model, own.value, r)) : [];
  const edits: TextEdit[] = [];
  for (const resource of written) {
    const pair = mapPair(model, own!.value, resource)!;
    const raw = resource === 'cpus' ? config.limits.cpus : config.limits.memory;
    const edit = ownsNode(service, own!.key) && pair.value ? replaceScalar(model, pair.value, raw) : undefined;
    if (!edit) return undefined;
    edits.push(edit);
  }
  const absent = missing.filter((r) => !written.includes(r));
  if (absent.length === 0) return edits;
  // A `deploy:` from an anchor (or written as a flow map) cannot take the limits safely: the legacy keys can.
  const inserted = ensurePath(
    model,
    service.map,
    ['deploy', 'resources', 'limits'],
    absent.map((r) => [r, value(r)]),
  );
  if (inserted) return [...edits, inserted];
  return written.length ? undefined : single(legacyEdit());
}

function single(edit: TextEdit | undefined): TextEdit[] | undefined {
  return edit ? [edit] : undefined;
}

/** A configured size such as 512M stays plain; anything else is quoted so it cannot change the YAML around it. */
function plainOrQuoted(model: ComposeModel, text: string): string {
  return /^[0-9]+(?:\.[0-9]+)?[A-Za-z]{0,3}$/.test(text) ? text : quoted(model, text);
}
