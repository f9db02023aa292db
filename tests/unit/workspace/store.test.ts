import { mkdtempSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, appendEvents, createLog, listRespondentIds, readLog, StoreError } from '../../../src/workspace/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-store-'));
});

const header = { type: 'respondent' as const, format: 1 as const, id: 'r01', role: 'leadership', rubrics: { tic: '1.0.0' }, created: '2026-11-23T10:00:00.000Z' };
const event = (indicator: string, value: number | 'na' | null) => ({ type: 'answer' as const, indicator, value, at: '2026-11-23T10:01:00.000Z' });

describe('the answer store', () => {
  it('creates a log readable by its owner only, and reads back what was appended', () => {
    createLog(dir, header);
    appendEvents(dir, 'r01', [event('a', 2)]);
    appendEvents(dir, 'r01', [event('a', 3), event('b', 'na')]);
    expect(statSync(join(dir, 'responses', 'r01.jsonl')).mode & 0o777).toBe(0o600);
    const log = readLog(dir, 'r01');
    if (!log?.ok) throw new Error('unreadable');
    expect(log.log.events.map((e) => [e.indicator, e.value])).toEqual([['a', 2], ['a', 3], ['b', 'na']]);
    expect(listRespondentIds(dir)).toEqual(['r01']);
  });

  it('refuses to create a second log for the same respondent', () => {
    createLog(dir, header);
    expect(() => createLog(dir, header)).toThrow(StoreError);
  });

  it('never builds a path outside responses/ from an id', () => {
    expect(() => createLog(dir, { ...header, id: '../escape' })).toThrow(/not a valid id/);
    expect(() => appendEvents(dir, '../../etc/x', [event('a', 1)])).toThrow(/not a valid id/);
  });

  it('after a torn last line, cuts the fragment away so the next answer is readable with every earlier one', () => {
    createLog(dir, header);
    appendEvents(dir, 'r01', [event('a', 2)]);
    appendFileSync(join(dir, 'responses', 'r01.jsonl'), '{"type":"answer","indi');
    expect(readLog(dir, 'r01')).toMatchObject({ ok: true, log: { warnings: [expect.stringMatching(/cut off/)] } });
    appendEvents(dir, 'r01', [event('b', 4)]);
    const log = readLog(dir, 'r01');
    if (!log?.ok) throw new Error('unreadable');
    expect(log.log.events.map((e) => [e.indicator, e.value])).toEqual([['a', 2], ['b', 4]]);
    expect(log.log.warnings).toEqual([]);
  });

  it('after a whole last line without its newline, keeps it and adds the newline', () => {
    createLog(dir, header);
    appendFileSync(join(dir, 'responses', 'r01.jsonl'), JSON.stringify(event('a', 1)));
    appendEvents(dir, 'r01', [event('b', 4)]);
    const log = readLog(dir, 'r01');
    if (!log?.ok) throw new Error('unreadable');
    expect(log.log.events.map((e) => [e.indicator, e.value])).toEqual([['a', 1], ['b', 4]]);
  });
});

describe('respondent locks', () => {
  it('refuses a second process on the same respondent while the first is alive', () => {
    const lock = acquireLock(dir, 'r01', { pid: 1111, isAlive: () => true });
    expect(() => acquireLock(dir, 'r01', { pid: 2222, isAlive: () => true })).toThrow(/another tira process \(pid 1111\)/);
    lock.release();
    acquireLock(dir, 'r01', { pid: 2222, isAlive: () => true }).release();
  });

  it('takes over a lock whose process is gone', () => {
    acquireLock(dir, 'r01', { pid: 1111 });
    const lock = acquireLock(dir, 'r01', { pid: 2222, isAlive: (pid) => pid !== 1111 });
    expect(readFileSync(join(dir, 'responses', 'r01.jsonl.lock'), 'utf8')).toBe('2222\n');
    lock.release();
  });

  it('takes over an empty lock file left by a crash', () => {
    writeFileSync(join(dir, 'placeholder'), '');
    acquireLock(dir, 'r02', { pid: 1 }).release();
    writeFileSync(join(dir, 'responses', 'r02.jsonl.lock'), '');
    acquireLock(dir, 'r02', { pid: 3333, isAlive: () => true }).release();
  });

  it('lets different respondents answer at the same time', () => {
    const a = acquireLock(dir, 'r01', { pid: 1, isAlive: () => true });
    const b = acquireLock(dir, 'r02', { pid: 2, isAlive: () => true });
    a.release();
    b.release();
  });
});
