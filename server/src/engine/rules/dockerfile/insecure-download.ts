import { replace } from '../../fixes';
import { mayHoldPlainHttp, plainHttpUrls, servesHttps, type PlainHttpUrl } from '../../knowledge/plain-http';
import { allCommands, programOf, quotedText } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';
import type { Fix, Range } from '../../types';

export default defineDockerfileRule({
  meta: {
    id: 'insecure-download',
    code: 'DG136',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Download or package source over plain HTTP',
    description:
      'Anything fetched over plain `http://` can be read and replaced by anyone on the network path (a Wi-Fi, a proxy, a compromised router): a downloaded binary or script becomes theirs. Package sources over HTTP keep their signature checks but leak what is installed and can be held back on old, vulnerable versions.',
    messages: {
      download:
        '{{url}} is downloaded over plain HTTP, so anyone on the network path can replace it with their own file; use https:// (and check a published checksum).',
      packageSource:
        'The package source {{url}} is read over plain HTTP: signatures still protect the packages, but anyone on the path sees what is installed and can withhold updates; use https://.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  // ADD http:// is add-remote-without-checksum's: its checksum is the remedy that holds over any transport.
  checkShellSource({ source, text, report }) {
    if (!mayHoldPlainHttp(source.text)) return;
    const quoted = quotedText(source, text);
    const urls: PlainHttpUrl[] = [];
    for (const command of allCommands(source, text)) plainHttpUrls(command, programOf(command), quoted, urls);
    for (const url of urls) {
      const range = source.rangeOf(url.start, url.end);
      report({
        range,
        messageId: url.kind,
        data: { url: url.url },
        severity: url.kind === 'packageSource' ? 'info' : undefined,
        fixes: httpsFix(url.host, range),
      });
    }
  },
});

/** `http://` → `https://` for hosts known to serve the same files over HTTPS. */
function httpsFix(host: string, range: Range): Fix[] {
  if (!servesHttps(host)) return [];
  const scheme: Range = { start: range.start, end: { line: range.start.line, character: range.start.character + 'http'.length } };
  return [{ title: `Use https:// (${host} serves HTTPS)`, kind: 'suggestion', edits: [replace(scheme, 'https')], preferred: true }];
}
