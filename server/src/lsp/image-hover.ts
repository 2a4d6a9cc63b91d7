import type { Position } from 'vscode-languageserver';
import { type AnalysisState, type DocumentKind, endOfLife, imageAt, isoDay, minimalAlternatives, movingTag, registryOf, variantReference } from '../engine';

/** What an image reference resolves to and how well it is pinned, for a hover on FROM or `image:` (markdown). */
export function imageHover(text: string, kind: DocumentKind, position: Position, state?: AnalysisState, today?: Date): string | undefined {
  const info = imageAt(text, kind, position, state);
  if (!info) return undefined;
  const lines: string[] = [];
  if (info.stage) {
    lines.push(`**Build stage** \`${info.stage}\` of this Dockerfile.`);
  } else if (info.scratch) {
    lines.push('**scratch**: the empty image; nothing to pin.');
  } else if (info.resolved === undefined) {
    lines.push(
      `**Image** \`${info.written}\``,
      '',
      'Depends on a build argument without a default, so it cannot be checked here: its tag and registry are unknown until build time.',
    );
  } else if (info.ref) {
    const ref = info.ref;
    lines.push(`**Image** \`${info.resolved}\``);
    if (info.written !== info.resolved) lines.push('', `Written as \`${info.written}\`.`);
    lines.push('', `| | |`, `|---|---|`, `| Registry | \`${registryOf(ref)}\` |`, `| Repository | \`${ref.path}\` |`);
    lines.push(`| Tag | ${ref.tag ? `\`${ref.tag}\`` : '_none: means `latest`_'} |`);
    lines.push(`| Digest | ${ref.digest ? `\`${ref.digest}\`` : '_none_'} |`);
    const pinned = ref.digest
      ? 'pinned by digest: reproducible'
      : ref.tag && movingTag(ref.tag) === undefined
        ? 'pinned by tag: the tag can move; a digest would make it reproducible'
        : 'not pinned: every build may get a different image';
    lines.push('', `**Pinning:** ${pinned}.`);
    const eol = endOfLife(ref, isoDay(today ?? new Date()));
    if (eol) {
      const { release, date, remedy } = eol.data!;
      lines.push('', `**End of life:** ${release}, security support ended on ${date}; move to ${remedy}.`);
    }
    const advice = minimalAlternatives(ref);
    if (advice?.variants.length) {
      lines.push('', `**Smaller variants** of ${advice.description}: ${advice.variants.map((v) => `\`${variantReference(ref, v)}\``).join(', ')}.`);
    } else if (advice?.alternative) {
      lines.push('', `**Smaller alternative:** ${advice.alternative}.`);
    }
  }
  return lines.join('\n');
}
