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

export interface MarkedFault {
  file: string;
  rule: string;
  line: number;
}

/** Every broken fixture with the rule and line its marker comment names. */
export function brokenFixtures(): MarkedFault[] {
  const dir = fixture('broken');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const lines = readFileSync(join(dir, name), 'utf8').split('\n');
      const index = lines.findIndex((l) => /<- [a-z0-9-]+/.test(l));
      if (index < 0) throw new Error(`${name} has no "<- rule-id" marker`);
      return { file: join(dir, name), rule: /<- ([a-z0-9-]+)/.exec(lines[index]!)![1]!, line: index + 1 };
    });
}
