import { Run, type Instruction } from 'dockerfile-ast';
import { trimTrailingSlashes } from '../../paths';
import { stageBuildsOn, stageChain, type DockerfileModel, type Stage } from '../../documents/dockerfile';
import { instructionEnd } from '../../documents/instruction-end';
import type { ShellSource } from '../../documents/shell-source';
import { insertAt } from '../../fixes';
import { hasOption, insertOptionAfter, isInstall, packageCommand, type PackageCommand, type PackageManager } from '../../knowledge/packages';
import { isOfficialHubImage } from '../../documents/image-ref';
import { instructionSettings } from '../../knowledge/environment-settings';
import { commandArgs, commandIndex, commandName, isOpenAtEnd, type SimpleCommand, type Word } from '../../knowledge/shell';
import { orderedCommands, programOf } from '../../knowledge/shell-scopes';
import { defineDockerfileRule, type Report } from '../../rule';
import type { Fix } from '../../types';

const APT_LISTS = '/var/lib/apt/lists';
const APT_CLEANUP = `rm -rf ${APT_LISTS}/*`;
const APT_ARCHIVES = '/var/cache/apt/archives';

/**
 * What makes apt keep the packages it downloads: the Debian and Ubuntu images' /etc/apt/apt.conf.d/docker-clean
 * deletes them after every install, until a RUN removes it or sets Keep-Downloaded-Packages (what BuildKit's cache
 * mount recipe does, to keep them in a cache mount on /var/cache/apt).
 */
const KEEPS_ARCHIVES = /\brm\b[^\n;&|]*\/etc\/apt\/apt\.conf\.d\/docker-clean|Keep-Downloaded-Packages\W+(?:true|1|yes)\b/i;

/**
 * Where each manager keeps what a cleanup must remove; a `RUN --mount=type=cache` or `type=tmpfs` on one of
 * them (or on a folder above) keeps it out of the layer. apt's (and aptitude's) finding is about its lists; yum keeps
 * its cache in /var/cache/yum (EL7) or /var/cache/dnf (EL8 on, where yum is dnf), dnf5 in /var/cache/libdnf5.
 */
const CACHE_FOLDERS: Record<'apt' | 'apk' | 'dnf' | 'zypper', string[]> = {
  apt: [APT_LISTS],
  apk: ['/var/cache/apk', '/etc/apk/cache'],
  dnf: ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'],
  zypper: ['/var/cache/zypp'],
};

/**
 * The language package managers' caches, under the home folder of whoever runs them (`~`, `$HOME`, `/root`,
 * `/home/<user>`), and the absolute ones: yarn 1 run as root in the node images keeps its cache in
 * /usr/local/share/.cache/yarn.
 */
type Tool = 'pip' | 'uv' | 'npm' | 'yarn' | 'gem';
const TOOL_CACHES: Record<Tool, { home: string[]; absolute: string[] }> = {
  pip: { home: ['.cache/pip'], absolute: [] },
  uv: { home: ['.cache/uv'], absolute: [] },
  npm: { home: ['.npm/_cacache'], absolute: [] },
  yarn: { home: ['.cache/yarn', '.yarn/berry/cache'], absolute: ['/usr/local/share/.cache/yarn'] },
  gem: { home: [], absolute: [] },
};

/**
 * `gem: --no-document` (or `install: --no-document`) written into a gemrc: the official ruby images ship one in
 * /usr/local/etc/gemrc, so their gem installs generate no documentation.
 */
const GEMRC_NO_DOCUMENT = /(?:gem|install):\s*[^\n]*--no-document[^]*gemrc|gemrc[^]*(?:gem|install):\s*[^\n]*--no-document/;

/** Environment variables that turn the cache off: pip takes any value (it reads "off" and "0" as off too), uv a true one. */
const CACHE_OFF_SETTINGS: Partial<Record<Tool, { name: string; value: RegExp }>> = {
  pip: { name: 'PIP_NO_CACHE_DIR', value: /^\S/ },
  uv: { name: 'UV_NO_CACHE', value: /^(?:1|true|yes|on)$/i },
};

