import { Run, type Instruction } from 'dockerfile-ast';
import { stageChain, type DockerfileModel, type Stage } from '../../documents/dockerfile';
import { instructionEnd } from '../../documents/instruction-end';
import type { ShellSource } from '../../documents/shell-source';
import { insertAt } from '../../fixes';
import { hasOption, insertOptionAfter, isInstall, packageCommand, type PackageCommand } from '../../knowledge/packages';
import { commandArgs, commandName, isOpenAtEnd, type SimpleCommand } from '../../knowledge/shell';
import { orderedCommands } from '../../knowledge/shell-scopes';
import { defineDockerfileRule, type Report } from '../../rule';
import type { Fix } from '../../types';

const APT_LISTS = '/var/lib/apt/lists';
const APT_CLEANUP = `rm -rf ${APT_LISTS}/*`;

/**
 * Where each manager keeps what a cleanup must remove; a `RUN --mount=type=cache` or `type=tmpfs` on one of
 * them (or on a folder above) keeps it out of the layer. apt's finding is about its lists; yum keeps its cache in
 * /var/cache/yum (EL7) or /var/cache/dnf (EL8 on, where yum is dnf), dnf5 in /var/cache/libdnf5.
 */
const CACHE_FOLDERS: Record<'apt' | 'apk' | 'dnf', string[]> = {
  apt: [APT_LISTS],
  apk: ['/var/cache/apk', '/etc/apk/cache'],
  dnf: ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'],
};

interface RunCode {
  run: Run;
  stage?: Stage;
  sources: ShellSource[];
  commands: { source: ShellSource; command: SimpleCommand; call?: PackageCommand }[];
}

export default defineDockerfileRule({
  meta: {
    id: 'package-cache-kept',
    code: 'DG113',
    severity: 'info',
    category: 'hygiene',
    title: 'Package manager cache left in the image',
    description:
      'Package indexes and downloaded packages left behind by apt, apk, yum or dnf stay in the layer for good, even if a later step deletes them: a bigger image with stale metadata about what could be installed.',
    references: {
      hadolint: ['DL3009', 'DL3019', 'DL3032', 'DL3040'],
      kics: ['apt_get_install_lists_were_not_deleted', 'apk_add_using_local_cache_path', 'missing_dnf_clean_all', 'yum_clean_all_missing'],
    },
    profile: 'strict',
    messages: {
      apkCache: 'apk add without --no-cache leaves the package index in /var/cache/apk in this layer for good; add --no-cache.',
      aptLists: `This RUN installs packages but leaves the apt lists in ${APT_LISTS} in its layer for good; end it with ${APT_CLEANUP}.`,
      dnfCache: '{{program}} install leaves its metadata and package cache in /var/cache in this layer for good; end the RUN with {{program}} clean all.',
    },
    fixable: true,
    hasSuggestions: false,
  },
  check({ model, report }) {
    // Caches in a builder stage never reach the image; only the final stage and the stages it builds on count.
    const shipped = new Set<Stage | undefined>(model.finalStage ? stageChain(model.finalStage) : []);
    const runs = runsOf(model).filter((r) => shipped.has(r.stage));
    // Stages that a later RUN installing with apt without updating builds on (its own included): that RUN relies on
    // the lists left behind. Marked up each chain as far as it is not marked yet, so every stage is marked once.
    const listsNeeded = new Set<Stage>();
    for (let i = runs.length - 1; i >= 0; i--) {
      const code = runs[i];
      checkApk(code, model.text, report);
      checkApt(model, code, listsNeeded, report);
      checkDnf(model, code, report);
      if (code.stage && installsWithoutUpdate(code)) {
        for (let stage: Stage | undefined = code.stage; stage && !listsNeeded.has(stage); stage = stage.image.stage) listsNeeded.add(stage);
      }
    }
  },
});

/**
 * `apk add` without `--no-cache` keeps the index it downloaded in /var/cache/apk, unless a later command of the
 * RUN removes it; `--no-network` downloads nothing to keep.
 */
function checkApk(code: RunCode, text: string, report: (r: Report<'apkCache' | 'aptLists' | 'dnfCache'>) => void): void {
  if (keptOut(code.run, CACHE_FOLDERS.apk)) return;
  code.commands.forEach(({ source, call }, index) => {
    if (!call || call.manager !== 'apk' || !isInstall(call) || hasOption(call, '--no-cache', '--no-network')) return;
    if (removesAfter(code, index, CACHE_FOLDERS.apk)) return;
    report({
      range: source.rangeOf(call.program.start, call.subcommand!.end),
      messageId: 'apkCache',
      fixes: [{ title: 'Add --no-cache', kind: 'fix', edits: [insertOptionAfter(source, call.subcommand!, '--no-cache', text)] }],
    });
  });
}

/**
 * `apt-get install` needs its lists removed in the same RUN, after the last command that fetches them or
 * installs (`rm -rf /var/lib/apt/lists/*`, or `apt-get dist-clean`): a later RUN cannot shrink this layer, and a
 * removal before the install removes nothing the install leaves.
 */
function checkApt(model: DockerfileModel, code: RunCode, listsNeeded: Set<Stage>, report: (r: Report<'apkCache' | 'aptLists' | 'dnfCache'>) => void): void {
  if (keptOut(code.run, CACHE_FOLDERS.apt)) return;
  const install = code.commands.find(({ call }) => call?.manager === 'apt' && isInstall(call));
  if (!install) return;
  let last = -1;
  code.commands.forEach(({ call }, index) => {
    if (call?.manager === 'apt' && (isInstall(call) || call.subcommand?.value === 'update')) last = index;
  });
  const distClean = code.commands.some(({ call }, index) => index > last && call?.manager === 'apt' && call.subcommand?.value === 'dist-clean');
  if (distClean || removesAfter(code, last, CACHE_FOLDERS.apt)) return;
  // Removing the lists breaks a later `apt-get install` that counts on them being there (no update of its own).
  const laterNeedsLists = listsNeeded.has(code.stage!);
  const fix = laterNeedsLists ? undefined : appendCommand(model, code, APT_CLEANUP);
  report({
    range: install.source.rangeOf(install.call!.program.start, install.call!.subcommand!.end),
    messageId: 'aptLists',
    fixes: fix ? [fix] : [],
  });
}

