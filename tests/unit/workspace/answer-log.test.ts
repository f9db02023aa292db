import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responses as validateLine } from '../../../src/rubric/schema-validators.generated.js';
import { formatLogLine, isValidRespondentId, latestAnswers, parseAnswerLog, readAnswerLine } from '../../../src/workspace/answer-log.js';

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

describe('readAnswerLine (the fast path for lines as tira writes them)', () => {
  const reference = (line: string) => {
    try {
      const data = JSON.parse(line) as { type?: unknown };
      return validateLine(data) && data.type === 'answer' ? data : undefined;
    } catch {
      return undefined;
    }
  };

  it.each([
    '{"type":"answer","indicator":"tic-saf-1","value":3,"source":"assess","at":"2026-11-23T10:01:00.000Z"}',
    '{"type":"answer","indicator":"a","value":"na","at":"t","source":"assess","note":"checked records"}',
    '{"type":"answer","indicator":"a.b-c","value":null,"note":"é 日本 😀","source":"import:x.csv","at":"t"}',
    '{"type":"answer","indicator":"a","value":0,"at":""}',
  ])('reads %s as JSON.parse does, keys in the same order', (line) => {
    expect(JSON.stringify(readAnswerLine(line))).toBe(JSON.stringify(JSON.parse(line)));
  });

  it.each([
    '{"type":"answer","indicator":"a","value":1,"note":"n","note":"m","at":"t"}',
    '{"type":"answer","indicator":"a","value":1,"source":"s"}',
    '{"type":"answer","indicator":"a","value":01,"at":"t"}',
    '{"type":"answer","indicator":"a","value":1.0,"at":"t"}',
    '{"type":"answer","indicator":"a","value":-1,"at":"t"}',
    '{"type":"answer","indicator":"a","value":"maybe","at":"t"}',
    '{"type":"answer","indicator":"A","value":1,"at":"t"}',
    '{"type":"answer","indicator":"a--b","value":1,"at":"t"}',
    '{"type":"answer","indicator":"a","value":1,"at":"t\\"x"}',
    '{"type":"answer","indicator":"a","value":1,"at":"t\tx"}',
    '{"type":"answer","indicator":"a","value":1,"at":"t"} ',
    '{"type":"answer","indicator":"a","value":1,"at":"t","__proto__":"x"}',
    '{"type":"answer", "indicator":"a","value":1,"at":"t"}',
    '{"type":"respondent","format":1,"id":"r01","role":"leadership","rubrics":{},"created":"t"}',
  ])('leaves %s to JSON.parse and the schema', (line) => {
    expect(readAnswerLine(line)).toBeUndefined();
  });

  it('accepts only lines that JSON.parse and the schema accept, and reads them the same way', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('assess', 'import:a.csv', '2026-11-23T10:01:00.000Z', 'a"b', 'a\\b', '\n', '\u0000'));
    const value = fc.oneof(fc.integer({ min: -2, max: 2_000_000_000 }), fc.double(), fc.constantFrom('na', 'unknown', 'skipped', null, 'maybe', true));
    const event = fc.record(
      { type: fc.constantFrom('answer', 'respondent'), indicator: fc.constantFrom('a', 'tic-saf-1', 'A', 'a--b', ''), value, note: text, source: text, at: text },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(event, (e) => {
        const line = JSON.stringify(e);
        const fast = readAnswerLine(line);
        if (fast !== undefined) expect(JSON.stringify(fast)).toBe(JSON.stringify(reference(line)));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes every answer line tira itself writes, with plain words in it, so that a roll-up reads logs at speed', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 .:_-]{0,30}$/);
    const answer = fc.record({
      type: fc.constant('answer' as const),
      indicator: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,3}$/),
      value: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom('na' as const, 'unknown' as const, 'skipped' as const, null)),
      note: fc.option(word, { nil: undefined }),
      source: word,
      at: fc.constant('2026-11-23T10:01:00.000Z'),
    });
    fc.assert(
      fc.property(answer, (e) => {
        const line = formatLogLine(e).trimEnd();
        expect(JSON.stringify(readAnswerLine(line))).toBe(JSON.stringify(JSON.parse(line)));
      }),
      { numRuns: 1000 },
    );
  });

  it('still names the line of a damaged answer among fast ones', () => {
    const text = [header, answer('a', 1), '{"type":"answer","indicator":"b","value":1.5,"at":"t"}', answer('c', 2)].join('\n') + '\n';
    expect(parseAnswerLog(text, 'r01.jsonl')).toEqual({ ok: false, error: expect.stringMatching(/^r01\.jsonl:3: this line is not a respondent or answer line/) });
  });

  it('reads a log with Windows line ends as before', () => {
    const text = [header, answer('a', 1), answer('b', 'na')].join('\r\n') + '\r\n';
    const result = parseAnswerLog(text, 'r01.jsonl');
    if (!result.ok) throw new Error(result.error);
    expect(result.log.events.map((e) => [e.indicator, e.value])).toEqual([['a', 1], ['b', 'na']]);
  });
});

