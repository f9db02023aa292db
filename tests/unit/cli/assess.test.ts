import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessCommand } from '../../../src/cli/commands/assess.js';
import { initCommand } from '../../../src/cli/commands/init.js';
import type { Io } from '../../../src/cli/io.js';
import { scriptedPrompter, type Step } from '../../helpers/scripted-prompter.js';

function fakeIo(cwd: string): Io & { out: string[] } {
  const out: string[] = [];
  return { out, cwd, env: {}, isTTY: false, stdout: (t) => void out.push(t), stderr: (t) => void out.push(t) };
}

async function workspace(): Promise<string> {
  const cwd = mkdtempSync(join(tmpdir(), 'tira-assess-'));
  expect(await initCommand({ dir: 'ws', agency: 'Harbor House', cycle: '2026', rubric: ['tic'], today: '2026-11-23' }, fakeIo(cwd))).toBe(0);
  return cwd;
}

async function assess(cwd: string, options: { respondent?: string; role?: string }, steps: Step[]) {
  const prompter = scriptedPrompter(steps);
  const io = fakeIo(cwd);
  const run = assessCommand({ dir: 'ws', plain: true, ...options }, io, { prompter, now: () => '2026-11-23T10:00:00.000Z' });
  return { run, prompter, io };
}

const opening = (shown: string[]) => shown.find((text) => text.includes('Harbor House · 2026:') && text.includes('restraint')) ?? '';

describe('tira assess: the opening screen follows the role', () => {
  it('a person served named by --role gets the short screen in plain words', async () => {
    const cwd = await workspace();
    const { run, prompter } = await assess(cwd, { respondent: 'p01', role: 'person-served' }, [{ select: 'exit' }]);
    expect(await run).toBe(0);
    expect(opening(prompter.shown)).toContain('questions about your time here');
    expect(opening(prompter.shown)).not.toContain('self-assessment');
  });

  it('staff named by --role get the full screen', async () => {
    const cwd = await workspace();
    const { run, prompter } = await assess(cwd, { respondent: 'r01', role: 'leadership' }, [{ select: 'exit' }]);
    expect(await run).toBe(0);
    expect(opening(prompter.shown)).toContain('trauma-informed, recovery-oriented self-assessment');
  });

  it('without flags, asks the role first, then shows that role\'s screen, then asks for the code in its words', async () => {
    const cwd = await workspace();
    const { run, prompter } = await assess(cwd, {}, [{ select: 'person-served' }, { input: 'p02' }, { select: 'exit' }]);
    expect(await run).toBe(0);
    const roleAt = prompter.shown.findIndex((text) => text.includes('which role do you answer in'));
    const screenAt = prompter.shown.indexOf(opening(prompter.shown));
    const codeAt = prompter.shown.findIndex((text) => text.startsWith('Your code, such as p01'));
    expect([roleAt, screenAt, codeAt].every((i) => i >= 0)).toBe(true);
    expect(roleAt).toBeLessThan(screenAt);
    expect(screenAt).toBeLessThan(codeAt);
    expect(opening(prompter.shown)).toContain('questions about your time here');
  });

  it('a returning respondent given by --respondent gets the screen of the role they answered in', async () => {
    const cwd = await workspace();
    await (await assess(cwd, { respondent: 'p01', role: 'person-served' }, [{ select: 'exit' }])).run;
    const { run, prompter } = await assess(cwd, { respondent: 'p01' }, [{ select: 'exit' }]);
    expect(await run).toBe(0);
    expect(opening(prompter.shown)).toContain('questions about your time here');
  });

  it('without flags, refuses a code that already answers in another role', async () => {
    const cwd = await workspace();
    await (await assess(cwd, { respondent: 'r01', role: 'leadership' }, [{ select: 'exit' }])).run;
    const { run } = await assess(cwd, {}, [{ select: 'person-served' }, { input: 'r01' }]);
    await expect(run).rejects.toThrow('respondent r01 already answers as Leadership, not People served');
  });
});
