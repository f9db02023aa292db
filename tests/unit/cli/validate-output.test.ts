// validate writes each file's entry as soon as the file is checked, and waits when
// stdout asks it to: memory stays bounded, and no output is ever too large to build
// (issue 11: with 5,200 faulty files `--format json` failed with "Invalid string
// length"; 2,000 took 1.2 GB).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/run.js';
import { fixture } from '../../helpers/fixtures.js';
import { fakeIo } from '../../helpers/fake-io.js';

const COUNT = 12;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-stream-'));
  const starter = readFileSync(fixture('valid', 'starter.yaml'), 'utf8');
  // 600 unknown keys: 500 findings and a note in each file.
  const junk = Array.from({ length: 600 }, (_, i) => `junk${i}: ${i}`).join('\n');
  for (let i = 0; i < COUNT; i++) writeFileSync(join(dir, `f${String(i).padStart(2, '0')}.yaml`), `${starter.replace(/^id: starter$/m, `id: s${i}`)}${junk}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate output', () => {
  for (const format of ['json', 'text', 'github']) {
    it(`${format}: one write per file, each no larger than one file's entry, waiting on stdout`, async () => {
      const io = fakeIo();
      const writes: string[] = [];
      let pending = 0;
      let mostPending = 0;
      io.stdout = (text) => {
        writes.push(text);
        pending++;
        mostPending = Math.max(mostPending, pending);
        // A slow reader: the write is taken, but the writer must wait before the next.
        return new Promise((resolve) => setTimeout(() => resolve(void pending--), 1));
      };
      expect(await run(['validate', '--format', format, dir], io)).toBe(1);
      expect(mostPending).toBe(1);
      const entries = writes.filter((w) => w.includes('junk'));
      expect(entries).toHaveLength(COUNT);
      // Each write holds one file's findings: 500 and the note.
      for (const entry of entries) expect(entry.match(/schema-unknown-property/g)).toHaveLength(500);
      if (format === 'json') {
        const files = JSON.parse(writes.join('')) as { file: string; errorCount: number }[];
        expect(files.map((f) => f.errorCount)).toEqual(Array(COUNT).fill(500));
      }
    });
  }
});
