// Whether to colour output: only for a terminal, and never when NO_COLOR is set
// (https://no-color.org); FORCE_COLOR turns it on for a pipe.
import type { TextStyle } from '../reporters/findings/types.js';
import { plainStyle } from '../reporters/findings/types.js';
import type { Io } from './io.js';

function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY && io.env.TERM !== 'dumb';
}

/** chalk, loaded only when there is colour to show. */
export async function textStyle(io: Io): Promise<TextStyle> {
  if (!useColor(io)) return plainStyle;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