/** yum, dnf and microdnf keep metadata and packages in /var/cache until `clean all` runs after them in the same RUN. */
function checkDnf(model: DockerfileModel, code: RunCode, report: (r: Report<'apkCache' | 'aptLists' | 'dnfCache'>) => void): void {
  if (keptOut(code.run, CACHE_FOLDERS.dnf)) return;
  const reported = new Set<string>();
  code.commands.forEach(({ source, call }, index) => {
    if (!call || (call.manager !== 'dnf' && call.manager !== 'microdnf') || !isInstall(call)) return;
    const program = call.program.value.slice(call.program.value.lastIndexOf('/') + 1);
    if (reported.has(program) || cleansAllAfter(code, index, program) || removesAfter(code, index, CACHE_FOLDERS.dnf)) return;
    reported.add(program);
    const fix = appendCommand(model, code, `${program} clean all`);
    report({
      range: source.rangeOf(call.program.start, call.subcommand!.end),
      messageId: 'dnfCache',
      data: { program },
      fixes: fix ? [fix] : [],
    });
  });
}

const COMMANDS = Symbol('commands with their package manager calls');

function commandsOf(source: ShellSource, text: string): RunCode['commands'] {
  return orderedCommands(source, text).map((command) => ({ source, command, call: packageCommand(command) }));
}

function runsOf(model: DockerfileModel): RunCode[] {
  const byRun = new Map<Instruction, RunCode>();
  for (const source of model.shellSources) {
    if (!(source.instruction instanceof Run)) continue;
    let code = byRun.get(source.instruction);
    if (!code) byRun.set(source.instruction, (code = { run: source.instruction, stage: source.stage, sources: [], commands: [] }));
    code.sources.push(source);
    for (const command of source.reading(COMMANDS, () => commandsOf(source, model.text))) code.commands.push(command);
  }
  return [...byRun.values()];
}

/**
 * A `--mount=type=cache` or `type=tmpfs` on one of the folders, or on a folder above it: what is written there
 * is not part of the layer (a cache mount on /var/cache/apt keeps the archives out, not the lists in /var/lib/apt).
 */
function keptOut(run: Run, folders: string[]): boolean {
  return run.getFlags().some((flag) => {
    if (flag.getName() !== 'mount') return false;
    const options = new Map(flag.getOptions().map((o) => [o.getName(), o.getValue() ?? '']));
    const type = options.get('type');
    if (type !== 'cache' && type !== 'tmpfs') return false;
    const target = (options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '').replace(/\/+$/, '');
    return target !== '' && folders.some((folder) => folder === target || folder.startsWith(`${target}/`));
  });
}

/** An `rm` of one of the folders, or of something inside it, after the command at `index`. */
function removesAfter(code: RunCode, index: number, folders: string[]): boolean {
  return code.commands.some(
    ({ command }, i) =>
      i > index &&
      commandName(command) === 'rm' &&
      commandArgs(command).some((a) => folders.some((folder) => a.value === folder || a.value.startsWith(`${folder}/`))),
  );
}

function cleansAllAfter(code: RunCode, index: number, program: string): boolean {
  return code.commands.some(({ call }, i) => {
    if (i <= index || !call || call.subcommand?.value !== 'clean') return false;
    const name = call.program.value.slice(call.program.value.lastIndexOf('/') + 1);
    return (name === program || call.manager === 'dnf') && call.operands.some((o) => o.value === 'all' || o.value === 'packages' || o.value === 'metadata');
  });
}

function installsWithoutUpdate(code: RunCode): boolean {
  const apt = code.commands.filter(({ call }) => call?.manager === 'apt');
  return apt.some(({ call }) => isInstall(call!)) && !apt.some(({ call }) => call!.subcommand?.value === 'update');
}

/**
 * Appends a command at the end of the RUN's shell code: ` && <command>` after its last word (before a trailing
 * comment, across continuation lines), or a line of its own at the end of a heredoc script. Exec form: no fix.
 */
function appendCommand(model: DockerfileModel, code: RunCode, command: string): Fix | undefined {
  const title = `Append \`${command}\` to this RUN`;
  const heredoc = [...code.sources].reverse().find((s) => s.heredoc);
  if (heredoc) {
    // A heredoc never closed: its last line is not the script's last command, and a line appended is more of it.
    if (!instructionEnd(code.run, model.lines).closable || isOpenAtEnd(heredoc.text)) return undefined;
    const end = heredoc.text.trimEnd().length;
    if (end === 0) return undefined;
    return { title, kind: 'fix', edits: [insertAt(heredoc.rangeOf(end, end).start, `${model.lines.eol}${command}`)] };
  }
  if (code.run.getOpeningBracket()) return undefined;
  const main = code.sources[0];
  if (isOpenAtEnd(main.text)) return undefined; // inside an unclosed quote the command would never run
  const pipelines = main.pipelines;
  const lastCommand = pipelines[pipelines.length - 1]?.commands.at(-1);
  const lastWord = lastCommand?.words.at(-1);
  if (!lastWord) return undefined;
  return { title, kind: 'fix', edits: [insertAt(main.rangeOf(lastWord.end, lastWord.end).start, ` && ${command}`)] };
}
