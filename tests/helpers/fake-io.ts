// An Io for running commands in-process: it records what they print.
import type { Io } from '../../src/cli/io.js';
import { repoRoot } from './fixtures.js';

export function fakeIo(): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    cwd: repoRoot,
    env: { NO_COLOR: '1' } as Record<string, string | undefined>,
    isTTY: false,
  };
  return io;
}
