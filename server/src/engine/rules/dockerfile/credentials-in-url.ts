import { Onbuild, Run, type Instruction } from 'dockerfile-ast';
import type { LocalShellSource } from '../../documents/shell-source';
import { insertAt, replace } from '../../fixes';
import { isExecForm } from '../../knowledge/shell-scopes';
import { findTokenCredentials, findUrlCredentials, URL_TOKEN, type CredentialHit } from '../../knowledge/secrets';
import { defineDockerfileRule } from '../../rule';
import type { Fix } from '../../types';

export default defineDockerfileRule({
  meta: {
    id: 'credentials-in-url',
    code: 'DG145',
    severity: 'error',
    category: 'secrets',
    title: 'Credentials written into a URL',
    description:
      'A password or token in a URL (`https://user:token@host/…`) is stored wherever the instruction is: the image history for RUN, ADD and ARG, the image configuration for ENV and LABEL, and the repository for all of them.',
    references: { cis: '4.10', kics: ['passwords_and_secrets'], trivy: ['DS031'] },
    messages: {
      history:
        'This URL carries {{what}}, which the image history keeps for anyone who pulls the image; read it from a build secret instead (RUN --mount=type=secret with a variable in the URL, or a .netrc mounted as a secret).',
      config:
        'This URL carries {{what}}, which the image configuration keeps for anyone who can run docker inspect; pass the URL when the container starts, or read the secret from a file mounted at run time.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  checkInstruction({ instruction, onbuild, shellSources, text, lines, report }) {
    if (instruction instanceof Onbuild) return; // its trigger is checked on its own
    const range = instruction.getRange();
    const start = lines.offsetAt(range.start);
    const written = text.slice(start, lines.offsetAt(range.end));
    const hits = findUrlCredentials(written);
    if (!hits.length) return;
    // A token shape (`ghp_…`) in the URL is hardcoded-secret's finding: one finding per fact.
    const tokens = findTokenCredentials(written);
    const inConfig = inImageConfig(instruction, onbuild);
    for (const hit of hits) {
      if (tokens.some((t) => t.start < hit.end && hit.start < t.end)) continue;
      const source = !onbuild && instruction instanceof Run ? commandLineSource(shellSources, start + hit.start) : undefined;
      const fix = source ? useSecretMount(instruction as Run, source, written, start, hit, lines) : undefined;
      report({
        range: lines.rangeAt(start + hit.start, start + hit.end),
        messageId: inConfig ? 'config' : 'history',
        data: { what: hit.what === URL_TOKEN ? 'a token' : 'a password' },
        fixes: fix ? [fix] : [],
      });
    }
  },
});

/** The RUN's own shell-form command line holding `offset`, where a variable in the URL is expanded by the shell. */
function commandLineSource(sources: readonly LocalShellSource[], offset: number): LocalShellSource | undefined {
  for (const source of sources) {
    if (source.heredoc || isExecForm(source)) continue;
    if (offset >= source.offset && offset < source.offset + source.text.length) return source;
  }
  return undefined;
}

/**
 * Replaces the secret by a variable and mounts a build secret of that name into the RUN. Offered only where
 * the shell expands the variable: not inside single quotes.
 */
function useSecretMount(
  run: Run,
  source: LocalShellSource,
  written: string,
  start: number,
  hit: CredentialHit,
  lines: LocalShellSource['lines'],
): Fix | undefined {
  const at = start + hit.start - source.offset;
  if (insideSingleQuotes(source.text, at)) return undefined;
  const name = variableFor(written, hit);
  const edits = [
    insertAt(run.getInstructionRange().end, ` --mount=type=secret,id=${name.toLowerCase()},env=${name}`),
    replace(lines.rangeAt(start + hit.start, start + hit.end), `\${${name}}`),
  ];
  return { title: `Read the ${hit.what === URL_TOKEN ? 'token' : 'password'} from a build secret ${name}`, kind: 'suggestion', edits };
}

/** `https://u:pw@github.com/…` → GITHUB_TOKEN, after the host's first label; URL_TOKEN when it has none. */
function variableFor(written: string, hit: CredentialHit): string {
  const host = /^@([A-Za-z][A-Za-z0-9-]*)/.exec(written.slice(hit.end).replace(/^[^@]*/, ''));
  const label = host ? host[1].toUpperCase().replace(/-/g, '_') : 'URL';
  return `${label}_${hit.what === URL_TOKEN ? 'TOKEN' : 'PASSWORD'}`;
}

function insideSingleQuotes(text: string, at: number): boolean {
  let single = false;
  let double = false;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (single) {
      if (c === "'") single = false;
    } else if (c === '\\') {
      i++;
    } else if (c === '"') {
      double = !double;
    } else if (c === "'" && !double) {
      single = true;
    }
  }
  return single;
}

/** Instructions whose text becomes image configuration; the rest (RUN, ADD, ARG, COPY) the history records. */
const CONFIG_KEYWORDS = new Set(['ENV', 'LABEL', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

function inImageConfig(instruction: Instruction, onbuild: boolean): boolean {
  return onbuild || CONFIG_KEYWORDS.has(instruction.getKeyword().toUpperCase());
}
