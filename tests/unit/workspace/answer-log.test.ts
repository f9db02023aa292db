import { describe, expect, it } from 'vitest';
import { isValidRespondentId, latestAnswers, parseAnswerLog } from '../../../src/workspace/answer-log.js';

const header = '{"type":"respondent","format":1,"id":"r01","role":"leadership","rubrics":{"tic":"1.0.0"},"created":"2026-11-23T10:00:00.000Z"}';
const answer = (indicator: string, value: unknown, at = '2026-11-23T10:01:00.000Z', note?: string) =>
  JSON.stringify({ type: 'answer', indicator, value, at, ...(note ? { note } : {}) });

describe('parseAnswerLog', () => {
  it('reads the respondent and every answer, the latest per indicator winning', () => {
    const text = [header, answer('a', 1), answer('b', 'na'), answer('a', 3, '2026-11-23T10:02:00.000Z', 'checked records')].join('\n') + '\n';
    const result = parseAnswerLog(text, 'r01.jsonl');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.log.header.role).toBe('leadership');
    const latest = latestAnswers(result.log.events);
    expect(latest.get('a')).toEqual({ value: 3, at: '2026-11-23T10:02:00.000Z', note: 'checked records' });
    expect(latest.get('b')?.value).toBe('na');
    expect(result.log.warnings).toEqual([]);
  });

  it('forgets a cleared answer but keeps the others', () => {
    const text = [header, answer('a', 2), answer('b', 'unknown'), answer('a', null)].join('\n') + '\n';
    const result = parseAnswerLog(text, 'r01.jsonl');
    if (!result.ok) throw new Error(result.error);
    const latest = latestAnswers(result.log.events);
    expect(latest.has('a')).toBe(false);
    expect(latest.get('b')?.value).toBe('unknown');
  });

  it('ignores a torn last line with a warning naming the file, and keeps every earlier answer', () => {
    const text = [header, answer('a', 2), answer('b', 4).slice(0, 25)].join('\n');
    const result = parseAnswerLog(text, 'responses/r01.jsonl');
    if (!result.ok) throw new Error(result.error);
    expect(result.log.events.map((e) => e.indicator)).toEqual(['a']);
    expect(result.log.warnings).toHaveLength(1);
    expect(result.log.warnings[0]).toMatch(/^responses\/r01\.jsonl:3: the last line was cut off/);
  });

  it('keeps a last line that is whole but for its newline', () => {
    const text = [header, answer('a', 2), answer('b', 4)].join('\n');
    const result = parseAnswerLog(text, 'r01.jsonl');
    if (!result.ok) throw new Error(result.error);
    expect(result.log.events.map((e) => e.indicator)).toEqual(['a', 'b']);
    expect(result.log.warnings).toEqual([]);
  });

  it('reports a damaged line in the middle with its line number', () => {
    const text = [header, '{"type":"answer",', answer('a', 2)].join('\n') + '\n';
    const result = parseAnswerLog(text, 'r01.jsonl');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^r01\.jsonl:2: this line is not valid JSON/) });
  });

  it('refuses a log that does not start with the respondent', () => {
    const result = parseAnswerLog(answer('a', 2) + '\n', 'r01.jsonl');
    expect(result.ok).toBe(false);
  });

  it('refuses an answer value that is not a rating or a known word', () => {
    const result = parseAnswerLog([header, answer('a', 'maybe')].join('\n') + '\n', 'r01.jsonl');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^r01\.jsonl:2:/) });
  });
});

describe('isValidRespondentId', () => {
  it.each(['r01', 'JD', 'team-a', 'r-1-2'])('accepts %s', (id) => expect(isValidRespondentId(id)).toBe(true));
  it.each(['', '../x', 'a/b', 'r 01', '-r', 'r-', 'a--b', 'é', 'x'.repeat(41), 'con.jsonl'])('refuses %j', (id) =>
    expect(isValidRespondentId(id)).toBe(false),
  );
});
