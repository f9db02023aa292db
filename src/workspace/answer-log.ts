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
  let lines = text.split('\n');
  const last = lines.pop() ?? '';
  if (last.trim() !== '') {
    // Written whole but for its newline: keep it. Cut off mid-line: ignore it.
    if (isCompleteLine(last)) lines.push(last);
    else warnings.push(`${file}:${lines.length + 1}: the last line was cut off (the program stopped while writing it) and is ignored; every answer before it is kept`);
  }
  lines = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));

  let header: RespondentLine | undefined;
  const events: AnswerEvent[] = [];
  for (const [i, line] of lines.entries()) {
    const where = `${file}:${i + 1}`;
    if (line.trim() === '') continue;
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

function isCompleteLine(line: string): boolean {
  try {
    return validateLine(JSON.parse(line));
  } catch {
    return false;
  }
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
    latest.set(event.indicator, { value: event.value as AnswerValue, at: event.at, ...(event.note ? { note: event.note } : {}) });
  }
  return latest;
}

/** One line of the log, newline included. */
export function formatLogLine(line: RespondentLine | AnswerEvent): string {
  return `${JSON.stringify(line)}\n`;
}
