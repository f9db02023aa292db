// Runs the built CLI as a child process, as a user's shell or a CI job would.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './fixtures.js';

const exec = promisify(execFile);
const bin = join(repoRoot, 'bin', 'tira.js');

// COLUMNS is cleared, so that a shell that exports it does not change the layout tests expect.
export async function tira(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...argv], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', COLUMNS: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
