// Large faulty files through the CLI, as a pull request in CI could send them:
// each checked within a generous time bound (issue 11: a minute or more before).
// The benchmark (npm run bench:validate) times every case of scripts/faulty-rubrics.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultyRubrics } from '../../scripts/faulty-rubrics.js';
import { tira } from '../helpers/run-cli.js';

// Generous for a slow CI machine; these take about 1.5 s each on two cores.
const BOUND_MS = 10_000;
let dir: string;
const files = faultyRubrics().filter((f) => ['indicators-empty.yaml', 'domain-catalog-empty.yaml'].includes(f.name));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-faulty-'));
  for (const { name, text } of files) writeFileSync(join(dir, name), text);
  mkdirSync(join(dir, 'list'));
  writeFileSync(join(dir, 'list', 'indicators.yaml'), files[0]!.text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('large faulty files', () => {
  for (const { name } of files) {
    it(`validate ${name}: 500 findings and a note, within ${BOUND_MS / 1000} s`, async () => {
      const start = performance.now();
      const result = await tira(['validate', '--format', 'json', join(dir, name)]);
      expect(performance.now() - start).toBeLessThan(BOUND_MS);
      expect(result.code).toBe(1);
      const [report] = JSON.parse(result.stdout) as { errorCount: number; findings: { rule: string }[] }[];
      expect(report!.errorCount).toBe(500);
      expect(report!.findings[0]!.rule).toBe('too-many-findings');
    });
  }

  it(`rubrics list --rubrics on a folder with one: leaves it out, within ${BOUND_MS / 1000} s`, async () => {
    const start = performance.now();
    const result = await tira(['rubrics', 'list', '--json', '--rubrics', join(dir, 'list')]);
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/left out 1 file with errors/);
  });
});
