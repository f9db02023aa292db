// The agency rubric in the README must validate as written, with --strict: a
// newcomer copies it and expects it to work on the first try (issue 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/fixtures.js';
import { tira } from '../helpers/run-cli.js';

let dir: string;
let example: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-readme-'));
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  example = /<!-- agency-example[^>]*-->\n```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  writeFileSync(join(dir, 'housing.yaml'), example);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README', () => {
  it('has an agency rubric that tira validate --strict accepts as written', async () => {
    expect(example).toMatch(/^frameworks:/m);
    const result = await tira(['validate', '--strict', join(dir, 'housing.yaml')]);
    expect(result.stdout).toBe('1 file checked: no problems.\n');
    expect(result.code).toBe(0);
  });

  it('lists every rule a finding can name', async () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    for (const rule of ['catalog-not-bundled', 'file-not-regular', 'folder-unreadable', 'file-unreadable', 'too-many-findings', 'yaml-alias-limit']) expect(readme).toContain(`\`${rule}\``);
  });
});
