// tira aggregate through the built CLI: a network large enough to be read in
// worker threads gives the very report that one thread gives in-process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { defaultThreads, findAgencyInputs } from '../../src/workspace/read-agencies.js';
import { generateWorkspace } from '../../scripts/generate-workspace.js';
import { tira } from '../helpers/run-cli.js';

let root: string;
const AGENCIES = 24;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tira-aggregate-e2e-'));
  for (let i = 0; i < AGENCIES; i++) {
    generateWorkspace(join(root, `ws-${String(i).padStart(2, '0')}`), { respondents: 6, seed: 500 + i, shift: (i % 5) * 0.2 - 0.4, rubrics: ['tic'], agency: `Agency ${i}` });
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('tira aggregate, built', () => {
  it('reads a large input in worker threads and reports what one thread reports', async () => {
    const { inputs } = await findAgencyInputs([root], root);
    expect(inputs).toHaveLength(AGENCIES);
    const env = { SOURCE_DATE_EPOCH: '1790000000' };
    const built = await tira(['aggregate', root, '--format', 'json'], env);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);

    let stdout = '';
    const io: Io = { stdout: (t) => void (stdout += t), stderr: () => undefined, cwd: process.cwd(), env: { NO_COLOR: '1', ...env }, isTTY: false };
    // In-process from the TypeScript sources there is no worker file: one thread.
    expect(defaultThreads(inputs)).toBe(1);
    expect(await run(['aggregate', root, '--format', 'json'], io)).toBe(0);
    expect(built.stdout).toBe(stdout);
    expect(JSON.parse(stdout).coverage.agencies).toBe(AGENCIES);
  });

  it('writes one format to a file named by --out, and draws no progress bar off a terminal', async () => {
    const out = join(root, 'out', 'network.html');
    const { code, stderr } = await tira(['aggregate', root, '--format', 'html', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toBe(`tira: wrote ${out}\n`);
  });
});
