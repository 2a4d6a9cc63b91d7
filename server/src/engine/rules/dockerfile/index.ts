import type { DockerfileRule } from '../../rule';
import rootUser from './root-user';

/** Every Dockerfile rule, in code order. Meta-tests check that each file in this folder is listed here. */
export const dockerfileRules: DockerfileRule[] = [rootUser];
