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
  const warnings: string[] = [];
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  if (last.trim() !== '') {
    // Written whole but for its newline: keep it. Cut off mid-line: ignore it.
    if (isCompleteLine(last)) lines.push(last);
    else warnings.push(`${file}:${lines.length + 1}: the last line was cut off (the program stopped while writing it) and is ignored; every answer before it is kept`);
  }

  let header: RespondentLine | undefined;
  const events: AnswerEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = stripCr(lines[i]!);
    // Nearly every line is an answer as tira writes it: read without JSON.parse and the schema.
    const fast = header ? readAnswerLine(line) : undefined;
    if (fast) {
      events.push(fast);
      continue;
    }
    if (line.trim() === '') continue;
    const where = `${file}:${i + 1}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      return { ok: false, error: `${where}: this line is not valid JSON; an answer log is written by tira, so restore the file from a copy or remove the line` };
    }
    if (!validateLine(data)) {
      return { ok: false, error: `${where}: this line is not a respondent or answer line tira writes (see schemas/responses.schema.json); restore the file from a copy or remove the line` };
    }
    const typed = data as RespondentLine | AnswerEvent;
    if (!header) {
      if (typed.type !== 'respondent') return { ok: false, error: `${where}: the first line must describe the respondent ({"type":"respondent",...})` };
      header = typed;
    } else if (typed.type === 'respondent') {
      return { ok: false, error: `${where}: a second respondent line; each log holds one respondent` };
    } else {
      events.push(typed);
    }
  }
  if (!header) return { ok: false, error: `${file}: the file has no respondent line; remove it if it holds no answers` };
  return { ok: true, log: { header, events, warnings } };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
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
const ANSWER_LINE = new RegExp(
  `^\\{"type":"answer","indicator":"([a-z0-9]+(?:[.-][a-z0-9]+)*)","value":(0|[1-9][0-9]{0,8}|null|"na"|"unknown"|"skipped")((?:,"(?:note|source|at)":"${TEXT}")*)\\}$`,
);
const COMMON_TAIL = new RegExp(`^,"source":"(${TEXT})","at":"(${TEXT})"$`);
const TAIL_PAIR = new RegExp(`,"(note|source|at)":"(${TEXT})"`, 'g');

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
  const indicator = plainId(m[1]!);
  const raw = m[2]!;
  const value = raw === 'null' ? null : raw.charCodeAt(0) === 0x22 ? (raw.slice(1, -1) as 'na' | 'unknown' | 'skipped') : Number(raw);
  const tail = m[3]!;
  // The order the generator and `tira import` write without a note: one object shape for most lines.
  const common = COMMON_TAIL.exec(tail);
  if (common) return { type: 'answer', indicator, value, source: common[1]!, at: common[2]! };
  // Any other order, each key once, "at" required; keys in the line's order, as JSON.parse gives them.
  const event: Record<string, unknown> = { type: 'answer', indicator, value };
  for (const [, key, text] of tail.matchAll(TAIL_PAIR)) {
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
