// `tira rubrics new`: a newcomer's first rubric validates on the first try, and
// no file is ever overwritten (issue 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { idFromFileName } from '../../src/rubric/starter.js';
import { tira } from '../helpers/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-new-'));
  mkdirSync(join(dir, 'my-rubrics'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tira rubrics new', () => {
  for (const from of [undefined, 'tic', 'rosc', 'recovery-principles']) {
    it(`writes a rubric that validate --strict accepts${from ? `, --from ${from}` : ''}`, async () => {
      const file = join(dir, 'my-rubrics', `${from ?? 'housing'}.yaml`);
      const made = await tira(['rubrics', 'new', file, ...(from ? ['--from', from] : [])]);
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      expect(made.stdout).toMatch(/^Wrote .*\.yaml, rubric "[a-z-]+".*tira validate .* --strict\n$/);
      const text = readFileSync(file, 'utf8');
      // The modeline points at this tira's schema, relative to the new file.
      const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)![1]!;
      expect(existsSync(resolve(dirname(file), schema))).toBe(true);
      expect(text).toMatch(/^ {4}tags:\n {6}samhsa-2014:\n/m);
      const checked = await tira(['validate', '--strict', file]);
      expect(checked.stdout).toBe('1 file checked: no problems.\n');
      expect(checked.code).toBe(0);
    });
  }

  it('lists the result with the bundled rubrics, with its own id', async () => {
    const listed = await tira(['rubrics', 'list', '--json', '--rubrics', join(dir, 'my-rubrics')]);
    expect(listed.code).toBe(0);
    const ids = (JSON.parse(listed.stdout) as { id: string }[]).map((r) => r.id).sort();
    expect(ids).toEqual(['housing', 'recovery-principles', 'recovery-principles-own', 'rosc', 'rosc-own', 'tic', 'tic-own']);
  });

  it('never overwrites a file: exit 2 and the file unchanged', async () => {
    const file = join(dir, 'keep.yaml');
    writeFileSync(file, 'mine\n');
    const result = await tira(['rubrics', 'new', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/keep\.yaml already exists; tira rubrics new never overwrites a file/);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('refuses an unknown --from, a file where a folder should be and a name that is not .yaml, with exit 2', async () => {
    expect(await tira(['rubrics', 'new', join(dir, 'x.yaml'), '--from', 'nope'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no bundled rubric with that id; use one of: recovery-principles, rosc, tic/) });
    writeFileSync(join(dir, 'plain-file'), 'x\n');
    expect(await tira(['rubrics', 'new', join(dir, 'plain-file', 'x.yaml')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/a file stands where a folder of its path should be/) });
    expect(await tira(['rubrics', 'new', join(dir, 'x.txt')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/name a \.yaml file/) });
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });

  it('makes the folders the file goes in, and still never overwrites the file', async () => {
    const root = join(dir, 'fresh');
    const file = join(root, 'my-rubrics', 'housing.yaml');
    const made = await tira(['rubrics', 'new', file]);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toMatch(/Wrote .*my-rubrics\/housing\.yaml, rubric "housing"/);
    expect(await tira(['validate', join(root, 'my-rubrics'), '--strict'])).toMatchObject({ code: 0 });
    expect(await tira(['rubrics', 'new', join(root, 'a', 'b', 'c.yaml')])).toMatchObject({ code: 0 });
    expect(existsSync(join(root, 'a', 'b', 'c.yaml'))).toBe(true);
    writeFileSync(file, 'mine\n');
    expect(await tira(['rubrics', 'new', file])).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists/) });
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('makes an id from the file name', () => {
    expect(idFromFileName('My Agency 2026.yaml')).toBe('my-agency-2026');
    expect(idFromFileName('__.yml')).toBe('my-rubric');
  });
});
