import { Copy, Run, type Flag } from 'dockerfile-ast';
import { textReading } from '../../documents/ast-memo';
import type { DockerfileModel, Stage } from '../../documents/dockerfile';
import type { ResolvedConfig } from '../../config';
import { parseImageRef, registryOf } from '../../documents/image-ref';
import { substitute } from '../../documents/variables';
import { movingTag } from '../../knowledge/moving-tags';
import { isTrustedImage, trustedEntries, NOT_TRUSTED, notTrustedData } from '../../knowledge/trusted-registries';
import { defineDockerfileRule, type Report } from '../../rule';
import type { Range } from '../../types';

type MessageId = 'noTag' | 'movingTag' | 'untrusted';

export default defineDockerfileRule({
  meta: {
    id: 'image-outside-from',
    code: 'DG141',
    severity: 'warning',
    category: 'supply-chain',
    title: 'Image pulled by COPY --from or RUN --mount unpinned or untrusted',
    description:
      '`COPY --from=<image>` and `RUN --mount=from=<image>` pull an image just as FROM does, and its files go into the build: without a version it changes under you with every upstream release, and from a registry outside trustedRegistries it skips the review your base images get.',
    references: { hadolint: ['DL3022'] },
    messages: {
      noTag: '{{image}} has no tag, so {{via}} copies from whatever latest is at build time; pin a version tag (and a digest) such as {{image}}:<version>.',
      movingTag:
        '{{image}} follows {{tag}}, which moves to every new upstream release, so {{via}} copies from whatever it points to at build time; pin a version tag (and a digest).',
      untrusted: `{{image}}, pulled by {{via}}, comes from ${NOT_TRUSTED}`,
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, config, report }) {
    const trusted = trustedEntries(config.trustedRegistries);
    const judge = { model, trusted, trustedRegistries: config.trustedRegistries, report };
    for (const keyword of SOURCE_KEYWORDS)
      for (const { instruction, stage, onbuild } of model.entriesOf(keyword)) {
        // Kept with the instruction, so a keystroke looks at the flags of the few that name another image or stage.
        if (!textReading(instruction, NAMES_A_SOURCE, () => namesASource(instruction))) continue;
        if (instruction instanceof Copy) {
          const flag = fromFlag(instruction.getFlags());
          const value = flag?.getValue();
          const range = flag?.getValueRange();
          if (value && range) judgeImage(judge, value, range, 'COPY --from', stage, onbuild);
        } else if (instruction instanceof Run) {
          for (const flag of instruction.getFlags()) {
            if (flag.getName() !== 'mount') continue;
            for (const option of flag.getOptions()) {
              const value = option.getValue();
              const range = option.getValueRange();
              if (option.getName() === 'from' && value && range) judgeImage(judge, value, range, 'RUN --mount', stage, onbuild);
            }
          }
        }
      }
  },
});

interface Judge {
  model: DockerfileModel;
  trusted: ReturnType<typeof trustedEntries>;
  trustedRegistries: ResolvedConfig['trustedRegistries'];
  report(report: Report<MessageId>): void;
}

/** Reports the image `written` at `range` when it is not an earlier stage and is unpinned or untrusted. */
function judgeImage(
  { model, trusted, trustedRegistries, report }: Judge,
  written: string,
  range: Range,
  via: string,
  stage: Stage | undefined,
  onbuild: boolean,
): void {
  const value = substitute(written, model.globalScope);
  if (value === undefined || value === '' || /^\d+$/.test(value)) return; // unknown, or a stage index
  const lower = value.toLowerCase();
  // A stage defined before this instruction's stage; in ONBUILD the stages are the downstream build's.
  if (!/[:/@]/.test(value) && (onbuild || !stage || model.stages.some((s) => s.index < stage.index && s.name === lower) || lower === 'scratch')) return;
  const ref = parseImageRef(value);
  if (!ref) return;
  const data = { image: value, via };
  if (trusted.length > 0 && !isTrustedImage(ref, trusted)) {
    report({ range, messageId: 'untrusted', data: { ...data, ...notTrustedData(registryOf(ref), trustedRegistries) } } satisfies Report<MessageId>);
    return;
  }
  if (ref.digest !== undefined || ref.tag === '') return;
  if (ref.tag === undefined) report({ range, messageId: 'noTag', data });
  else if (movingTag(ref.tag) !== undefined) report({ range, messageId: 'movingTag', data: { ...data, tag: ref.tag } });
}

const SOURCE_KEYWORDS = ['COPY', 'RUN'];
const NAMES_A_SOURCE = Symbol('COPY --from or RUN --mount from=');

function namesASource(instruction: unknown): boolean {
  if (instruction instanceof Copy) return fromFlag(instruction.getFlags()) !== undefined;
  if (!(instruction instanceof Run)) return false;
  return instruction.getFlags().some((flag) => flag.getName() === 'mount' && flag.getOptions().some((option) => option.getName() === 'from'));
}

function fromFlag(flags: Flag[]): Flag | undefined {
  return flags.find((flag) => flag.getName() === 'from');
}
