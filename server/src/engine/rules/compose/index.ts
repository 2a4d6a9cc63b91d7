import type { ComposeRule } from '../../rule';

/** Every compose rule, in code order. Meta-tests check that each file in this folder is listed here. */
export const composeRules: ComposeRule[] = [];
