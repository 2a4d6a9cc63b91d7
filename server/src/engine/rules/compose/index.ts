import type { ComposeRule } from '../../rule';
import privileged from './privileged';
import missingCapDropAll from './missing-cap-drop-all';
import dangerousCapability from './dangerous-capability';
import writableRootFilesystem from './writable-root-filesystem';
import missingResourceLimits from './missing-resource-limits';
import missingPidsLimit from './missing-pids-limit';
import missingNoNewPrivileges from './missing-no-new-privileges';
import confinementDisabled from './confinement-disabled';
import hostNamespace from './host-namespace';
import writableBindMount from './writable-bind-mount';
import sensitiveHostMount from './sensitive-host-mount';
import dockerSocketMount from './docker-socket-mount';
import portOnAllInterfaces from './port-on-all-interfaces';
import insecureDockerDaemon from './insecure-docker-daemon';
import plaintextSecret from './plaintext-secret';
import unpinnedImage from './unpinned-image';
import serviceRunsAsRoot from './service-runs-as-root';
import hostDevices from './host-devices';
import healthcheckDisabled from './healthcheck-disabled';
import loggingDisabled from './logging-disabled';
import untrustedImageRegistry from './untrusted-image-registry';
import cgroupParentSet from './cgroup-parent-set';
import oomKillDisabled from './oom-kill-disabled';
import mountPropagationShared from './mount-propagation-shared';
import tmpfsExec from './tmpfs-exec';
import portRangeTooWide from './port-range-too-wide';
import restartPolicyUnbounded from './restart-policy-unbounded';
import serviceMissingHealthcheck from './service-missing-healthcheck';
import imageNotPinnedByDigest from './image-not-pinned-by-digest';
import hostSysctls from './host-sysctls';
import eolImage from './eol-image';

/** Every compose rule, in code order. Meta-tests check that each file in this folder is listed here. */
export const composeRules: ComposeRule[] = [
  privileged,
  missingCapDropAll,
  dangerousCapability,
  writableRootFilesystem,
  missingResourceLimits,
  missingPidsLimit,
  missingNoNewPrivileges,
  confinementDisabled,
  hostNamespace,
  writableBindMount,
  sensitiveHostMount,
  dockerSocketMount,
  portOnAllInterfaces,
  insecureDockerDaemon,
  plaintextSecret,
  unpinnedImage,
  hostDevices,
  healthcheckDisabled,
  serviceRunsAsRoot,
  untrustedImageRegistry,
  loggingDisabled,
  cgroupParentSet,
  oomKillDisabled,
  mountPropagationShared,
  tmpfsExec,
  portRangeTooWide,
  restartPolicyUnbounded,
  serviceMissingHealthcheck,
  imageNotPinnedByDigest,
  hostSysctls,
  eolImage,
];
