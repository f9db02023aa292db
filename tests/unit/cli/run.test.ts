// The CLI cases, run in-process: quick, and they exercise run() exactly as bin/tira.js does.
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import { fakeIo } from '../../helpers/fake-io.js';
import { cliCases } from '../../helpers/cli-cases.js';

describe('tira, in-process', () => {
  for (const c of cliCases) {
    it(c.name, async () => {
      const io = fakeIo();
      const code = await run(c.argv, io);
      for (const pattern of c.stdout ?? []) expect(io.out).toMatch(pattern);
      for (const pattern of c.stderr ?? []) expect(io.err).toMatch(pattern);
      expect(code).toBe(c.exitCode);
    });
  }

  it('turns an unexpected failure into one line and exit 2, with the stack only under --debug', async () => {
    const io = fakeIo();
    const broken = { ...io, stdout: () => { throw new Error('disk full'); } };
    expect(await run(['validate', 'tests/fixtures/valid/starter.yaml'], broken)).toBe(2);
    expect(io.err).toBe('tira: internal error: disk full\nRun again with --debug to see the details, and please report it.\n');
    const debugIo = fakeIo();
    expect(await run(['--debug', 'validate', 'tests/fixtures/valid/starter.yaml'], { ...debugIo, stdout: () => { throw new Error('disk full'); } })).toBe(2);
    expect(debugIo.err).toMatch(/at .*validate/);
  });
});
