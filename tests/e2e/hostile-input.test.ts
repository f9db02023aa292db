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
      expect(output).toMatch(/names only these: tira:catalogs\/domains\.yaml, tira:catalogs\/samhsa-2014\.yaml, tira:catalogs\/scale-0-4\.yaml/);
      expect(output).not.toMatch(/relative to this file/);
    });
  }
});
