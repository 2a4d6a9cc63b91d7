import type { DocumentKind } from '../../../server/src/engine/types';

/**
 * Inputs the fuzzer (or the issue it was built for) found failing, kept as seeds and checked by
 * test/unit/engine/fuzz.test.ts on every run: each must now pass the fuzzer's checks.
 */
export const FUZZ_REGRESSIONS: { kind: DocumentKind; note: string; text: string }[] = [];