/** Programs and variables whose presence in a RUN's text may make it a concern of this rule: read before lexing. */
const CONCERNS = /apt|apk|yum|dnf|zypper|pip|uv|npm|yarn|gem|\.cache/;

/** A call of a language package manager that downloads packages into its cache. */
interface ToolCall {
  tool: Tool;
  /** The program as written (`pip3`, `python3`, `uv`, `npm`). */
  program: Word;
  /** `install`, `ci`, `sync`...; undefined for a bare `yarn`, which installs. */
  subcommand?: Word;
  /** Every word after the program. */
  args: Word[];
}

interface RunCode {
  run: Run;
  stage?: Stage;
  sources: ShellSource[];
  commands: { source: ShellSource; command: SimpleCommand; call?: PackageCommand; tool?: ToolCall }[];
  /** Which checks the RUN's commands concern (APK, APT...). */
  kinds: number;
  /** Targets of the RUN's cache and tmpfs mounts, read on first use. */
  mounts?: string[];
  /** Answers of lastIndex and firstIndex, by question. */
  lastIndexes?: Map<string, number>;
}

export default defineDockerfileRule({
  meta: {
    id: 'package-cache-kept',
    code: 'DG113',
    severity: 'info',
    category: 'hygiene',
    title: 'Package manager cache left in the image',
    description:
      'Package indexes and downloaded packages left behind by apt, aptitude, apk, yum, dnf, microdnf, zypper, pip, uv, npm or yarn (and the documentation gem generates) stay in the layer for good, even if a later step deletes them: a bigger image with stale metadata about what could be installed.',
    references: {
      hadolint: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060'],
      kics: [
        'apt_get_install_lists_were_not_deleted',
        'apk_add_using_local_cache_path',
        'missing_dnf_clean_all',
        'yum_clean_all_missing',
        'missing_zypper_clean',
        'pip_install_keeping_cached_packages',
      ],
    },
    profile: 'strict',
    messages: {
      apkCache: 'apk add without --no-cache leaves the package index in /var/cache/apk in this layer for good; add --no-cache.',
      aptLists: `This RUN installs packages but leaves the apt lists in ${APT_LISTS} in its layer for good; end it with ${APT_CLEANUP}.`,
      aptArchives: `This RUN installs packages and, with docker-clean removed above, leaves the downloaded .deb files in ${APT_ARCHIVES} in its layer for good; mount a cache on /var/cache/apt as well, or end the RUN with apt-get clean.`,
      dnfCache: '{{program}} install leaves its metadata and package cache in /var/cache in this layer for good; end the RUN with {{program}} clean all.',
      zypperCache: 'zypper install leaves the repository metadata in /var/cache/zypp in this layer for good; end the RUN with zypper clean -a.',
      pipCache: '{{command}} keeps every package it downloads in the pip cache (~/.cache/pip) in this layer for good; add --no-cache-dir.',
      uvCache: '{{command}} keeps every package it downloads in the uv cache (~/.cache/uv) in this layer for good; add --no-cache.',
      npmCache: '{{command}} keeps every package it downloads in the npm cache (~/.npm) in this layer for good; end the RUN with npm cache clean --force.',
      yarnCache: '{{command}} keeps every package it downloads in the yarn cache in this layer for good; end the RUN with yarn cache clean.',
      gemDocs:
        '{{command}} generates documentation for every gem it installs, which nobody reads in a container and which stays in this layer for good; add --no-document.',
    },
    fixable: true,
    hasSuggestions: true,
  },
  check({ model, report }) {
    // Caches in a builder stage never reach the image; only the final stage and the stages it builds on count.
    const shipped = new Set<Stage | undefined>(model.finalStage ? stageChain(model.finalStage) : []);
    const runs = runsOf(model, shipped);
    const keepers = archiveKeepers(model, shipped);
    const settings = runs.some((code) => code.kinds & TOOLS) ? cacheOffSettings(model) : undefined;
    // Stages that a later RUN installing with apt without updating builds on (its own included): that RUN relies on
    // the lists left behind. Marked up each chain as far as it is not marked yet, so every stage is marked once.
    const listsNeeded = new Set<Stage>();
    for (let i = runs.length - 1; i >= 0; i--) {
      const code = runs[i];
      const kinds = code.kinds;
      if (kinds & APK) checkApk(code, model.text, report);
      if (kinds & APT) checkApt(model, code, listsNeeded, keepsArchives(code, keepers), report);
      if (kinds & DNF) checkDnf(model, code, report);
      if (kinds & ZYPPER) checkZypper(model, code, report);
      if (kinds & TOOLS) checkTools(model, code, settings ?? [], report);
      if (kinds & APT && code.stage && installsWithoutUpdate(code)) {
        for (let stage: Stage | undefined = code.stage; stage && !listsNeeded.has(stage); stage = stage.image.stage) listsNeeded.add(stage);
      }
    }
  },
});

