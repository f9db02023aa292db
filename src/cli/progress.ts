// A progress bar on stderr for long runs: drawn only when stderr is a terminal,
// not under CI, and only once the run has taken a second, so that short runs and
// pipes stay quiet. The clock comes in, so that tests need not wait.
import type { Io } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  /** Clears the bar, if one was drawn. */
  done(): void;
}

const WIDTH = 30;
const DELAY_MS = 1000;

export function createProgress(io: Io, label: string, now: () => number = () => performance.now()): Progress {
  const env = io.env;
  const enabled = io.stderrIsTTY === true && !env.CI && env.TERM !== 'dumb';
  const started = now();
  let drawn = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      if (!enabled || total === 0) return;
      const t = now();
      if (t - started < DELAY_MS) return;
      // At most ten frames a second, and always the last one.
      if (drawn && t - lastDraw < 100 && done < total) return;
      lastDraw = t;
      drawn = true;
      const filled = Math.round((done / total) * WIDTH);
      io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`);
    },
    done() {
      if (drawn) io.stderr(`\r${' '.repeat(label.length + WIDTH + 24)}\r`);
    },
  };
}
