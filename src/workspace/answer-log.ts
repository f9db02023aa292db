// Reads and writes the lines of one answer log, responses/<respondent>.jsonl. Pure:
// text in, data out. The first line describes the respondent; every later line is
// one answer event, and the latest event per indicator wins. A last line with no
// newline after it is what a power cut mid-write leaves: it is ignored with a
// warning, never an error, so that every answer written before it still counts.
import type { AnswerEvent, AnswerValue, LatestAnswer, RespondentLine } from '../model/workspace.js';
import { responses as validateLine } from '../rubric/schema-validators.generated.js';

/** Letters and digits, separated by single dashes: a code, never a name, and never a path. */
export const RESPONDENT_ID_PATTERN = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;
const MAX_RESPONDENT_ID_LENGTH = 40;

export function isValidRespondentId(id: string): boolean {
  return id.length <= MAX_RESPONDENT_ID_LENGTH && RESPONDENT_ID_PATTERN.test(id);
}

export const respondentIdRule = `letters and digits, with single dashes between them, at most ${MAX_RESPONDENT_ID_LENGTH} characters (a code such as r01; never a name, and better not initials, which can point to one person in a small team)`;

export interface ParsedLog {
  header: RespondentLine;
  events: AnswerEvent[];
  /** Problems that did not stop the read: a torn last line. */
  warnings: string[];
}

export type LogResult = { ok: true; log: ParsedLog } | { ok: false; error: string };

