import type { Instruction } from 'dockerfile-ast';

/**
 * dockerfile-ast re-scans an instruction's text on every getArguments() and getHeredocs() call (about 5 µs each,
 * most of it positionAt lookups), and the rules ask for them several times per instruction: measured on a
 * 2,000-line Dockerfile, these repeated scans were the largest part of analyze's time after the parse itself.
 * A parsed document never changes, so each instruction remembers its first answer.
 *
 * Callers get a fresh array every time, as before: dockerfile-ast's own ModifiableInstruction.getArguments
 * shifts the flags off the array it receives. The Argument and Heredoc objects inside are shared; nothing
 * modifies them.
 *
 * The scans also throw on some odd input (a stray carriage return inside a continuation, in dockerfile-ast
 * 0.7.1): such an instruction then has no arguments or heredocs, rather than taking every rule down with it.
 */
const MEMOIZED = ['getRawArguments', 'getHeredocs'] as const;

export function memoizeScans(instruction: Instruction): void {
  const target = instruction as unknown as Record<string, unknown>;
  for (const name of MEMOIZED) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    let cached: unknown[] | undefined;
    target[name] = function (this: Instruction): unknown[] {
      if (!cached) {
        try {
          cached = original.call(this) as unknown[];
        } catch {
          cached = [];
        }
      }
      return cached.slice();
    };
  }
}
