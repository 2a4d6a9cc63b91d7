import type { DockerfileRule } from '../../rule';
import rootUser from './root-user';
import nonMinimalBaseImage from './non-minimal-base-image';
import unpinnedBaseImage from './unpinned-base-image';
import baseImageNotPinnedByDigest from './base-image-not-pinned-by-digest';
import untrustedRegistry from './untrusted-registry';
import aptInstallRecommends from './apt-install-recommends';
import packageCacheKept from './package-cache-kept';
import sudoInRun from './sudo-in-run';
import sshServer from './ssh-server';
import missingHealthcheck from './missing-healthcheck';
import hardcodedSecret from './hardcoded-secret';
import sensitiveFileCopied from './sensitive-file-copied';
import addInsteadOfCopy from './add-instead-of-copy';
import addRemoteWithoutChecksum from './add-remote-without-checksum';
import pipeToShell from './pipe-to-shell';
import verificationDisabled from './verification-disabled';
import runSecurityInsecure from './run-security-insecure';
import runNetworkHost from './run-network-host';
import untrustedSyntaxFrontend from './untrusted-syntax-frontend';
import unpinnedSyntaxFrontend from './unpinned-syntax-frontend';
import worldWritablePermissions from './world-writable-permissions';
import setuidSetgidBit from './setuid-setgid-bit';
import insecureDownload from './insecure-download';
import pipExtraIndexUrl from './pip-extra-index-url';
import aptKeyGlobalTrust from './apt-key-global-trust';
import npmUnsafePerm from './npm-unsafe-perm';
import packageManagerInteractive from './package-manager-interactive';
import distributionUpgrade from './distribution-upgrade';
import packageIndexUpdateAlone from './package-index-update-alone';
import missingPipefail from './missing-pipefail';
import remoteAdminPortExposed from './remote-admin-port-exposed';
import imageOutsideFrom from './image-outside-from';
import unpinnedPackage from './unpinned-package';
import credentialsInUrl from './credentials-in-url';
import secretBuildArg from './secret-build-arg';
import secretOnCommandLine from './secret-on-command-line';
import passwordSetInBuild from './password-set-in-build';
import sensitiveBuildContext from './sensitive-build-context';
import eolBaseImage from './eol-base-image';

/** Every Dockerfile rule, in code order. Meta-tests check that each file in this folder is listed here. */
export const dockerfileRules: DockerfileRule[] = [
  rootUser,
  nonMinimalBaseImage,
  unpinnedBaseImage,
  baseImageNotPinnedByDigest,
  hardcodedSecret,
  sensitiveFileCopied,
  addInsteadOfCopy,
  addRemoteWithoutChecksum,
  pipeToShell,
  verificationDisabled,
  untrustedRegistry,
  aptInstallRecommends,
  packageCacheKept,
  sudoInRun,
  sshServer,
  missingHealthcheck,
  runSecurityInsecure,
  runNetworkHost,
  untrustedSyntaxFrontend,
  unpinnedSyntaxFrontend,
  worldWritablePermissions,
  setuidSetgidBit,
  insecureDownload,
  pipExtraIndexUrl,
  aptKeyGlobalTrust,
  npmUnsafePerm,
  packageManagerInteractive,
  distributionUpgrade,
  packageIndexUpdateAlone,
  missingPipefail,
  remoteAdminPortExposed,
  imageOutsideFrom,
  eolBaseImage,
  unpinnedPackage,
  sensitiveBuildContext,
  credentialsInUrl,
  secretBuildArg,
  secretOnCommandLine,
  passwordSetInBuild,
];
