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

/** Every Dockerfile rule, in code order. Meta-tests check that each file in this folder is listed here. */
export const dockerfileRules: DockerfileRule[] = [rootUser, nonMinimalBaseImage, unpinnedBaseImage, baseImageNotPinnedByDigest, untrustedRegistry, aptInstallRecommends, packageCacheKept, sudoInRun, sshServer, missingHealthcheck];
