import { describe, expect, it } from 'vitest';
import type { Io } from '../../../src/cli/io.js';
import { createProgress } from '../../../src/cli/progress.js';

function io(stderrIsTTY: boolean, env: Record<string, string> = {}): Io & { err: string } {
  const out = { err: '', stdout: () => undefined, stderr: (t: string) => void (out.err += t), cwd: '/', env, isTTY: false, stderrIsTTY };
  return out;
}

describe('progress bar', () => {
  it('is drawn on a terminal once a second has passed, and cleared at the end', () => {
    let now = 0;
    const target = io(true);
    const bar = createProgress(target, 'Reading', () => now);
    bar.update(1, 10);
    expect(target.err).toBe('');
    now = 1500;
    bar.update(5, 10);
    expect(target.err).toContain('Reading [###############...............] 5/10');
    bar.done();
    expect(target.err.endsWith('\r')).toBe(true);
  });

  it('stays silent off a terminal and under CI', () => {
    for (const target of [io(false), io(true, { CI: 'true' })]) {
      let now = 0;
      const bar = createProgress(target, 'Reading', () => now);
      now = 5000;
      bar.update(5, 10);
      bar.done();
      expect(target.err).toBe('');
    }
  });
});
