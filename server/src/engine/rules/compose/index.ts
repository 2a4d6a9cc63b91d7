import type { ComposeRule } from '../../rule';
import writableBindMount from './writable-bind-mount';
import sensitiveHostMount from './sensitive-host-mount';
import dockerSocketMount from './docker-socket-mount';
import portOnAllInterfaces from './port-on-all-interfaces';
import insecureDockerDaemon from './insecure-docker-daemon';
import plaintextSecret from './plaintext-secret';
import unpinnedImage from './unpinned-image';
import serviceRunsAsRoot from './service-runs-as-root';

/** Every compose rule, in code order. Meta-tests check that each file in this folder is listed here. */
export const composeRules: ComposeRule[] = [
  writableBindMount,
  sensitiveHostMount,
  dockerSocketMount,
  portOnAllInterfaces,
  insecureDockerDaemon,
  plaintextSecret,
  unpinnedImage,
  serviceRunsAsRoot,
];