describe('parseAnswerLog reads as JSON.parse line by line would', () => {
  const reference = (text: string) => {
    const lines = text.split('\n');
    const last = lines.pop()!;
    return [...lines, last].map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  };

  it('whatever the line ends, blank lines and notes', () => {
    const a = '{"type":"answer","indicator":"a","value":1,"source":"assess","at":"t1"}';
    const b = '{"type":"answer","indicator":"b","value":"na","at":"t2","source":"assess","note":"n"}';
    const c = '{"type": "answer", "indicator": "c", "value": 2, "at": "t3"}';
    const text = `${header}\n${a}\r\n\n  \n${b}\n${c}\r\r\n${a}\n${b}`;
    const result = parseAnswerLog(text, 'r01.jsonl');
    if (!result.ok) throw new Error(result.error);
    expect(JSON.stringify([result.log.header, ...result.log.events])).toBe(JSON.stringify(reference(text)));
    expect(result.log.warnings).toEqual([]);
  });

  it('every value and source, each line read on its own', () => {
    const line = (indicator: string, value: string, source: string) => `{"type":"answer","indicator":"${indicator}","value":${value},"source":"${source}","at":"t-${indicator}"}`;
    const values = ['0', '4', '123456789', 'null', '"na"', '"unknown"', '"skipped"'];
    const sources = ['assess', 'assess2', 'asses', '', 'import:a.csv', 'assess'];
    const text = [header, ...values.flatMap((v, i) => sources.map((s, j) => line(`i${i}-${j}`, v, s)))].join('\n') + '\n';
    const result = parseAnswerLog(text, 'r01.jsonl');
    if (!result.ok) throw new Error(result.error);
    expect(JSON.stringify([result.log.header, ...result.log.events])).toBe(JSON.stringify(reference(text)));
  });

  it('numbers lines after fast ones, for a torn last line and for a damaged one', () => {
    const a = '{"type":"answer","indicator":"a","value":1,"source":"assess","at":"t1"}';
    const torn = parseAnswerLog(`${header}\n${a}\n${a}\r\n${a.slice(0, 30)}`, 'r01.jsonl');
    if (!torn.ok) throw new Error(torn.error);
    expect(torn.log.events).toHaveLength(2);
    expect(torn.log.warnings).toEqual([expect.stringMatching(/^r01\.jsonl:4: the last line was cut off/)]);
    expect(parseAnswerLog(`${header}\n${a}\n${a}\n{"type":"answer"\n${a}\n`, 'r01.jsonl')).toEqual({ ok: false, error: expect.stringMatching(/^r01\.jsonl:4: this line is not valid JSON/) });
    expect(parseAnswerLog(`${header}\n${a}\n${header}\n`, 'r01.jsonl')).toEqual({ ok: false, error: expect.stringMatching(/^r01\.jsonl:3: a second respondent line/) });
  });
});
