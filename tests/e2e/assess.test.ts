// tira init and tira assess as a person meets them: a workspace made from flags,
// answers given through --plain from a pipe, and in a real terminal (tmux) a
// process killed with SIGKILL mid-walkthrough that loses nothing and resumes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/fixtures.js';
import { tira } from '../helpers/run-cli.js';

const bin = join(repoRoot, 'bin', 'tira.js');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-assess-'));
});

function answerLines(workspace: string, respondent: string): { indicator?: string; value?: unknown; note?: string; type: string }[] {
  return readFileSync(join(workspace, 'responses', `${respondent}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

async function waitUntilGone(pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function plainAssess(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, 'assess', ...args, '--plain'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('tira init', () => {
  it('creates a workspace from flags that tira validate accepts, owner-only, and refuses to overwrite it', async () => {
    const ws = join(dir, 'ws');
    const first = await tira(['init', ws, '--agency', 'Test Agency', '--cycle', '2026', '--rubric', 'tic']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`tira assess ${ws}`);
    expect(statSync(join(ws, 'assessment.yaml')).mode & 0o777).toBe(0o600);
    expect((await tira(['validate', join(ws, 'assessment.yaml')])).code).toBe(0);
    const again = await tira(['init', ws, '--agency', 'Other']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; tira init never overwrites/);
    expect(readFileSync(join(ws, 'assessment.yaml'), 'utf8')).toContain('agency: Test Agency');
  });

  it('without a terminal, needs --agency (exit 2, one line)', async () => {
    const result = await tira(['init', join(dir, 'ws')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--agency is needed');
  });
});

describe('tira assess', () => {
  it('without a terminal and without --plain exits 2 pointing to export-form and import', async () => {
    await tira(['init', join(dir, 'ws'), '--agency', 'A']);
    const result = await tira(['assess', join(dir, 'ws')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tira export-form .*tira import/);
  });

  it('--plain records ratings, notes, not applicable and don\'t know, and a stop at end of input keeps them (exit 130)', async () => {
    await tira(['init', join(dir, 'ws'), '--agency', 'A', '--rubric', 'tic']);
    // The typed key of a rating is its scale value; n and d are not applicable and don't know; a bare Enter skips.
    const result = await plainAssess(['ws', '--respondent', 'r01', '--role', 'leadership'], '3\nseen in the binder\nn\nD\n\n');
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Every answer given so far is saved');
    const lines = answerLines(join(dir, 'ws'), 'r01');
    expect(lines[0]).toMatchObject({ type: 'respondent', id: 'r01', role: 'leadership' });
    expect(lines.slice(1).map((l) => [l.value, l.note ?? null])).toEqual([
      [3, null],
      [3, 'seen in the binder'],
      ['na', null],
      ['unknown', null],
      ['skipped', null],
    ]);
    expect(statSync(join(dir, 'ws', 'responses', 'r01.jsonl')).mode & 0o777).toBe(0o600);
  });

  it('--plain: a person served gets the short opening screen in plain words, and a staff member the full one', async () => {
    await tira(['init', join(dir, 'ws'), '--agency', 'A', '--rubric', 'tic']);
    const served = await plainAssess(['ws', '--respondent', 'p01', '--role', 'person-served'], 'q\n');
    expect(served.code).toBe(0);
    const before = served.stdout.split('Question 1 of')[0]!;
    expect(before).toContain('questions about your time here');
    expect(before).toContain('kept under a code, not your name');
    expect(before).toMatch(/restraint.*\n?.*violence, and suicide/s);
    expect(before).toContain('type the number or letter');
    expect(before).not.toContain('self-assessment');
    const staff = await plainAssess(['ws', '--respondent', 'r01', '--role', 'leadership'], 'q\n');
    expect(staff.stdout).toContain('trauma-informed, recovery-oriented self-assessment');
    expect(before.split('\n').length).toBeLessThan(staff.stdout.split(/ 1 of \d+/)[0]!.split('\n').length);
  });

  it('refuses a respondent id that could leave responses/', async () => {
    await tira(['init', join(dir, 'ws'), '--agency', 'A']);
    const result = await plainAssess(['ws', '--respondent', '../../x', '--role', 'leadership'], '');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('letters and digits');
  });

  const hasTmux = spawnSync('tmux', ['-V']).status === 0;
  it.skipIf(!hasTmux)('in a real terminal: answers survive SIGKILL, and the next run resumes at the first unanswered indicator', async () => {
    execFileSync(process.execPath, [bin, 'init', join(dir, 'ws'), '--agency', 'A', '--rubric', 'tic']);
    const session = `tira-e2e-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
    const screen = () => tmux('capture-pane', '-t', session, '-p', '-S', '-200');
    // The pane's history is read too, so a text that appears again is waited for by count.
    const waitFor = async (text: string, times = 1) => {
      for (let i = 0; i < 100; i++) {
        if (screen().split(text).length - 1 >= times) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the screen never showed "${text}":\n${screen()}`);
    };
    const start = () =>
      tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', '-c', dir, `${process.execPath} ${bin} assess ws --respondent r01 --role leadership; sleep 30`);
    start();
    try {
      await waitFor('1 of ');
      tmux('send-keys', '-t', session, '4'); // "3  In place across the agency"
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor('Note (optional');
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor('2 of ');
      tmux('send-keys', '-t', session, '2'); // "1  Planned or ad hoc"
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor('Note (optional', 2);
      // Killed at the note prompt: the rating was saved before the prompt appeared.
      const pid = tmux('list-panes', '-t', session, '-F', '#{pane_pid}').trim();
      const child = execFileSync('pgrep', ['-P', pid, '-f', 'tira.js assess'], { encoding: 'utf8' }).trim();
      process.kill(Number(child), 'SIGKILL');
      await waitUntilGone(Number(child));
      const values = answerLines(join(dir, 'ws'), 'r01')
        .slice(1)
        .map((l) => l.value);
      expect(values).toEqual([3, 1]);
      tmux('kill-session', '-t', session);

      start();
      await waitFor('Welcome back: 2 answered');
      await waitFor('3 of ');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
  }, 60_000);

  it.skipIf(!hasTmux)('in a real terminal: a person served reads the short opening screen, then first-person questions', async () => {
    execFileSync(process.execPath, [bin, 'init', join(dir, 'ws'), '--agency', 'Harbor House', '--rubric', 'tic']);
    const session = `tira-e2e-served-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
    const screen = () => tmux('capture-pane', '-t', session, '-p', '-S', '-200');
    try {
      tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '40', '-c', dir, `${process.execPath} ${bin} assess ws --respondent p01 --role person-served; sleep 30`);
      for (let i = 0; i < 100 && !screen().includes('Question 1 of'); i++) await new Promise((r) => setTimeout(r, 100));
      const text = screen();
      expect(text).toContain('Harbor House');
      expect(text).toContain('questions about your time here');
      expect(text).toContain('use the arrow keys or a number');
      expect(text).toContain('Question 1 of');
      // Every line fits an 80-column terminal: none was wrapped mid-sentence by tmux.
      const opening = text.slice(text.indexOf('questions about your time here'), text.indexOf('Your code is'));
      expect(opening).toContain('violence, and suicide');
      expect(opening.split('\n').every((line) => line.length < 80)).toBe(true);
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
  }, 30_000);
});
