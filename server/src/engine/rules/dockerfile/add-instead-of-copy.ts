import { replace } from '../../fixes';
import { trimTrailingSlashes } from '../../paths';
import { COPY_FLAGS, isGitSource, isRemoteUrl, looksLikeArchive, transferArgs } from '../../knowledge/copy-add';
import { defineDockerfileRule } from '../../rule';
import type { Fix } from '../../types';

export default defineDockerfileRule({
  meta: {
    id: 'add-instead-of-copy',
    code: 'DG107',
    severity: 'warning',
    category: 'supply-chain',
    title: 'ADD used to copy local files',
    description:
      'ADD also fetches URLs and unpacks archives, so a source that later turns into an archive or a URL silently changes what lands in the image; COPY does only what it says.',
    references: { cis: '4.9', hadolint: ['DL3020'], kics: ['add_instead_of_copy'], trivy: ['DS005'], checkov: ['CKV_DOCKER_4'] },
    messages: {
      useCopy: "ADD of local files also unpacks archives and fetches URLs, which makes what lands in the image depend on the sources' names; use COPY.",
      useCopyWithoutFlags:
        "ADD of local files also unpacks archives and fetches URLs, which makes what lands in the image depend on the sources' names; use COPY (after dropping --{{flags}}, which COPY does not take).",
    },
    fixable: true,
    hasSuggestions: false,
  },
  checkInstruction({ instruction, text, lines, report }) {
    const args = transferArgs(instruction, lines);
    if (!args || args.keyword !== 'ADD' || args.heredoc || args.sources.length === 0) return;
    // URLs and git sources are the remote rules' business; archives are what ADD is for.
    if (args.sources.some(({ value }) => isRemoteUrl(value) || isGitSource(value) || mayBeArchive(value))) return;
    const keyword = instruction.getInstructionRange();
    const written = text.slice(lines.offsetAt(keyword.start), lines.offsetAt(keyword.end));
    const addOnly = args.flags.map((f) => f.getName()).filter((name) => !COPY_FLAGS.has(name));
    const fixes: Fix[] = addOnly.length
      ? []
      : [{ title: 'Use COPY instead of ADD', kind: 'fix', edits: [replace(keyword, written === written.toLowerCase() ? 'copy' : 'COPY')] }];
    report({
      range: keyword,
      ...(addOnly.length ? { messageId: 'useCopyWithoutFlags', data: { flags: addOnly.join(', --') } } : { messageId: 'useCopy' }),
      fixes,
    });
  },
});

/**
 * ADD unpacks local tar archives (detected by content); a source named like an archive, or a value only
 * known at build time, or a glob that may match one, might be one, and then COPY would behave differently.
 */
function mayBeArchive(source: string): boolean {
  if (source.includes('$') || looksLikeArchive(source)) return true;
  const name = trimTrailingSlashes(source).split('/').pop() ?? '';
  return /[*?\]]$/.test(name);
}
