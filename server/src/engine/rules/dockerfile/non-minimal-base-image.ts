import { imagePartRange, imageTextStart, stageChain, type BaseImage, type DockerfileModel, type Stage } from '../../documents/dockerfile';
import type { ImageRef } from '../../documents/image-ref';
import { insertAt, remove, replace } from '../../fixes';
import { minimalAlternatives, variantReference, type MinimalVariant } from '../../knowledge/base-images';
import { execForm, imageUsage, isCopiedPath, startCommand, type ImageUsage, type StartCommand } from '../../knowledge/image-usage';
import { defineDockerfileRule } from '../../rule';
import type { Fix, Range, TextEdit } from '../../types';

const VARIANT_LABEL: Record<MinimalVariant['kind'], string> = {
  alpine: 'Alpine variant',
  slim: 'slim variant',
  minimal: 'minimal variant',
  micro: 'micro variant, no package manager',
  jre: 'runtime only, no JDK',
  runtime: 'runtime only, no SDK',
  nanoserver: 'Nano Server',
  distroless: 'distroless: no shell or package manager',
};

export default defineDockerfileRule({
  meta: {
    id: 'non-minimal-base-image',
    code: 'DG102',
    severity: 'info',
    category: 'attack-surface',
    title: 'Final stage built on a full image where a minimal variant exists',
    description:
      'A full distribution or language image puts a shell, a package manager, compilers and hundreds of packages in the final image: more for an attacker to use and more vulnerabilities to patch. Slim, Alpine, minimal and distroless variants carry only what the application needs.',
    references: { cis: '4.3' },
    messages: {
      fullImage:
        '{{image}} is {{description}}: its shell, package manager and tools ship in the final image and give an attacker more to work with; build on {{remedy}}.',
      fullImageThroughStage:
        'The final stage builds on {{image}} (through stage {{stage}}), {{description}}: its shell, package manager and tools ship in the final image and give an attacker more to work with; build on {{remedy}}.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final?.image.written) return;
    const chain = stageChain(final);
    const root = chain[chain.length - 1];
    const image = root.image;
    if (!image.ref || image.stage) return; // scratch, an unresolved ${ARG}, or a stage loop
    const advice = minimalAlternatives(image.ref);
    if (!advice) return;

    // Everything built on the same external image changes with it, builder stages included; an edited
    // `ARG BASE=` default also changes every other stage that starts `FROM ${BASE}`.
    const argName = image.argDefault?.name;
    const affected = model.stages.filter(({ origin }) => origin === root || (argName !== undefined && origin.image.argDefault?.name === argName));
    const usage = imageUsage(model, affected);
    const start = startCommand(chain);
    const fixes: Fix[] = [];
    const fitting: MinimalVariant[] = [];
    for (const variant of advice.variants) {
      const extra = variant.distroless ? distrolessEdits(variant, usage, start, final) : fits(variant, usage) ? [] : undefined;
      if (!extra) continue;
      fitting.push(variant);
      const fix = switchTo(model, image, image.ref, variant, extra);
      // The first variant that fits is the one to take; the others stay on offer.
      if (fix) fixes.push(fixes.length === 0 ? { ...fix, preferred: true } : fix);
    }

    const shown = image.written === image.resolved ? image.written : `${image.written} (${image.resolved})`;
    const best = fitting[0] ?? advice.variants[0];
    const remedy = best ? `a minimal variant such as ${variantReference(image.ref, best)}` : (advice.alternative ?? 'a minimal image');
    report({
      range: findingRange(model, root),
      ...(root === final
        ? { messageId: 'fullImage', data: { image: shown!, description: advice.description, remedy } }
        : { messageId: 'fullImageThroughStage', data: { image: shown!, stage: final.image.written!, description: advice.description, remedy } }),
      fixes,
    });
  },
});

/** The tag names the variant; without a tag, the whole image. */
function findingRange(model: DockerfileModel, stage: Stage): Range {
  const image = stage.image;
  const ref = image.ref!;
  if (ref.tag && ref.tagOffset !== undefined) {
    const range = imagePartRange(model, image, ref.tagOffset, ref.tagOffset + ref.tag.length);
    if (range) return range;
  }
  return image.range ?? stage.from.getRange();
}

/** A variant with a shell fits when the stages use only its package manager and none of the tools it lacks. */
function fits(variant: MinimalVariant, usage: ImageUsage): boolean {
  for (const manager of usage.managers) if (manager !== variant.packageManager) return false;
  const installs = variant.packageManager !== undefined && usage.managers.has(variant.packageManager);
  // A stage that installs packages with the variant's manager can install the single tools it needs; not an SDK.
  return !variant.lacks.some((program) => usage.programs.has(program) && (!installs || program.includes(' ')));
}

/**
 * Distroless has no shell, no package manager and no users but root and nonroot: it fits only stages that run
 * nothing at build time but files they copied in, and start in exec form. Language images start their runtime
 * themselves, so the CMD loses its `node`/`python`/`java -jar`. Returns the extra edits, or undefined.
 */
function distrolessEdits(variant: MinimalVariant, usage: ImageUsage, start: StartCommand, final: Stage): TextEdit[] | undefined {
  if (usage.shellRuns.length || usage.healthchecks.length) return undefined;
  if (!usage.execRunPrograms.every((program) => isCopiedPath(usage, program))) return undefined;
  const user = final.user?.written;
  if (user !== undefined && !/^(?:root|nonroot|\d+)(?::(?:root|nonroot|\d+))?$/.test(user)) return undefined;

  const runtime = variant.distroless?.runtime;
  if (runtime) {
    if (start.entrypoint) return undefined;
    if (!start.cmd) return []; // the inherited CMD starts the bare runtime, as distroless does
    const exec = execForm(start.cmd);
    const drop = 1 + runtime.leadingArgs.length;
    if (!exec || exec.length <= drop) return undefined;
    const program = exec[0].getJSONValue();
    if (!runtime.programs.includes(program.slice(program.lastIndexOf('/') + 1))) return undefined;
    if (runtime.leadingArgs.some((arg, i) => exec[i + 1].getJSONValue() !== arg)) return undefined;
    return [remove({ start: exec[0].getRange().start, end: exec[drop].getRange().start })];
  }

  const launcher = start.entrypoint ?? start.cmd;
  const exec = launcher && execForm(launcher);
  const program = exec?.[0]?.getJSONValue();
  return program && isCopiedPath(usage, program) ? [] : undefined;
}

function switchTo(model: DockerfileModel, image: BaseImage, ref: ImageRef, variant: MinimalVariant, extra: TextEdit[]): Fix | undefined {
  const edits = imageEdits(model, image, ref, variant);
  if (!edits) return undefined;
  const target = variantReference(ref, variant);
  const notes = [VARIANT_LABEL[variant.kind]];
  if (ref.digest !== undefined) notes.push('pin its digest again');
  if (extra.length) notes.push('CMD no longer names the runtime');
  return { title: `Use ${target} (${notes.join('; ')})`, kind: 'suggestion', edits: [...edits, ...extra] };
}

/**
 * The narrowest edits: the tag (or `:tag` inserted after the name), the name for `ubi` → `ubi-minimal`, the
 * whole reference for distroless; in the global ARG's default when the image comes from one. A variant pinned
 * by digest loses the digest, which named the old image.
 */
function imageEdits(model: DockerfileModel, image: BaseImage, ref: ImageRef, variant: MinimalVariant): TextEdit[] | undefined {
  const base = imageTextStart(model, image);
  if (base === undefined) return appendToWrittenTag(image, ref, variant);
  const at = (start: number, end: number) => model.lines.rangeAt(base + start, base + end);
  if (variant.reference) return [replace(at(0, ref.raw.length), variant.reference)];

  const edits: TextEdit[] = [];
  if (variant.name) edits.push(replace(at(ref.pathEnd - ref.name.length, ref.pathEnd), variant.name));
  if (variant.tag !== undefined) {
    if (ref.tagOffset !== undefined && ref.tag !== undefined) edits.push(replace(at(ref.tagOffset, ref.tagOffset + ref.tag.length), variant.tag));
    else edits.push(insertAt(at(ref.pathEnd, ref.pathEnd).start, `:${variant.tag}`));
  }
  if (ref.digestOffset !== undefined) edits.push(remove(at(ref.digestOffset - 1, ref.raw.length)));
  return edits;
}

/** `FROM node:${NODE_VERSION}`: a variant that only appends to the tag (`-alpine`) is appended after the variable. */
function appendToWrittenTag(image: BaseImage, ref: ImageRef, variant: MinimalVariant): TextEdit[] | undefined {
  if (!image.range || !image.written?.includes(':') || ref.digest !== undefined || variant.name || variant.reference) return undefined;
  const target = variantReference(ref, variant);
  if (!target.startsWith(ref.raw) || target === ref.raw) return undefined;
  return [insertAt(image.range.end, target.slice(ref.raw.length))];
}
