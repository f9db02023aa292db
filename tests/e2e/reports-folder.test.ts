// reports/ at the repository root holds the sample agency's reports, made by
// `npm run reports`. This test makes them again and fails when a committed file
// differs: rerun `npm run reports` and commit the result.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReports, reportsDir, sampleWorkspace } from '../../scripts/build-reports.js';

const hasSample = existsSync(join(sampleWorkspace, 'assessment.yaml'));
if (!hasSample) console.warn(`${sampleWorkspace} is missing: the reports/ staleness test is skipped`);

describe.skipIf(!hasSample)('reports/ (the sample agency)', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'tira-reports-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('is up to date with `npm run reports`', () => {
    buildReports(sampleWorkspace, fresh, 'md,csv,json,html');
    const made = readdirSync(fresh).sort();
    for (const name of made) {
      const committed = join(reportsDir, name);
      expect(existsSync(committed), `reports/${name} is missing: run npm run reports`).toBe(true);
      expect(readFileSync(committed, 'utf8'), `reports/${name} is stale: run npm run reports`).toBe(readFileSync(join(fresh, name), 'utf8'));
    }
    // The PDF names the browser that printed it (its version is in the file), so it is only
    // checked for being there; that one browser prints it to the same bytes every time is
    // tested in report.test.ts.
    expect(readFileSync(join(reportsDir, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readdirSync(reportsDir).sort()).toEqual([...made, 'report.pdf'].sort());
  }, 60_000);
});
