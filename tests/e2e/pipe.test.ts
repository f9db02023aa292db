// `tira validate ... | head -1`: the reader closes the pipe early, and tira must
// stop quietly, with no stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, repoRoot } from '../helpers/fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-pipe-'));
  // Enough findings that the output overflows the pipe: 10 files of 400 warnings.
  const starter = readFileSync(fixture('valid', 'starter.yaml'), 'utf8').replace('../../../schemas', '../schemas');
  const evidence = Array.from({ length: 400 }, (_, i) => `      - Record ${i} calls people addicts.`).join('\n');
  for (let n = 0; n < 10; n++) {
    const text = starter.replace('      - The screening protocol names the room used.', evidence).replace(/starter/g, `starter${n}`);
    writeFileSync(join(dir, `many-${n}.yaml`), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('output into a pipe that closes early', () => {
  it('ends without a stack trace', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'tira.js'), 'validate', dir], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
