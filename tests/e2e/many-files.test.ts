// A set large enough to be split across threads (200 files or more): findings in
// any thread's share, and ids repeated across shares, must still be reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '../helpers/fixtures.js';
import { tira } from '../helpers/run-cli.js';

const COUNT = 240;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-many-'));
  const starter = readFileSync(fixture('valid', 'starter.yaml'), 'utf8').replace('$schema=../../../schemas', '$schema=../schemas');
  for (let i = 0; i < COUNT; i++) {
    const n = String(i).padStart(3, '0');
    let text = starter.replace(/^id: starter$/m, `id: starter-${n}`).replace(/starter-(saf|cho)-/g, `s${n}-$1-`);
    // The last file repeats an indicator id of the first, which another thread checks.
    if (i === COUNT - 1) text = text.replace(`s${n}-cho-cri-1`, 's000-cho-cri-1');
    // One file in the middle has a schema error.
    if (i === 150) text = text.replace('version: 0.1.0', 'version: one');
    writeFileSync(join(dir, `rubric-${n}.yaml`), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tira validate on a large set', () => {
  it('reports every file, a schema error in one share and an id repeated across shares', async () => {
    const result = await tira(['validate', '--format', 'json', dir]);
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout) as { file: string; findings: { rule: string; line: number }[] }[];
    expect(files).toHaveLength(COUNT);
    const withFindings = files.filter((f) => f.findings.length > 0).map((f) => [f.file.replace(/^.*\//, ''), f.findings.map((x) => `${x.rule}@${x.line}`)]);
    expect(withFindings).toEqual([
      ['rubric-150.yaml', ['schema-pattern@5']],
      ['rubric-239.yaml', ['duplicate-indicator-id@60']],
    ]);
  });
});
