// What package.json and schemas/dockguard.schema.json say about rules, derived from the registry.
import { allRuleMetas, composeRules, dockerfileRules, findRule, metaRules, type RuleMeta } from '../server/src/engine';
import { PEER_DEVIATIONS } from './peer-deviations';

const SETTING = { type: 'string', enum: ['error', 'warning', 'info', 'on', 'off'] };

export function buildManifestRules(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const meta of allRuleMetas) {
    properties[meta.id] = {
      ...SETTING,
      markdownDescription: `\`${meta.code}\` ${meta.title} (default: ${meta.profile === 'strict' ? 'off, on in the strict profile' : meta.severity}).`,
    };
  }
  return properties;
}

export function buildSchema(): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const meta of allRuleMetas) {
    const description = `${meta.code} ${meta.title}. Default: ${meta.profile === 'strict' ? 'off (strict profile: ' + meta.severity + ')' : meta.severity}.`;
    ruleProperties[meta.id] = { ...SETTING, description };
    ruleProperties[meta.code] = { ...SETTING, description };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://dockguard.dev/schemas/dockguard.schema.json',
    title: 'dockguard project configuration (.dockguard.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      profile: { description: '`recommended` (default) or `strict`, which also turns on the pinning and hygiene rules.', enum: ['recommended', 'strict'] },
      rules: {
        description: 'Per-rule severity by rule id or code: error, warning, info, on (the default severity) or off.',
        type: 'object',
        additionalProperties: false,
        properties: ruleProperties,
      },
      trustedRegistries: {
        description:
          'Registries images may come from (docker.io is Docker Hub; a path prefix such as ghcr.io/acme works too). When set, images from anywhere else are reported.',
        type: 'array',
        items: { type: 'string' },
      },
      limits: {
        description: 'What the compose resource-limit fixes insert.',
        type: 'object',
        additionalProperties: false,
        properties: {
          cpus: { description: 'CPU limit, e.g. "0.50".', type: ['string', 'number'] },
          memory: { description: 'Memory limit, e.g. 512M or 1G.', type: ['string', 'number'] },
          pids: { description: 'Process limit, e.g. 200.', type: 'integer', minimum: 1 },
        },
      },
      ignorePaths: { description: 'Glob patterns, relative to this file, of files not to analyse.', type: 'array', items: { type: 'string' } },
      allowSuppressions: { description: 'false: inline dockguard-ignore comments are not honoured and each is reported.', type: 'boolean' },
    },
  };
}

/** docs/rules/README.md: the index of every rule page, grouped by the files they apply to. */
/** The fix policy every rule follows; the engine enforces the declared kinds (engine/messages.ts). */
const FIX_POLICY = [
  '## Fix policy',
  '',
  'A rule can offer two kinds of edit, and declares which in its metadata (`fixable`, `hasSuggestions`); the engine rejects an edit of a kind the rule did not declare.',
  '',
  "- A **fix** preserves what the image and the container do: it only removes what nothing uses (a package cache, a suppression comment that suppresses nothing) or says the same thing more precisely (`COPY` for an `ADD` of local files). Fixes may run in bulk: `dockguard --fix`, the editor's fix-all on save (`source.fixAll.dockguard`), the *Fix all safe findings* command.",
  '- Anything that can change behaviour is a **suggestion**: dropping capabilities (`cap_drop: [ALL]`), `no-new-privileges`, a read-only root filesystem or mount, binding a port to `127.0.0.1`, a new `USER`, another base image, a memory, CPU or process limit, moving a secret, removing a flag or a key. A suggestion is one click in the lightbulb, and never applied in bulk: only you know whether the service still works with it.',
  '- Where a suggestion is the right remedy for the finding (a non-root `USER`, a minimal base image, read-only mounts and `read_only: true`, resource limits, `cap_drop`, `no-new-privileges`, loopback for a database port), it is marked **preferred**, so the editor offers it first and its *auto fix* shortcut applies it.',
  '',
  'The *Fix* column below and the *Fix* row of each page say which kinds a rule offers.',
];

