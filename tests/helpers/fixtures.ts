// Helpers for the fixture-driven tests: where fixtures live, and the fault each
// broken fixture marks with a `<- rule-id` comment on the line it expects.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixturesDir = join(repoRoot, 'tests', 'fixtures');

export function fixture(...parts: string[]): string {
  return join(fixturesDir, ...parts);
}

export interface MarkedFaults {
  file: string;
  /** `rule@line` for every line marked `<- rule-id`, in line order. */
  expected: string[];
}

/** Every broken fixture with the findings its marker comments name (one fault each; a few have a direct consequence marked too). */
export function brokenFixtures(): MarkedFaults[] {
  const dir = fixture('broken');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const lines = readFileSync(join(dir, name), 'utf8').split('\n');
      const expected = lines.flatMap((l, i) => {
        const marker = /<- ([a-z0-9-]+)/.exec(l);
        return marker ? [`${marker[1]}@${i + 1}`] : [];
      });
      if (expected.length === 0) throw new Error(`${name} has no "<- rule-id" marker`);
      return { file: join(dir, name), expected };
    });
}
