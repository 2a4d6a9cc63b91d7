import { isGitSource, isRemoteUrl, transferArgs } from '../../knowledge/copy-add';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'add-remote-without-checksum',
    code: 'DG108',
    severity: 'warning',
    category: 'supply-chain',
    title: 'ADD downloads a URL without a checksum',
    description:
      '`ADD https://…` puts whatever the server returns into the image; without `--checksum` a compromised server, mirror or connection changes the image unnoticed.',
    references: { cis: '4.9', kics: ['curl_or_wget_instead_of_add'] },
    messages: {
      noChecksum:
        'ADD downloads {{url}} and trusts whatever comes back, so a compromised server or connection changes the image; pin its digest with ADD --checksum=sha256:<digest>.',
      noChecksumPlainHttp:
        'ADD downloads {{url}} over plain HTTP and trusts whatever comes back, so a compromised server or connection changes the image; pin its digest with ADD --checksum=sha256:<digest>.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkInstruction({ instruction, lines, report }) {
    const args = transferArgs(instruction, lines);
    if (!args || args.keyword !== 'ADD') return;
    if (args.flags.some((flag) => flag.getName() === 'checksum' && (flag.getValue() ?? '').includes(':'))) return;
    for (const source of args.sources) {
      if (!isRemoteUrl(source.value) || isGitSource(source.value)) continue;
      report({
        range: source.range,
        messageId: /^http:/i.test(source.value) ? 'noChecksumPlainHttp' : 'noChecksum',
        data: { url: source.value },
      });
    }
  },
});