/** For rule authors: the hooks a rule's checks go in, and what each may read (engine/rule.ts has the contract). */
const WRITING_A_RULE = [
  '## Writing a rule: what a check reads',
  '',
  'Analysis runs on every keystroke, so the engine re-checks only what an edit changed, and a rule says what each of its checks reads by the hook it puts it in (`defineDockerfileRule` in `server/src/engine/rule.ts`, where the contract is spelt out):',
  '',
  "- `checkInstruction({ instruction, onbuild, shellSources, text, lines, report })` sees one instruction (an `ONBUILD`'s trigger on its own, with `onbuild` set). Its findings are kept with the instruction and reused, moved with it, until that instruction's text changes. Most Dockerfile checks belong here: what one `ADD`, `COPY`, `ENV`, `EXPOSE` or `HEALTHCHECK` says.",
  '- `checkShellSource({ source, text, lines, report })` sees one piece of shell code: a `RUN` line, or a heredoc script it runs, lexed once (`source.pipelines`). Kept the same way. Shell checks (downloads, `sudo`, package managers, flags) belong here.',
  "- `check({ model, config, report, readFile })` sees the whole model and runs on every analysis: keep it for what really spans instructions (stages, the final stage's user, what a later `RUN` does to an earlier `ENV`), and read per-instruction facts through readings the engine keeps (`textReading` for an instruction, `source.reading` for a shell source) rather than re-deriving them every time.",
  '',
  "A per-instruction check reads only its instruction or source (through `text` and `lines` at their own offsets) and reports ranges and edits inside the instruction's lines; it gets no model, no stage and no other instruction, so it cannot depend on them by accident. The replay test (`test/unit/engine/incremental-replay.test.ts`, and `npm run replay` for a long run) applies thousands of random edits and fails on any difference between an incremental analysis and a full one, rule by rule. Compose rules have only `check` for now: a compose analysis re-parses just the top-level entry or service an edit is in (`documents/compose-chunks.ts`), and then runs every compose rule.",
];

/** What a team switching from a peer keeps: each rule's CIS item and the peers' checks it covers, and where we differ on purpose. */
function peerMapping(): string[] {
  const lines = [
    '## Coming from another tool: what each rule covers',
    '',
    "Each rule's metadata names the CIS Docker Benchmark item and the peers' checks it covers (KICS queries by name, Trivy and Checkov by id, compose-lint by id), so a team that switches sees what it keeps; an empty column means that tool has no such check. A `.hadolint.yaml` (read where no `.dockguard.yaml` exists) keeps working: its `ignored` list turns a rule off once every hadolint code the rule covers is ignored (a rule that covers several codes stays on while one of them is still wanted), `override` sets the severity of the rules whose codes all get the same one, and inline `# hadolint ignore=DL…` comments silence the rules with that code on the next instruction.",
    '',
    '| Code | Rule | CIS | hadolint | KICS | Trivy | Checkov | compose-lint |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const list = (items: string[] | undefined) => (items ?? []).join(', ');
  for (const meta of [...dockerfileRules.map((r) => r.meta), ...composeRules.map((r) => r.meta)].sort((a, b) => a.code.localeCompare(b.code))) {
    const r = meta.references;
    lines.push(
      `| ${meta.code} | [${meta.id}](${meta.id}.md) | ${r.cis ?? ''} | ${list(r.hadolint)} | ${list(r.kics)} | ${list(r.trivy)} | ${list(r.checkov)} | ${list(r.composeLint)} |`,
    );
  }
  lines.push('', '### Deliberate deviations from the peers', '', "Where a peer's own test case is decided differently on purpose:", '');
  for (const [id, notes] of Object.entries(PEER_DEVIATIONS).sort(([a], [b]) => (findRule(a)?.code ?? a).localeCompare(findRule(b)?.code ?? b))) {
    for (const note of notes) lines.push(`- [${id}](${id}.md) (${findRule(id)?.code}): ${note}.`);
  }
  return lines;
}

export function buildRulesIndex(): string {
  const lines = [
    '# dockguard rules',
    '',
    'Generated from the rule registry by `npm run sync-manifest`; each page says why the rule exists, shows bad and good examples, and what its fix does.',
    '',
    ...FIX_POLICY,
    '',
  ];
  const groups: [string, RuleMeta[]][] = [
    ['Dockerfile', dockerfileRules.map((rule) => rule.meta)],
    ['Compose', composeRules.map((rule) => rule.meta)],
    ['About the input, the configuration and suppressions', metaRules],
  ];
  for (const [title, shown] of groups) {
    if (shown.length === 0) continue;
    lines.push(`## ${title}`, '', '| Code | Rule | Severity | Profile | Fix | References |', '|---|---|---|---|---|---|');
    for (const meta of [...shown].sort((a, b) => a.code.localeCompare(b.code))) {
      const fix = meta.fixable && meta.hasSuggestions ? 'fix + suggestion' : meta.fixable ? 'fix' : meta.hasSuggestions ? 'suggestion' : '';
      const refs = [meta.references.cis ? `CIS ${meta.references.cis}` : '', ...(meta.references.hadolint ?? [])].filter(Boolean).join(', ');
      lines.push(`| ${meta.code} | [${meta.id}](${meta.id}.md): ${meta.title} | ${meta.severity} | ${meta.profile} | ${fix} | ${refs} |`);
    }
    lines.push('');
  }
  lines.push(...peerMapping(), '', ...WRITING_A_RULE, '');
  return lines.join('\n');
}
