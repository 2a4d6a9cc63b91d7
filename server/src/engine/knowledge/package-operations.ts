import { isInstall, type PackageCommand, type PackageManager } from './packages';

/**
 * What a package-manager call does beyond installing (knowledge/packages), as each manager documents its
 * subcommands and aliases: refreshing the index, upgrading the whole system, and which calls ask for a confirmation.
 */

/** Subcommands that only refresh the package index. yum/dnf `update` upgrades packages: it is not one of them. */
const INDEX_UPDATE: Partial<Record<PackageManager, ReadonlySet<string>>> = {
  apt: new Set(['update']),
  aptitude: new Set(['update']),
  apk: new Set(['update']),
  dnf: new Set(['makecache', 'mc']),
  microdnf: new Set(['makecache']),
  zypper: new Set(['refresh', 'ref']),
};

/** Subcommands that upgrade every installed package (with no package named, for those that also take names). */
const UPGRADE_ALL: Record<PackageManager, ReadonlySet<string>> = {
  apt: new Set(['upgrade', 'dist-upgrade', 'full-upgrade']),
  aptitude: new Set(['upgrade', 'safe-upgrade', 'full-upgrade', 'dist-upgrade']),
  apk: new Set(['upgrade']),
  dnf: new Set(['upgrade', 'update', 'up', 'distro-sync', 'dsync', 'distrosync', 'dist-upgrade', 'upgrade-minimal', 'update-minimal', 'up-min']),
  microdnf: new Set(['upgrade', 'update', 'distro-sync']),
  zypper: new Set(['update', 'up', 'dist-upgrade', 'dup', 'patch']),
};

/** Subcommands that ask "Do you want to continue?" before changing anything (microdnf and apk never ask). */
const PROMPTING: Partial<Record<PackageManager, ReadonlySet<string>>> = {
  apt: new Set(['install', 'reinstall', 'remove', 'purge', 'autoremove', 'autopurge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep']),
  aptitude: new Set(['install', 'reinstall', 'remove', 'purge', 'upgrade', 'safe-upgrade', 'full-upgrade', 'dist-upgrade', 'build-dep']),
  dnf: new Set([
    'install',
    'in',
    'localinstall',
    'install-n',
    'install-na',
    'install-nevra',
    'reinstall',
    'rei',
    'groupinstall',
    'remove',
    'rm',
    'erase',
    'autoremove',
    'upgrade',
    'update',
    'up',
    'distro-sync',
    'dsync',
    'downgrade',
    'upgrade-minimal',
    'update-minimal',
    'groupupdate',
    'groupremove',
  ]),
  zypper: new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'install-new-recommends', 'inr', 'source-install', 'si']),
};

export function isIndexUpdate(call: PackageCommand): boolean {
  return call.subcommand !== undefined && INDEX_UPDATE[call.manager]?.has(call.subcommand.value) === true;
}

/** An upgrade of the whole system: `apt-get upgrade`, `dnf update` or `apk upgrade` with no package named. */
export function isUpgradeAll(call: PackageCommand): boolean {
  if (call.subcommand === undefined || !UPGRADE_ALL[call.manager].has(call.subcommand.value)) return false;
  // apt's upgrades take no names; the others upgrade only the packages named, when some are.
  return call.manager === 'apt' || call.manager === 'aptitude' || call.operands.length === 0;
}

/** The call changes packages: installs or upgrades (what an index refresh is for). */
export function changesPackages(call: PackageCommand): boolean {
  return isInstall(call) || (call.subcommand !== undefined && UPGRADE_ALL[call.manager].has(call.subcommand.value));
}

/** The call would ask for a confirmation (before any option that answers it is considered). */
export function prompts(call: PackageCommand): boolean {
  if (call.subcommand === undefined) return false;
  if (call.manager === 'dnf' && /^groups?$|^grp$/.test(call.subcommand.value))
    return ['install', 'remove', 'upgrade', 'update'].includes(call.operands[0]?.value);
  return PROMPTING[call.manager]?.has(call.subcommand.value) === true;
}
