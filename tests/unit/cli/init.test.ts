import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initCommand } from '../../../src/cli/commands/init.js';
import type { Io } from '../../../src/cli/io.js';
import { readWorkspace } from '../../../src/workspace/read-workspace.js';
import { scriptedPrompter } from '../../helpers/scripted-prompter.js';

function fakeIo(cwd: string): Io & { out: string[] } {
  const out: string[] = [];
  return { out, cwd, env: {}, isTTY: false, stdout: (t) => void out.push(t), stderr: (t) => void out.push(t) };
}

describe('tira init in a terminal', () => {
  it('asks for the agency, the cycle and the rubrics, and writes a workspace that reads back as answered', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tira-init-'));
    const prompter = scriptedPrompter([{ input: 'Harbor House' }, { input: '' }, { checkbox: ['recovery-principles', 'tic'] }]);
    const io = fakeIo(cwd);
    expect(await initCommand({ dir: 'ws', today: '2026-11-23' }, io, prompter)).toBe(0);
    expect(prompter.remaining()).toBe(0);
    const read = await readWorkspace('ws', { cwd });
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const { assessment } = read.workspace;
    expect(assessment.agency).toBe('Harbor House');
    expect(assessment.cycle).toBe('2026');
    expect(assessment.rubrics.map((r) => [r.id, r.file])).toEqual([
      ['recovery-principles', 'tira:recovery-principles.yaml'],
      ['tic', 'tira:tic.yaml'],
    ]);
    expect(assessment.targetLevel).toBe(3);
    expect(assessment.smallCellThreshold).toBe(3);
    expect(assessment.roles.map((r) => r.id)).toContain('person-served');
    expect(readFileSync(join(cwd, 'ws', 'assessment.yaml'), 'utf8')).toMatch(/# A role with fewer respondents than this shows no figures/);
  });

  it('quotes a folder name with spaces in the commands it prints, so that they can be copied', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tira-init-'));
    const io = fakeIo(cwd);
    expect(await initCommand({ dir: 'Harbor House 2026', agency: 'Harbor House', rubric: ['tic'], today: '2026-11-23' }, io)).toBe(0);
    const text = io.out.join('');
    expect(text).toContain("`tira assess 'Harbor House 2026'`");
    expect(text).toContain("`tira export-form 'Harbor House 2026' --role <role>`");
    expect(text).not.toMatch(/tira (assess|export-form) Harbor/);
    await expect(initCommand({ dir: "Bob's ws", agency: 'A', rubric: ['tic'], today: '2026-11-23' }, fakeIo(cwd))).resolves.toBe(0);
    await expect(initCommand({ dir: "Bob's ws", agency: 'A', rubric: ['tic'], today: '2026-11-23' }, fakeIo(cwd))).rejects.toThrow("`tira assess 'Bob'\\''s ws'`");
  });

  it('refuses a target level the scale does not have', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tira-init-'));
    await expect(initCommand({ dir: 'ws', agency: 'A', target: '7', today: '2026-11-23' }, fakeIo(cwd))).rejects.toThrow(/--target 7: use a level/);
  });
});

describe('readWorkspace', () => {
  it('refuses a workspace whose pinned rubric version has changed, saying how to accept it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tira-init-'));
    await initCommand({ dir: 'ws', agency: 'A', rubric: ['tic'], today: '2026-11-23' }, fakeIo(cwd));
    const file = join(cwd, 'ws', 'assessment.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/version: .*/, 'version: 0.9.0'));
    const read = await readWorkspace('ws', { cwd });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]).toMatch(/pinned to tic 0\.9\.0, but tira:tic\.yaml is now version .*set its version to/);
  });

  it('reports a schema problem in assessment.yaml with its line', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tira-init-'));
    await initCommand({ dir: 'ws', agency: 'A', rubric: ['tic'], today: '2026-11-23' }, fakeIo(cwd));
    const file = join(cwd, 'ws', 'assessment.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('targetLevel: 3', 'targetLevel: high'));
    const read = await readWorkspace('ws', { cwd });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]).toMatch(/^ws\/assessment\.yaml:\d+:\d+: .*targetLevel/);
  });

  it('refuses a target level that is not a level of a pinned rubric\'s scale, pointing at its line', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tira-init-'));
    await initCommand({ dir: 'ws', agency: 'A', rubric: ['tic'], today: '2026-11-23' }, fakeIo(cwd));
    const file = join(cwd, 'ws', 'assessment.yaml');
    const { writeFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('targetLevel:')) + 1;
    writeFileSync(file, text.replace('targetLevel: 3', 'targetLevel: 7'));
    const read = await readWorkspace('ws', { cwd });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors).toEqual([`ws/assessment.yaml:${line}:14: targetLevel 7 is not a level of the scale of "tic" (0, 1, 2, 3, 4); set it to one of those levels (assessment-target-level)`]);
  });

  it('asks for the workspace folder when given its assessment.yaml or a folder inside it, and never suggests tira init there', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tira-init-'));
    await initCommand({ dir: 'harbor 2026', agency: 'A', rubric: ['tic'], today: '2026-11-23' }, fakeIo(cwd));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(cwd, 'harbor 2026', 'responses'), { recursive: true });
    for (const [dir, what] of [
      ['harbor 2026/assessment.yaml', 'is the settings file of the workspace'],
      ['harbor 2026/responses', 'is inside the workspace'],
    ]) {
      const read = await readWorkspace(dir!, { cwd });
      expect(read.ok ? [] : read.errors).toEqual([`${dir}: ${what} harbor 2026; give the workspace folder: 'harbor 2026'`]);
    }
    const elsewhere = await readWorkspace('elsewhere', { cwd });
    expect(elsewhere.ok ? [] : elsewhere.errors).toEqual(['elsewhere: no such folder; create a workspace with `tira init elsewhere`']);
  });
});
