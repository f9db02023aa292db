// Input sent by someone who means harm, or by accident: `tira validate` runs in CI
// on files anyone can send in a pull request (issue 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fixture, repoRoot } from '../helpers/fixtures.js';
import { tira } from '../helpers/run-cli.js';

let dir: string;
const ownRubric = () => readFileSync(fixture('valid', 'own-rubric.yaml'), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-hostile-'));
  mkdirSync(join(dir, 'deep', 'er'), { recursive: true });
  // A YAML file outside the package whose keys and values must never be shown.
  writeFileSync(join(dir, 'secret.yaml'), 'kind: SECRET-KIND-VALUE\nsecret-key: SECRET-VALUE\n');
  const toSecret = relative(join(repoRoot, 'rubrics'), join(dir, 'secret.yaml'));
  writeFileSync(
    join(dir, 'deep', 'er', 'escape.yaml'),
    ownRubric()
      .replace('scale: tira:catalogs/scale-0-4.yaml', `scale: tira:${toSecret}`)
      .replace('domains: tira:catalogs/domains.yaml', `domains: tira:${join(dir, 'secret.yaml')}`)
      .replace('  - tira:catalogs/samhsa-2014.yaml', '  - tira:catalogs/no-such-catalog.yaml'),
  );
  // Escape sequences and a line break in values that findings echo, and in a title that rubrics show prints.
  mkdirSync(join(dir, 'ansi'));
  writeFileSync(join(dir, 'ansi', 'kind.yaml'), 'kind: "\\e[31mRED\\e[0m\\nansi/kind.yaml:1:1  error  forged  (yaml-syntax)"\n');
  writeFileSync(join(dir, 'ansi', 'title.yaml'), ownRubric().replace('title: Housing first practices', 'title: "Housing \\e]0;pwned\\a\\e[2J first"'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tira: names the bundled files and nothing else', () => {
  for (const format of ['text', 'json', 'github']) {
    it(`refuses ../, absolute and missing paths, in ${format}, without reading them`, async () => {
      const result = await tira(['validate', '--format', format, join(dir, 'deep', 'er', 'escape.yaml')]);
      expect(result.code).toBe(1);
      const output = result.stdout + result.stderr;
      expect(output).not.toMatch(/SECRET/);
      expect(output.match(/catalog-not-bundled/g)).toHaveLength(3);
      expect(output).toMatch(/names only these: tira:catalogs\/chime\.yaml, tira:catalogs\/domains\.yaml, tira:catalogs\/roles\.yaml, tira:catalogs\/samhsa-2014\.yaml, tira:catalogs\/samhsa-recovery-dimensions\.yaml, tira:catalogs\/scale-0-4\.yaml, tira:catalogs\/scale-experience-0-4\.yaml/);
      expect(output).not.toMatch(/relative to this file/);
    });
  }
});

describe('control characters from a file', () => {
  const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
  it('are escaped in text and github output: no colour, no forged finding line', async () => {
    for (const format of ['text', 'github']) {
      const result = await tira(['validate', '--format', format, join(dir, 'ansi', 'kind.yaml')]);
      expect(result.code).toBe(1);
      expect(result.stdout).not.toMatch(controls);
      // GitHub's own escape for a line break (%0A) keeps it inside the one annotation.
      expect(result.stdout).toContain(`\\e[31mRED\\e[0m${format === 'text' ? '\\n' : '%0A'}ansi/kind.yaml:1:1`);
      expect(result.stdout.split('\n').filter((l) => l.includes('forged'))).toHaveLength(1);
    }
  });

  it('are escaped by rubrics show and rubrics list', async () => {
    const shown = await tira(['rubrics', 'show', 'own-housing', '--rubrics', join(dir, 'ansi')]);
    expect(shown.stdout).toMatch(/^Housing \\e\]0;pwned\\u0007\\e\[2J first \(own-housing 1\.0\.0\)$/m);
    expect(shown.stdout).not.toMatch(controls);
    const listed = await tira(['rubrics', 'list', '--rubrics', join(dir, 'ansi')]);
    expect(listed.stdout).toContain('Housing \\e]0;pwned\\u0007\\e[2J first');
    expect(listed.stdout + listed.stderr).not.toMatch(controls);
  });
});