type MessageId = 'apkCache' | 'aptLists' | 'aptArchives' | 'dnfCache' | 'zypperCache' | 'pipCache' | 'uvCache' | 'npmCache' | 'yarnCache' | 'gemDocs';
type Reporter = (r: Report<MessageId>) => void;

/**
 * `apk add` without `--no-cache` keeps the index it downloaded in /var/cache/apk, unless a later command of the
 * RUN removes it; `--no-network` downloads nothing to keep.
 */
function checkApk(code: RunCode, text: string, report: Reporter): void {
  if (keptOut(code, CACHE_FOLDERS.apk)) return;
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

/** apt and aptitude share the lists in /var/lib/apt/lists (`aptitude clean` removes the packages, not them). */
function isApt(call: PackageCommand | undefined): call is PackageCommand {
  return call !== undefined && (call.manager === 'apt' || call.manager === 'aptitude');
}

/**
 * `apt-get install` needs its lists removed in the same RUN, after the last command that fetches them or
 * installs (`rm -rf /var/lib/apt/lists/*`, or `apt-get dist-clean`): a later RUN cannot shrink this layer, and a
 * removal before the install removes nothing the install leaves.
 */
function checkApt(model: DockerfileModel, code: RunCode, listsNeeded: Set<Stage>, archivesKept: boolean, report: Reporter): void {
  const install = code.commands.find(({ call }) => isApt(call) && isInstall(call));
  if (!install) return;
  let last = -1;
  code.commands.forEach(({ call }, index) => {
    if (isApt(call) && (isInstall(call) || call.subcommand?.value === 'update')) last = index;
  });
  const cleansAfter = (...subcommands: string[]) =>
    code.commands.some(({ call }, index) => index > last && call?.manager === 'apt' && subcommands.includes(call.subcommand?.value ?? ''));
  const range = install.source.rangeOf(install.call!.program.start, install.call!.subcommand!.end);
  if (archivesKept && !keptOut(code, [APT_ARCHIVES]) && !cleansAfter('clean', 'dist-clean') && !removesAfter(code, last, [APT_ARCHIVES])) {
    report({ range, messageId: 'aptArchives' });
  }
  if (keptOut(code, CACHE_FOLDERS.apt) || cleansAfter('dist-clean') || removesAfter(code, last, CACHE_FOLDERS.apt)) return;
  // Removing the lists breaks a later `apt-get install` that counts on them being there (no update of its own).
  const laterNeedsLists = listsNeeded.has(code.stage!);
  const fix = laterNeedsLists ? undefined : appendCommand(model, code, APT_CLEANUP);
  report({ range, messageId: 'aptLists', fixes: fix ? [fix] : [] });
}

/** Where in each shipped stage a RUN first made apt keep its archives (KEEPS_ARCHIVES): the offset of its code. */
function archiveKeepers(model: DockerfileModel, shipped: Set<Stage | undefined>): Map<Stage, number> {
  const first = new Map<Stage, number>();
  if (!model.text.includes('docker-clean') && !model.text.includes('Keep-Downloaded-Packages')) return first;
  for (const source of model.shellSources) {
    if (source.stage && shipped.has(source.stage) && !first.has(source.stage) && KEEPS_ARCHIVES.test(source.text)) first.set(source.stage, source.offset);
  }
  return first;
}

/** Whether apt keeps its archives in this RUN: made so in an earlier RUN (or this one) of its stage or a stage it builds on. */
function keepsArchives(code: RunCode, keepers: Map<Stage, number>): boolean {
  if (keepers.size === 0) return false;
  const end = code.sources[code.sources.length - 1].offset;
  for (let stage = code.stage; stage; stage = stage.image.stage) {
    const at = keepers.get(stage);
    if (at !== undefined && (stage !== code.stage || at <= end)) return true;
  }
  return false;
}

/** yum, dnf and microdnf keep metadata and packages in /var/cache until `clean all` runs after them in the same RUN. */
function checkDnf(model: DockerfileModel, code: RunCode, report: Reporter): void {
  const reported = new Set<string>();
  code.commands.forEach(({ source, call }, index) => {
    if (!call || (call.manager !== 'dnf' && call.manager !== 'microdnf') || !isInstall(call)) return;
    const program = call.program.value.slice(call.program.value.lastIndexOf('/') + 1);
    if (reported.has(program) || keptOut(code, CACHE_FOLDERS.dnf) || cleansAllAfter(code, index, program) || removesAfter(code, index, CACHE_FOLDERS.dnf))
      return;
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

/**
 * zypper keeps the repositories' metadata in /var/cache/zypp until `zypper clean` runs after it in the same RUN.
 * Without an option `zypper clean` removes only downloaded packages (which zypper does not keep by default), but
 * it is accepted as hadolint (DL3036) accepts it; the fix writes `-a`, which removes the metadata too.
 */
function checkZypper(model: DockerfileModel, code: RunCode, report: Reporter): void {
  const index = code.commands.findIndex(({ call }) => call?.manager === 'zypper' && isInstall(call));
  if (index < 0 || keptOut(code, CACHE_FOLDERS.zypper) || removesAfter(code, index, CACHE_FOLDERS.zypper)) return;
  const cleans = code.commands.some(
    ({ call }, i) => i > index && call?.manager === 'zypper' && (call.subcommand?.value === 'clean' || call.subcommand?.value === 'cc'),
  );
  if (cleans) return;
  const { source, call } = code.commands[index];
  const fix = appendCommand(model, code, 'zypper clean -a');
  report({ range: source.rangeOf(call!.program.start, call!.subcommand!.end), messageId: 'zypperCache', fixes: fix ? [fix] : [] });
}

/**
 * pip, uv, npm and yarn keep what they download in a cache in the home folder. pip and uv get an option that turns
 * the cache off (one per call); npm and yarn get a cleanup appended to the RUN (one per RUN and tool).
 */
function checkTools(model: DockerfileModel, code: RunCode, settings: CacheOffSetting[], report: Reporter): void {
  const reported = new Set<Tool>();
  code.commands.forEach(({ source, command, tool }, index) => {
    if (!tool || reported.has(tool.tool)) return;
    const kind = tool.tool;
    if (keptOutOfHome(code, kind) || cleansToolAfter(code, index, kind) || cacheTurnedOff(code, index, command, tool, settings)) return;
    const end = (tool.subcommand ?? tool.program).end;
    const range = source.rangeOf(tool.program.start, end);
    const written = [tool.program, ...tool.args.filter((w) => w.end <= end)].map((w) => w.value.slice(w.value.lastIndexOf('/') + 1)).join(' ');
    if (kind === 'gem' && gemDocumentOff(model, code)) return;
    if (kind === 'pip' || kind === 'uv' || kind === 'gem') {
      const option = kind === 'pip' ? '--no-cache-dir' : kind === 'uv' ? '--no-cache' : '--no-document';
      report({
        range,
        messageId: kind === 'pip' ? 'pipCache' : kind === 'uv' ? 'uvCache' : 'gemDocs',
        data: { command: written },
        fixes: [{ title: `Add ${option}`, kind: 'fix', edits: [insertOptionAfter(source, tool.subcommand!, option, model.text)] }],
      });
      return;
    }
    reported.add(kind);
    // Yarn 2 and later with Plug'n'Play read the packages from the cache at run time: removing it is only a suggestion.
    const fix = appendCommand(model, code, kind === 'npm' ? 'npm cache clean --force' : 'yarn cache clean', kind === 'npm' ? 'fix' : 'suggestion');
    report({ range, messageId: kind === 'npm' ? 'npmCache' : 'yarnCache', data: { command: written }, fixes: fix ? [fix] : [] });
  });
}

const PIP = /^pip(?:\d+(?:\.\d+)*)?$/;
const PYTHON = /^python(?:\d+(?:\.\d+)*)?$/;
const NPM_INSTALLS = new Set([
  'install',
  'i',
  'in',
  'ins',
  'inst',
  'insta',
  'instal',
  'isnt',
  'isnta',
  'isntal',
  'isntall',
  'add',
  'ci',
  'clean-install',
  'ic',
  'install-clean',
  'isntall-clean',
  'update',
  'up',
  'upgrade',
]);
const YARN_INSTALLS = new Set(['install', 'add']);

/** Reads a command as a pip, uv, npm or yarn call that downloads packages; undefined for anything else. */
function toolCall(command: SimpleCommand): ToolCall | undefined {
  const found = programOf(command);
  if (!found) return undefined;
  const name = found.name;
  const program = command.words[found.index];
  const args = command.words.slice(found.index + 1);
  const operands = args.filter((w) => !w.value.startsWith('-'));
  if (PIP.test(name)) return operands[0]?.value === 'install' ? { tool: 'pip', program, subcommand: operands[0], args } : undefined;
  if (PYTHON.test(name)) {
    const m = args.findIndex((w) => w.value === '-m');
    if (m < 0 || args[m + 1]?.value !== 'pip') return undefined;
    const subcommand = args.slice(m + 2).find((w) => !w.value.startsWith('-'));
    return subcommand?.value === 'install' ? { tool: 'pip', program, subcommand, args } : undefined;
  }
  if (name === 'uv') {
    const [first, second] = operands;
    if (first?.value === 'sync') return { tool: 'uv', program, subcommand: first, args };
    if (first?.value === 'pip' && (second?.value === 'install' || second?.value === 'sync')) return { tool: 'uv', program, subcommand: second, args };
    return undefined;
  }
  if (name === 'gem')
    return operands[0]?.value === 'install' || operands[0]?.value === 'i' ? { tool: 'gem', program, subcommand: operands[0], args } : undefined;
  if (name === 'npm') return operands[0] && NPM_INSTALLS.has(operands[0].value) ? { tool: 'npm', program, subcommand: operands[0], args } : undefined;
  if (name === 'yarn') {
    const first = operands[0];
    if (!first) return args.length === 0 || args.every((w) => w.value.startsWith('-')) ? { tool: 'yarn', program, args } : undefined;
    if (YARN_INSTALLS.has(first.value)) return { tool: 'yarn', program, subcommand: first, args };
    if (first.value === 'global' && operands[1]?.value === 'add') return { tool: 'yarn', program, subcommand: operands[1], args };
  }
  return undefined;
}

/** The option that turns the cache off, or a cleanup of the tool's own after the call (`pip cache purge`). */
function cleansToolAfter(code: RunCode, index: number, tool: Tool): boolean {
  const own = code.commands[index].tool!;
  if (tool === 'pip' && own.args.some((w) => w.value === '--no-cache-dir' || w.value.startsWith('--no-cache-dir='))) return true;
  if (tool === 'uv' && own.args.some((w) => w.value === '--no-cache' || w.value === '-n')) return true;
  // gem's -N is --no-document; RubyGems 2's --no-ri and --no-rdoc say the same.
  if (tool === 'gem') return own.args.some((w) => ['--no-document', '-N', '--no-ri', '--no-rdoc'].includes(w.value) || w.value.startsWith('--no-document='));
  return lastIndex(code, `cleanup ${tool}`, ({ command }) => cleansTool(command, tool)) > index;
}

/** `pip cache purge`, `npm cache clean --force`, `uv cache clean`, `yarn cache clean`, or an `rm` of the cache. */
function cleansTool(command: SimpleCommand, tool: Tool): boolean {
  const found = programOf(command);
  if (!found) return false;
  const words = command.words.slice(found.index + 1).map((w) => w.value);
  const name = found.name;
  if (tool === 'pip' && (PIP.test(name) || (PYTHON.test(name) && words[0] === '-m' && words[1] === 'pip'))) {
    const rest = PIP.test(name) ? words : words.slice(2);
    return rest[0] === 'cache' && rest[1] === 'purge';
  }
  if (name === tool && tool !== 'pip') return words[0] === 'cache' && (words[1] === 'clean' || words[1] === 'purge');
  return name === 'rm' && words.some((w) => removesToolCache(w, tool));
}

/**
 * The index of the RUN's last command that matches, found once per RUN and question (`key`): the checks ask "is
 * there a cleanup after this call" for every call, which would otherwise read the rest of the RUN each time.
 */
function lastIndex(code: RunCode, key: string, matches: (command: RunCode['commands'][number]) => boolean): number {
  const memo = (code.lastIndexes ??= new Map());
  let last = memo.get(key);
  if (last === undefined) {
    last = -1;
    for (let i = code.commands.length - 1; i >= 0; i--) {
      if (matches(code.commands[i])) {
        last = i;
        break;
      }
    }
    memo.set(key, last);
  }
  return last;
}

/** `rm -rf ~/.cache/pip`, `/root/.npm`, `$(yarn cache dir)`, `/usr/local/share/.cache/yarn/*`. */
function removesToolCache(word: string, tool: Tool): boolean {
  if (tool === 'yarn' && word.includes('yarn cache dir')) return true;
  if (tool === 'pip' && word.includes('pip cache dir')) return true;
  if (tool === 'uv' && word.includes('uv cache dir')) return true;
  return pathsOf(word).some((path) => coversToolCache(path, tool));
}

function coversToolCache(path: string, tool: Tool): boolean {
  const caches = TOOL_CACHES[tool];
  if (caches.absolute.some((folder) => covers(path, folder))) return true;
  const home = /^(?:~|\$HOME|\$\{HOME\}|\/root|\/home\/[^/]+)(?=\/|$)/.exec(path);
  if (!home) return false;
  const inHome = path.slice(home[0].length + 1);
  return inHome === '' || caches.home.some((folder) => covers(inHome, folder));
}

/** A cache or tmpfs mount on the tool's cache folder, or a folder above it. */
function keptOutOfHome(code: RunCode, tool: Tool): boolean {
  return mountsOf(code).some((target) => coversToolCache(target, tool));
}

interface CacheOffSetting {
  tool: Tool;
  stage?: Stage;
  offset: number;
}

/** `ENV PIP_NO_CACHE_DIR=1`, `ARG UV_NO_CACHE=1`: read only when the document names one of the variables. */
function cacheOffSettings(model: DockerfileModel): CacheOffSetting[] {
  if (!model.text.includes('_NO_CACHE')) return [];
  const settings: CacheOffSetting[] = [];
  for (const { instruction, stage, onbuild } of model.instructions) {
    if (onbuild) continue;
    for (const setting of instructionSettings(instruction)) {
      for (const tool of ['pip', 'uv'] as const) {
        const off = CACHE_OFF_SETTINGS[tool]!;
        if (setting.name === off.name && off.value.test(setting.value.trim()))
          settings.push({ tool, stage, offset: model.lines.offsetAt(setting.range.start) });
      }
    }
  }
  return settings;
}

/**
 * The variable that turns the cache off is set for this call: before it on its command line (`PIP_NO_CACHE_DIR=1
 * pip install`, `env UV_NO_CACHE=1 uv sync`), exported earlier in the RUN, or set by an ENV or ARG above the RUN in
 * its stage or a stage it builds on.
 */
function cacheTurnedOff(code: RunCode, index: number, command: SimpleCommand, tool: ToolCall, settings: CacheOffSetting[]): boolean {
  const off = CACHE_OFF_SETTINGS[tool.tool];
  if (!off) return false;
  const sets = (word: Word) => word.value.startsWith(`${off.name}=`) && off.value.test(word.value.slice(off.name.length + 1));
  if (command.words.slice(0, commandIndex(command)).some(sets)) return true;
  if (firstIndex(code, `export ${off.name}`, ({ command }) => command.words[0]?.value === 'export' && command.words.slice(1).some(sets)) < index) return true;
  const offset = code.sources[0].offset;
  return settings.some(
    (s) => s.tool === tool.tool && s.offset < offset && (code.stage && s.stage ? stageBuildsOn(code.stage, s.stage) : s.stage === code.stage),
  );
}

const GEMRC = Symbol('writes gem: --no-document into a gemrc');

/**
 * gem generates no documentation in this RUN: the stage chain starts from an official ruby image (its gemrc says
 * --no-document), or an earlier RUN of the chain wrote that into a gemrc.
 */
function gemDocumentOff(model: DockerfileModel, code: RunCode): boolean {
  const origin = code.stage?.origin.image.ref;
  if (origin && isOfficialHubImage(origin) && origin.name === 'ruby') return true;
  const offset = code.sources[0].offset;
  return model.shellSources.some(
    (s) =>
      s.offset < offset &&
      (code.stage && s.stage ? stageBuildsOn(code.stage, s.stage) : s.stage === code.stage) &&
      s.reading(GEMRC, () => s.text.includes('gemrc') && GEMRC_NO_DOCUMENT.test(s.text)),
  );
}

const COMMANDS = Symbol('commands with their package manager calls');

/** What a RUN calls, one bit per check, so a keystroke runs only the checks a RUN can concern. */
const APK = 1;
const APT = 2;
const DNF = 4;
const ZYPPER = 8;
const TOOLS = 16;
const KIND: Record<PackageManager, number> = { apk: APK, apt: APT, aptitude: APT, dnf: DNF, microdnf: DNF, zypper: ZYPPER };

interface SourceCommands {
  commands: RunCode['commands'];
  kinds: number;
}
const NO_COMMANDS: SourceCommands = { commands: [], kinds: 0 };

function commandsOf(source: ShellSource, text: string): SourceCommands {
  if (!CONCERNS.test(source.text)) return NO_COMMANDS;
  let kinds = 0;
  const commands = orderedCommands(source, text).map((command) => {
    const call = packageCommand(command);
    const tool = toolCall(command);
    if (call) kinds |= KIND[call.manager];
    if (tool) kinds |= TOOLS;
    return { source, command, call, tool };
  });
  return { commands, kinds };
}

/** The RUNs of the shipped stages that call a package manager, with their commands in order. */
function runsOf(model: DockerfileModel, shipped: Set<Stage | undefined>): RunCode[] {
  const byRun = new Map<Instruction, RunCode>();
  for (const source of model.shellSources) {
    if (!shipped.has(source.stage) || !(source.instruction instanceof Run)) continue;
    let code = byRun.get(source.instruction);
    if (!code) byRun.set(source.instruction, (code = { run: source.instruction, stage: source.stage, sources: [], commands: [], kinds: 0 }));
    code.sources.push(source);
    const read = source.reading(COMMANDS, () => commandsOf(source, model.text));
    code.kinds |= read.kinds;
    for (const command of read.commands) code.commands.push(command);
  }
  return [...byRun.values()].filter((code) => code.kinds !== 0);
}

const MOUNTS = Symbol('cache and tmpfs mount targets');

/**
 * Targets of the RUN's `--mount=type=cache` and `type=tmpfs`: what is written there is not part of the layer.
 * Kept with the RUN's first source, which lives as long as the RUN is unchanged.
 */
function mountsOf(code: RunCode): string[] {
  code.mounts ??= code.sources[0].reading(MOUNTS, () => {
    const targets: string[] = [];
    for (const flag of code.run.getFlags()) {
      if (flag.getName() !== 'mount') continue;
      const options = new Map(flag.getOptions().map((o) => [o.getName(), o.getValue() ?? '']));
      const type = options.get('type');
      if (type !== 'cache' && type !== 'tmpfs') continue;
      const target = trimTrailingSlashes(options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '');
      if (target !== '') targets.push(target);
    }
    return targets;
  });
  return code.mounts;
}

/**
 * A mount on one of the folders, or on a folder above it (a cache mount on /var/cache/apt keeps the archives out,
 * not the lists in /var/lib/apt).
 */
function keptOut(code: RunCode, folders: string[]): boolean {
  return mountsOf(code).some((target) => folders.some((folder) => folder === target || folder.startsWith(`${target}/`)));
}

/**
 * The paths an `rm` argument names, as far as they can be read: a brace list expanded (`/var/cache/{dnf,yum}`),
 * a trailing `/*` or `/` dropped (`/var/cache/apk/*` removes what counts in /var/cache/apk).
 */
function pathsOf(argument: string): string[] {
  const brace = /\{([^{}]*,[^{}]*)\}/.exec(argument);
  const paths = brace ? brace[1].split(',').map((part) => argument.slice(0, brace.index) + part + argument.slice(brace.index + brace[0].length)) : [argument];
  return paths.map((path) => path.replace(/(?:\/\*?)+$/, '') || '/');
}

/** The path is the folder, a folder above it, or something inside it. */
function covers(path: string, folder: string): boolean {
  return path === folder || folder.startsWith(path === '/' ? '/' : `${path}/`) || path.startsWith(`${folder}/`);
}

/** An `rm` of one of the folders, of a folder above, or of something inside one, after the command at `index`. */
function removesAfter(code: RunCode, index: number, folders: string[]): boolean {
  const removes = ({ command }: RunCode['commands'][number]) =>
    commandName(command) === 'rm' &&
    commandArgs(command).some((a) => !a.value.startsWith('-') && pathsOf(a.value).some((path) => folders.some((folder) => covers(path, folder))));
  return lastIndex(code, `rm ${folders[0]}`, removes) > index;
}

function cleansAllAfter(code: RunCode, index: number, program: string): boolean {
  const cleans = ({ call }: RunCode['commands'][number]) => {
    if (!call || call.subcommand?.value !== 'clean') return false;
    const name = call.program.value.slice(call.program.value.lastIndexOf('/') + 1);
    return (name === program || call.manager === 'dnf') && call.operands.some((o) => o.value === 'all' || o.value === 'packages' || o.value === 'metadata');
  };
  return lastIndex(code, `clean ${program}`, cleans) > index;
}

/** The index of the RUN's first command that matches (the length of the list when none does), found once per RUN and question. */
function firstIndex(code: RunCode, key: string, matches: (command: RunCode['commands'][number]) => boolean): number {
  const memo = (code.lastIndexes ??= new Map());
  let first = memo.get(key);
  if (first === undefined) {
    first = code.commands.findIndex(matches);
    if (first < 0) first = code.commands.length;
    memo.set(key, first);
  }
  return first;
}

function installsWithoutUpdate(code: RunCode): boolean {
  const apt = code.commands.filter(({ call }) => isApt(call));
  return apt.some(({ call }) => isInstall(call!)) && !apt.some(({ call }) => call!.subcommand?.value === 'update');
}

/**
 * Appends a command at the end of the RUN's shell code: ` && <command>` after its last word (before a trailing
 * comment, across continuation lines), or a line of its own at the end of a heredoc script. Exec form: no fix.
 */
function appendCommand(model: DockerfileModel, code: RunCode, command: string, kind: Fix['kind'] = 'fix'): Fix | undefined {
  const title = `Append \`${command}\` to this RUN`;
  const heredoc = [...code.sources].reverse().find((s) => s.heredoc);
  if (heredoc) {
    // A heredoc never closed: its last line is not the script's last command, and a line appended is more of it.
    if (!instructionEnd(code.run, model.lines).closable || isOpenAtEnd(heredoc.text)) return undefined;
    const end = heredoc.text.trimEnd().length;
    if (end === 0) return undefined;
    return { title, kind, edits: [insertAt(heredoc.rangeOf(end, end).start, `${model.lines.eol}${command}`)] };
  }
  if (code.run.getOpeningBracket()) return undefined;
  const main = code.sources[0];
  if (isOpenAtEnd(main.text)) return undefined; // inside an unclosed quote the command would never run
  const pipelines = main.pipelines;
  const lastCommand = pipelines[pipelines.length - 1]?.commands.at(-1);
  const lastWord = lastCommand?.words.at(-1);
  if (!lastWord) return undefined;
  return { title, kind, edits: [insertAt(main.rangeOf(lastWord.end, lastWord.end).start, ` && ${command}`)] };
}
