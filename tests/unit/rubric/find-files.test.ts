import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findYamlFiles, reportUnreadableFolder, type FindFs } from '../../../src/rubric/find-files.js';

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
    expect(found).toEqual({ ok: true, files: ['a.yml', 'b.yaml', 'catalogs/c.yaml', 'linked.yaml'].map((f) => join(dir, 'rubrics', f)), unreadable: [] });
  });

  it('takes a named file whatever its extension, once', async () => {
    expect(await findYamlFiles(['rubrics/notes.md', 'rubrics/notes.md'], dir)).toEqual({ ok: true, files: [join(dir, 'rubrics', 'notes.md')], unreadable: [] });
  });

  it('names the first path that does not exist', async () => {
    expect(await findYamlFiles(['rubrics', 'nope', 'also-nope'], dir)).toEqual({ ok: false, missing: 'nope' });
  });

  // Simulated through the injected file system: these tests run as root, for whom
  // chmod 000 does not stop a read. tests/e2e/fs-faults.test.ts does it for real.
  it('reports a folder it cannot list, and searches on', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const fs: FindFs = {
      stat: (path) => import('node:fs/promises').then((m) => m.stat(path)),
      readdir: (path, options) => (path.endsWith('catalogs') ? Promise.reject(denied) : import('node:fs/promises').then((m) => m.readdir(path, options))),
    };
    const found = await findYamlFiles(['rubrics'], dir, fs);
    expect(found).toEqual({ ok: true, files: ['a.yml', 'b.yaml', 'linked.yaml'].map((f) => join(dir, 'rubrics', f)), unreadable: [{ folder: join(dir, 'rubrics', 'catalogs'), error: denied }] });
    const report = reportUnreadableFolder((found as { unreadable: { folder: string; error: NodeJS.ErrnoException }[] }).unreadable[0]!, dir);
    expect(report.findings).toEqual([
      { rule: 'folder-unreadable', severity: 'error', file: 'rubrics/catalogs', line: 1, col: 1, message: 'the folder cannot be read (permission denied, EACCES), so the files in it were not checked; check its permissions' },
    ]);
  });

  it('takes a path it cannot look at as a file to check, not as missing', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const fs: FindFs = { stat: () => Promise.reject(denied), readdir: () => Promise.reject(denied) };
    expect(await findYamlFiles(['locked/x.yaml'], dir, fs)).toEqual({ ok: true, files: [join(dir, 'locked', 'x.yaml')], unreadable: [] });
  });
});
