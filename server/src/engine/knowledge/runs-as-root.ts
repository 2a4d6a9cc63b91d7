import { isRootUser, rootImage, type Stage, type UserSetting } from '../documents/dockerfile';
import { runsAsNonRootByDefault } from './image-family';

/**
 * Whether a container started from a stage runs as root, decided once for the Dockerfile rule (root-user) and
 * for compose services built from a Dockerfile (service-runs-as-root), so both always agree.
 */
export type RootVerdict =
  | { root: false }
  /** `USER root` / `USER 0[:group]`, in the stage or in an earlier stage it builds on (`inherited`). */
  | { root: true; reason: 'user'; user: UserSetting; inherited: boolean }
  /** No USER anywhere in the stage's chain, on an image that does not default to a non-root user. */
  | { root: true; reason: 'no-user' };

export function stageRunsAsRoot(stage: Stage): RootVerdict {
  const user = stage.user;
  if (user) {
    // A user from a build-time variable is the author's choice: not root as far as the file tells.
    if (user.user === undefined || !isRootUser(user.user)) return { root: false };
    return { root: true, reason: 'user', user, inherited: !stage.instructions.includes(user.instruction) };
  }
  if (runsAsNonRootByDefault(rootImage(stage))) return { root: false };
  return { root: true, reason: 'no-user' };
}
