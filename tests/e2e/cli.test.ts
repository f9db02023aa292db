// The CLI cases again, through the built bin/tira.js as a child process: what a
// user's shell or a CI job sees, exit codes included.
import { describe, expect, it } from 'vitest';
import { cliCases } from '../helpers/cli-cases.js';
import { brokenFixtures } from '../helpers/fixtures.js';
import { tira } from '../helpers/run-cli.js';

describe('bin/tira.js', () => {
  for (const c of cliCases) {
    it(c.name, async () => {
      const result = await tira(c.argv);
      for (const pattern of c.stdout ?? []) expect(result.stdout).toMatch(pattern);
      for (const pattern of c.stderr ?? []) expect(result.stderr).toMatch(pattern);
      expect(result.code).toBe(c.exitCode);
    });
  }

  it('fails every broken fixture with exit 1 and exactly its marked findings, with no stack trace', async () => {
    const fixtures = brokenFixtures();
    const results = await Promise.all(fixtures.map((f) => tira(['validate', '--strict', '--format', 'json', f.file])));
    results.forEach((result, i) => {
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      const files = JSON.parse(result.stdout) as { findings: { rule: string; line: number }[] }[];
      expect(files.flatMap((f) => f.findings.map((x) => `${x.rule}@${x.line}`))).toEqual(fixtures[i]!.expected);
    });
    // One process per fixture (over 30 now), all at once: on a small, busy machine this takes longer than one ordinary test.
  }, 60_000);

  it('colours text only when asked', async () => {
    const plain = await tira(['validate', 'tests/fixtures/broken/duplicate-id.yaml']);
    const forced = await tira(['validate', 'tests/fixtures/broken/duplicate-id.yaml'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(forced.stdout).toContain('\u001b[31merror');
  });
});
