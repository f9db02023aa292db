import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findYamlFiles } from '../../../src/rubric/find-files.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-find-'));
  mkdirSync(join(dir, 'rubrics', 'catalogs'), { recursive: true });
  mkdirSync(join(dir, 'rubrics', 'node_modules'));
  mkdirSync(join(dir, 'rubrics', '.hidden'));
  mkdirSync(join(dir, 'elsewhere'));
  for (const path of ['rubrics/b.yaml', 'rubrics/a.yml', 'rubrics/notes.md', 'rubrics/catalogs/c.yaml', 'rubrics/node_modules/x.yaml', 'rubrics/.hidden/y.yaml', 'elsewhere/shared.yaml']) {
    writeFileSync(join(dir, path), 'id: x\n');
  }
  symlinkSync(join(dir, 'elsewhere', 'shared.yaml'), join(dir, 'rubrics', 'linked.yaml'));
  symlinkSync(join(dir, 'rubrics'), join(dir, 'rubrics', 'loop'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findYamlFiles', () => {
  it('finds *.yaml and *.yml in order, follows links to files, not links to folders, and skips node_modules and dot folders', async () => {
    const found = await findYamlFiles(['rubrics'], dir);
    expect(found).toEqual({ ok: true, files: ['a.yml', 'b.yaml', 'catalogs/c.yaml', 'linked.yaml'].map((f) => join(dir, 'rubrics', f)) });
  });

  it('takes a named file whatever its extension, once', async () => {
    expect(await findYamlFiles(['rubrics/notes.md', 'rubrics/notes.md'], dir)).toEqual({ ok: true, files: [join(dir, 'rubrics', 'notes.md')] });
  });

  it('names the first path that does not exist', async () => {
    expect(await findYamlFiles(['rubrics', 'nope', 'also-nope'], dir)).toEqual({ ok: false, missing: 'nope' });
  });
});
