import { Copy, Run, type Instruction } from 'dockerfile-ast';
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
    const judge: Judge = { model, trusted: trustedEntries(config.trustedRegistries), trustedRegistries: config.trustedRegistries, report };
    for (const keyword of SOURCE_KEYWORDS)
      for (const { instruction, stage, onbuild } of model.entriesOf(keyword)) {
        // Kept with the instruction, so a keystroke reads the flags of only the few that name another image or stage.
        const sources = textReading(instruction, NAMED_SOURCES, namedSources);
        for (const source of sources) judgeImage(judge, instruction, source, stage, onbuild);
      }
  },
});

interface Judge {
  model: DockerfileModel;
  trusted: ReturnType<typeof trustedEntries>;
  trustedRegistries: ResolvedConfig['trustedRegistries'];
  report(report: Report<MessageId>): void;
  /** The index of the first stage of each name, read once per analysis when a source names no registry. */
  stageIndex?: Map<string, number>;
}

/** Reports the image a source names when it is not an earlier stage and is unpinned or untrusted. */
function judgeImage(judge: Judge, instruction: Instruction, source: NamedSource, stage: Stage | undefined, onbuild: boolean): void {
  const { model, trusted, trustedRegistries, report } = judge;
  const value = substitute(source.written, model.globalScope);
  if (value === undefined || value === '' || /^\d+$/.test(value)) return; // unknown, or a stage index
  const lower = value.toLowerCase();
  // A stage defined before this instruction's stage; in ONBUILD the stages are the downstream build's.
  if (!/[:/@]/.test(value) && (onbuild || !stage || (stageIndexes(judge).get(lower) ?? Infinity) < stage.index || lower === 'scratch')) return;
  const ref = parseImageRef(value);
  if (!ref) return;
  const range = rangeOf(instruction, source);
  if (!range) return;
  const data = { image: value, via: source.via };
  if (trusted.length > 0 && !isTrustedImage(ref, trusted)) {
    report({ range, messageId: 'untrusted', data: { ...data, ...notTrustedData(registryOf(ref), trustedRegistries) } } satisfies Report<MessageId>);
    return;
  }
  if (ref.digest !== undefined || ref.tag === '') return;
  if (ref.tag === undefined) report({ range, messageId: 'noTag', data });
  else if (movingTag(ref.tag) !== undefined) report({ range, messageId: 'movingTag', data: { ...data, tag: ref.tag } });
}

function stageIndexes(judge: Judge): Map<string, number> {
  if (!judge.stageIndex) {
    judge.stageIndex = new Map();
    for (const s of judge.model.stages) if (s.name !== undefined && !judge.stageIndex.has(s.name)) judge.stageIndex.set(s.name, s.index);
  }
  return judge.stageIndex;
}

const SOURCE_KEYWORDS = ['COPY', 'RUN'];
const NAMED_SOURCES = Symbol('image-outside-from: COPY --from and RUN --mount from= with a value');

/** An image or stage named by a flag: which flag (and which option of a --mount), as written. */
interface NamedSource {
  via: string;
  written: string;
  flag: number;
  /** The option of a RUN --mount; -1 for COPY --from. */
  option: number;
}

/** What an instruction names with `COPY --from=` (its first) or the `from=` of each `RUN --mount`, in order. */
function namedSources(instruction: Instruction): NamedSource[] {
  const sources: NamedSource[] = [];
  if (instruction instanceof Copy) {
    const flags = instruction.getFlags();
    const flag = flags.findIndex((f) => f.getName() === 'from');
    const written = flag < 0 ? undefined : flags[flag].getValue();
    if (written) sources.push({ via: 'COPY --from', written, flag, option: -1 });
  } else if (instruction instanceof Run) {
    instruction.getFlags().forEach((flag, f) => {
      if (flag.getName() !== 'mount') return;
      flag.getOptions().forEach((option, o) => {
        const written = option.getValue();
        if (option.getName() === 'from' && written) sources.push({ via: 'RUN --mount', written, flag: f, option: o });
      });
    });
  }
  return sources;
}

/** Where a named source's value is written; undefined when it has no range (nothing is judged then). */
function rangeOf(instruction: Instruction, source: NamedSource): Range | undefined {
  const flag = (instruction as Copy | Run).getFlags()[source.flag];
  return (source.option < 0 ? flag.getValueRange() : flag.getOptions()[source.option].getValueRange()) ?? undefined;
}
