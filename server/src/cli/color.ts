import { createColors } from 'picocolors';

export type Colors = ReturnType<typeof createColors>;

/**
 * Whether the text report is coloured: `--color`/`--no-color` first, then FORCE_COLOR (as Node and most tools
 * read it, it wins over NO_COLOR), then NO_COLOR (https://no-color.org: any non-empty value), then whether the
 * output is a terminal that is not `dumb`.
 */
export function shouldColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}

export function colors(enabled: boolean): Colors {
  return createColors(enabled);
}
