// The committed sample agency (examples/) is what `npm run build:sample` builds
// from the rubrics as they are now. When this fails after a rubric change, run
// `npm run build:sample` and commit examples/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.js';
import { tira } from '../helpers/run-cli.js';

const examples = join(repoRoot, 'examples');
const sampleFiles = ['riverbend', 'riverbend-2027', 'riverbend.csv', 'riverbend-2027.csv'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split('\\').join('/'))
    .sort();
}

describe('the sample agency', { timeout: 60_000 }, () => {
  it('is what scripts/build-sample.js builds (if not: npm run build:sample, and commit examples/)', () => {
    const out = mkdtempSync(join(tmpdir(), 'tira-sample-'));
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-sample.js'), '--out', out], { encoding: 'utf8' });
    for (const name of sampleFiles) {
      const built = join(out, name);
      const committed = join(examples, name);
      if (statSync(built).isFile()) {
        expect(readFileSync(committed, 'utf8'), `examples/${name}`).toBe(readFileSync(built, 'utf8'));
        continue;
      }
      const files = filesUnder(built);
      expect(filesUnder(committed), `files in examples/${name}`).toEqual(files);
      for (const file of files) expect(readFileSync(join(committed, file), 'utf8'), `examples/${name}/${file}`).toBe(readFileSync(join(built, file), 'utf8'));
    }
  }, 120_000);

  it.each(['riverbend', 'riverbend-2027'])('examples/%s reads as a workspace with at least five roles and three people served', async (dir) => {
    const result = await tira(['status', join('examples', dir), '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as { agency: string; rubrics: { id: string }[]; roles: { id: string; respondents: number }[] };
    expect(status.agency).toBe('Riverbend Community Services');
    expect(status.rubrics.map((r) => r.id)).toEqual(['tic', 'rosc']);
    expect(status.roles.filter((r) => r.respondents > 0).length).toBeGreaterThanOrEqual(5);
    expect(status.roles.find((r) => r.id === 'person-served')!.respondents).toBeGreaterThanOrEqual(3);
  });
});
