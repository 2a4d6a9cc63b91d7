import { transferArgs } from '../../knowledge/copy-add';
import { classifySensitivePath } from '../../knowledge/sensitive-files';
import { defineDockerfileRule } from '../../rule';

export default defineDockerfileRule({
  meta: {
    id: 'sensitive-file-copied',
    code: 'DG106',
    severity: 'error',
    category: 'secrets',
    title: 'Credential file copied into the image',
    description:
      'A private key, `.env` file or credentials file copied with COPY or ADD stays readable in its image layer by anyone who can pull the image, even if a later step deletes it.',
    references: { cis: '4.10' },
    messages: {
      sensitiveFile:
        '{{source}} is {{what}}: {{keyword}} bakes it into an image layer anyone with the image can read; mount it only for the step that needs it (RUN --mount=type=secret or --mount=type=ssh) and list it in .dockerignore.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkInstruction({ instruction, lines, report }) {
    const args = transferArgs(instruction, lines);
    if (!args) return;
    for (const source of args.sources) {
      const what = classifySensitivePath(source.value);
      if (!what) continue;
      report({
        range: source.range,
        messageId: 'sensitiveFile',
        data: { source: source.value, what, keyword: args.keyword },
      });
    }
  },
});
