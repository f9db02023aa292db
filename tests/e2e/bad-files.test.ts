// Files that cannot be rubrics at all: each gets one clear line at line 1 and exit 1,
// never a stack trace and never a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tira } from '../helpers/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-bad-'));
  writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]));
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('title: caf\xe9\n', 'latin1'));
  writeFileSync(join(dir, 'empty.yaml'), '');
  writeFileSync(join(dir, 'huge.yaml'), `title: ${'x'.repeat(2 * 1024 * 1024)}\n`);
  writeFileSync(join(dir, 'scalar.yaml'), 'just a sentence\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files that cannot be rubrics', () => {
  const cases = [
    ['binary.yaml', 'file-binary', /is binary, not text/],
    ['latin1.yaml', 'file-binary', /is not UTF-8 text; save it as UTF-8/],
    ['empty.yaml', 'file-empty', /is empty/],
    ['huge.yaml', 'file-too-large', /is 2\.0 MB; files over 512 KB are not read/],
    ['scalar.yaml', 'top-level-not-mapping', /not a single string/],
  ] as const;
  for (const [name, rule, message] of cases) {
    it(`${name}: ${rule}`, async () => {
      const result = await tira(['validate', join(dir, name)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      const [first, blank, summary] = result.stdout.split('\n');
      expect(first).toMatch(new RegExp(`${name}:1:1  error  .* \\(${rule}\\)$`));
      expect(first).toMatch(message);
      expect([blank, summary]).toEqual(['', '1 file checked: 1 error in 1 file.']);
    });
  }
});