/** Parses a log's text; `file` names it in messages. */
export function parseAnswerLog(text: string, file: string): LogResult {
  // Every line ends with a newline; what follows the last one is a last line that a
  // power cut left without it: kept when whole, else ignored with a warning.
  const end = text.lastIndexOf('\n') + 1;
  const last = text.slice(end);
  const keepLast = last.trim() !== '' && isCompleteLine(last);

  let header: RespondentLine | undefined;
  const events: AnswerEvent[] = [];
  /** Reads one line (without its newline) that the fast path did not take; an error, or undefined. */
  const take = (raw: string, number: number): string | undefined => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const answer = header ? readAnswerLine(line) : undefined;
    if (answer) {
      events.push(answer);
      return undefined;
    }
    if (line.trim() === '') return undefined;
    const where = `${file}:${number}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      return `${where}: this line is not valid JSON; an answer log is written by tira, so restore the file from a copy or remove the line`;
    }
    if (!validateLine(data)) {
      return `${where}: this line is not a respondent or answer line tira writes (see schemas/responses.schema.json); restore the file from a copy or remove the line`;
    }
    const typed = data as RespondentLine | AnswerEvent;
    if (!header) {
      if (typed.type !== 'respondent') return `${where}: the first line must describe the respondent ({"type":"respondent",...})`;
      header = typed;
    } else if (typed.type === 'respondent') {
      return `${where}: a second respondent line; each log holds one respondent`;
    } else {
      events.push(typed);
    }
    return undefined;
  };

  let lines = 0;
  let source = '';
  for (let at = 0; at < end; ) {
    lines += 1;
    // Nearly every line is an answer as tira writes it: matched in place, without
    // cutting the line out, JSON.parse or the schema.
    COMMON_ANSWER.lastIndex = at;
    if (header && COMMON_ANSWER.test(text)) {
      // The expression has checked the line's shape, so each field starts a fixed
      // number of characters after the end of the one before it, and no string holds a quote.
      const indicatorEnd = text.indexOf('"', at + INDICATOR_AT);
      const indicator = plainId(text.slice(at + INDICATOR_AT, indicatorEnd));
      const valueAt = indicatorEnd + VALUE_AFTER;
      let valueEnd: number;
      let value: AnswerEvent['value'];
      const c = text.charCodeAt(valueAt);
      if (c === 0x22) {
        const word = text.charCodeAt(valueAt + 1) === 0x6e ? 'na' : text.charCodeAt(valueAt + 1) === 0x75 ? 'unknown' : 'skipped';
        value = word;
        valueEnd = valueAt + word.length + 2;
      } else if (c === 0x6e) {
        value = null;
        valueEnd = valueAt + 4;
      } else {
        // At most nine digits: exact.
        let n = 0;
        for (valueEnd = valueAt; valueEnd < end; valueEnd++) {
          const d = text.charCodeAt(valueEnd);
          if (d < 0x30 || d > 0x39) break;
          n = n * 10 + (d - 0x30);
        }
        value = n;
      }
      const sourceAt = valueEnd + SOURCE_AFTER;
      // A log's lines nearly all have one source: the previous line's string, when it is the same.
      if (!(text.startsWith(source, sourceAt) && text.charCodeAt(sourceAt + source.length) === 0x22)) source = text.slice(sourceAt, text.indexOf('"', sourceAt));
      const timeAt = sourceAt + source.length + AT_AFTER;
      events.push({ type: 'answer', indicator, value, source, at: text.slice(timeAt, text.indexOf('"', timeAt)) });
      at = COMMON_ANSWER.lastIndex;
      continue;
    }
    const next = text.indexOf('\n', at);
    const error = take(text.slice(at, next), lines);
    if (error) return { ok: false, error };
    at = next + 1;
  }
  const warnings: string[] = [];
  if (keepLast) {
    const error = take(last, lines + 1);
    if (error) return { ok: false, error };
  } else if (last.trim() !== '') {
    warnings.push(`${file}:${lines + 1}: the last line was cut off (the program stopped while writing it) and is ignored; every answer before it is kept`);
  }
  if (!header) return { ok: false, error: `${file}: the file has no respondent line; remove it if it holds no answers` };
  return { ok: true, log: { header, events, warnings } };
}

function isCompleteLine(line: string): boolean {
  if (readAnswerLine(line)) return true;
  try {
    return validateLine(JSON.parse(line));
  } catch {
    return false;
  }
}

// An answer line as tira writes it (JSON.stringify: no spaces, no escapes in its
// strings), with the keys after "value" in any order. Whatever this matches is valid
// against schemas/responses.schema.json (an id as the rubric schema's pattern, a whole
// number >= 0 or one of the words, strings without control characters), and reads
// as JSON.parse reads it. Anything else (spaces, escapes, 1.0, another key) takes
// the slow path, JSON.parse and the schema, which name the line that is wrong.
// NOTE: about five times faster than JSON.parse plus the schema check; a roll-up reads
// a million such lines.
const TEXT = String.raw`[^"\\\u0000-\u001f]*`;
const ID = '[a-z0-9]+(?:[.-][a-z0-9]+)*';
const VALUE = '0|[1-9][0-9]{0,8}|null|"na"|"unknown"|"skipped"';
const ANSWER_LINE = new RegExp(`^\\{"type":"answer","indicator":"(${ID})","value":(${VALUE})((?:,"(?:note|source|at)":"${TEXT}")*)\\}$`);
const TAIL_PAIR = new RegExp(`,"(note|source|at)":"(${TEXT})"`, 'g');
/** The commonest line (what the generator and `tira import` write without a note), with its newline, at lastIndex. */
const COMMON_ANSWER = new RegExp(`\\{"type":"answer","indicator":"${ID}","value":(?:${VALUE}),"source":"${TEXT}","at":"${TEXT}"\\}\\r?\\n`, 'y');
// Where its fields start: from the line's start, and after the end of the field before.
const INDICATOR_AT = '{"type":"answer","indicator":"'.length;
const VALUE_AFTER = '","value":'.length;
const SOURCE_AFTER = ',"source":"'.length;
const AT_AFTER = '","at":"'.length;

function answerValue(raw: string): AnswerEvent['value'] {
  return raw === 'null' ? null : raw.charCodeAt(0) === 0x22 ? (raw.slice(1, -1) as 'na' | 'unknown' | 'skipped') : Number(raw);
}

// NOTE: a capture of a regular expression is a part of the line's string ("sliced",
// in V8): as a Map key it is looked up about four times slower than a plain string,
// and scoring looks each indicator up once per respondent. So each id is kept as one
// plain copy; the table is emptied now and then, so that odd logs cannot grow it.
const plainIds = new Map<string, string>();
function plainId(id: string): string {
  let plain = plainIds.get(id);
  if (plain === undefined) {
    if (plainIds.size >= 10_000) plainIds.clear();
    // An id is [a-z0-9.-]: nothing to escape, and JSON.parse returns a plain string.
    plain = JSON.parse(`"${id}"`) as string;
    plainIds.set(plain, plain);
  }
  return plain;
}

/** The answer event a line holds when it is in the form above, else undefined. */
export function readAnswerLine(line: string): AnswerEvent | undefined {
  const m = ANSWER_LINE.exec(line);
  if (!m) return undefined;
  // Keys in the line's order, as JSON.parse gives them; each once, and "at" required.
  const event: Record<string, unknown> = { type: 'answer', indicator: plainId(m[1]!), value: answerValue(m[2]!) };
  for (const [, key, text] of m[3]!.matchAll(TAIL_PAIR)) {
    if (Object.hasOwn(event, key!)) return undefined;
    event[key!] = text;
  }
  return typeof event.at === 'string' ? (event as unknown as AnswerEvent) : undefined;
}

/**
 * The latest answer per indicator. Events are applied in file order, which is
 * the order they were written; a cleared answer (null) removes the indicator.
 */
export function latestAnswers(events: readonly AnswerEvent[]): Map<string, LatestAnswer> {
  const latest = new Map<string, LatestAnswer>();
  for (const event of events) {
    if (event.value === null) {
      latest.delete(event.indicator);
      continue;
    }
    // NOTE: a conditional spread costs about ten times a plain literal, and this runs once per answer event.
    const answer: LatestAnswer = { value: event.value as AnswerValue, at: event.at };
    if (event.note) answer.note = event.note;
    latest.set(event.indicator, answer);
  }
  return latest;
}

/** One line of the log, newline included. */
export function formatLogLine(line: RespondentLine | AnswerEvent): string {
  return `${JSON.stringify(line)}\n`;
}
