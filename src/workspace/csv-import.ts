// Answers gathered elsewhere (a spreadsheet, a survey tool's export, a paper form
// typed in), as CSV: parsed, then every row checked against the workspace. Pure:
// text and the workspace's current state in, answer events to append or
// line-numbered problems out. Nothing is written unless every row is sound.
import { CsvError, parse } from 'csv-parse/sync';
import type { Indicator, Rubric } from '../model/rubric.js';
import type { AnswerEvent, AnswerValue, LatestAnswer, Role } from '../model/workspace.js';
import { canJudge, questionFor } from '../rubric/raters.js';
import { isValidRespondentId, respondentIdRule } from './answer-log.js';
import { shellWord } from './shell-word.js';

/** The columns the import reads, in the order the documentation gives them; any other column is ignored. */
export const ANSWER_COLUMNS = ['respondent', 'role', 'indicator', 'rating', 'note'] as const;
type Column = (typeof ANSWER_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ['respondent', 'role', 'indicator', 'rating'];

/** One data row, its fields trimmed; `line` is the line of the file where the row starts. */
export interface AnswerRow {
  line: number;
  respondent: string;
  role: string;
  indicator: string;
  rating: string;
  note: string;
}

export type ImportProblemCode =
  | 'csv-malformed'
  | 'csv-missing-column'
  | 'csv-duplicate-column'
  | 'csv-too-many-fields'
  | 'csv-tab-separated'
  | 'respondent-missing'
  | 'respondent-invalid'
  | 'respondent-case-clash'
  | 'role-missing'
  | 'role-unknown'
  | 'role-conflict-in-file'
  | 'role-conflict-with-log'
  | 'indicator-missing'
  | 'indicator-unknown'
  | 'indicator-not-for-role'
  | 'rating-invalid'
  | 'rating-out-of-scale'
  | 'answer-twice'
  | 'note-without-rating';

/** A bad row, as a value; `describeImportProblem` turns it into words. */
export interface ImportProblem {
  line: number;
  code: ImportProblemCode;
  data: Record<string, string | number>;
}

export type ParsedCsv = { ok: true; rows: AnswerRow[]; delimiter: ',' | ';' } | { ok: false; problems: ImportProblem[] };

/**
 * Parses CSV text as spreadsheets write it: a UTF-8 byte-order mark, CRLF or CR
 * line ends, quoted fields holding commas, semicolons and newlines, and either a
 * comma or a semicolon between fields (Excel in many locales), told apart by the
 * header line. An Excel `sep=;` first line is honoured. Blank rows are skipped.
 */
export function parseAnswerCsv(text: string): ParsedCsv {
  // NOTE: csv-parse counts a CRLF inside a quoted field as two lines, so line
  // numbers drift; with plain newlines they are exact. A newline inside a note
  // is stored as \n either way.
  let source = text.replace(/\r\n?/g, '\n');
  let firstLine = 1;
  const sep = /^(\ufeff?)sep=([,;])[ \t]*\n/i.exec(source);
  if (sep) {
    source = sep[1] + source.slice(sep[0].length);
    firstLine = 2;
  }
  const delimiter = sep ? (sep[2] as ',' | ';') : detectDelimiter(source);
  // A file saved as "Text (Tab delimited)" or copied from a spreadsheet: say so, rather than that every column is missing.
  if (!sep && knownColumns(source, '\t') > knownColumns(source, delimiter)) return { ok: false, problems: [{ line: firstLine, code: 'csv-tab-separated', data: {} }] };

  let lastGoodLine = 0;
  const records: { fields: string[]; line: number }[] = [];
  try {
    parse(source, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields, context) => {
        lastGoodLine = context.lines;
        // The record ends on `context.lines`; it started as many lines up as its fields hold newlines.
        const inner = fields.reduce((n, f) => n + countNewlines(f), 0);
        records.push({ fields, line: context.lines - inner + firstLine - 1 });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { ok: false, problems: [malformed(error, source, lastGoodLine, firstLine)] };
  }

  const header = records.shift();
  if (!header) return { ok: false, problems: [{ line: firstLine, code: 'csv-missing-column', data: { columns: REQUIRED_COLUMNS.join(', ') } }] };
  const names = header.fields.map((f) => f.trim().toLowerCase().replace(/^\ufeff/, ''));
  const index = new Map<Column, number>();
  const problems: ImportProblem[] = [];
  for (const [i, name] of names.entries()) {
    if (!(ANSWER_COLUMNS as readonly string[]).includes(name)) continue;
    if (index.has(name as Column)) problems.push({ line: header.line, code: 'csv-duplicate-column', data: { column: name } });
    else index.set(name as Column, i);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) problems.push({ line: header.line, code: 'csv-missing-column', data: { columns: missing.join(', ') } });
  if (problems.length > 0) return { ok: false, problems };

  const rows: AnswerRow[] = [];
  for (const { fields, line } of records) {
    if (fields.every((f) => f.trim() === '')) continue;
    const extra = fields.slice(names.length);
    if (extra.some((f) => f.trim() !== '')) {
      problems.push({ line, code: 'csv-too-many-fields', data: { fields: fields.length, columns: names.length, delimiter } });
      continue;
    }
    const get = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (fields[i] ?? '').trim();
    };
    rows.push({ line, respondent: get('respondent'), role: get('role'), indicator: get('indicator'), rating: get('rating'), note: get('note') });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows, delimiter };
}

/** The delimiter of the header line: the one that splits it into more of the known column names. */
function detectDelimiter(source: string): ',' | ';' {
  return knownColumns(source, ';') > knownColumns(source, ',') ? ';' : ',';
}

/** How many of the known column names the header line holds when split at `delimiter`. */
function knownColumns(source: string, delimiter: string): number {
  const line = source.replace(/^\ufeff/, '').split('\n', 1)[0] ?? '';
  return line.split(delimiter).filter((f) => (ANSWER_COLUMNS as readonly string[]).includes(f.trim().replace(/^"|"$/g, '').toLowerCase())).length;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function malformed(error: CsvError, source: string, lastGoodLine: number, firstLine: number): ImportProblem {
  const shift = firstLine - 1;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    // The parser reports the end of the file; the quote opened in the row after the last good one.
    const lines = source.split('\n');
    let line = lastGoodLine + 1;
    while (line < lines.length && (lines[line - 1] ?? '').trim() === '') line++;
    return { line: line + shift, code: 'csv-malformed', data: { reason: 'quote-not-closed' } };
  }
  const line = (typeof error.lines === 'number' ? error.lines : lastGoodLine + 1) + shift;
  const reason = error.code === 'INVALID_OPENING_QUOTE' || error.code === 'CSV_INVALID_CLOSING_QUOTE' ? 'stray-quote' : 'other';
  return { line, code: 'csv-malformed', data: { reason, detail: error.message } };
}

// --- Checking rows against the workspace -------------------------------------

/** What a respondent already has in the workspace. */
export interface ExistingRespondent {
  role: string;
  answers: ReadonlyMap<string, LatestAnswer>;
}

export interface ImportContext {
  rubrics: readonly Rubric[];
  /** The roles in use in this assessment. */
  roles: readonly Role[];
  /** Respondents with a log, by id. */
  existing: ReadonlyMap<string, ExistingRespondent>;
  /** `import:<file name>`. */
  source: string;
  /** The time every event of this import carries (ISO 8601). */
  at: string;
  /** The workspace folder as the user gave it, for the commands that problems suggest. */
  workspace?: string;
}

export interface RespondentImport {
  id: string;
  role: string;
  /** Whether the respondent has no log yet: one is created, even when all their rows are blank. */
  isNew: boolean;
  /** New answers, in file order; answers identical to the current ones are left out. */
  events: AnswerEvent[];
}

export interface ImportPlan {
  respondents: RespondentImport[];
  /** Answers to an indicator the respondent had not answered. */
  added: number;
  /** Answers that replace a different earlier answer (the earlier one stays in the log). */
  replaced: number;
  /** Answers identical to the current one, value and note: not added again. */
  unchanged: number;
  /** Rows with no rating: not answered, nothing recorded (including `forOtherRoles`). */
  blank: number;
  /** Of the blank rows, those for an indicator the respondent's role cannot rate (a form for every role). */
  forOtherRoles: number;
}

export type CheckedImport = { ok: true; plan: ImportPlan } | { ok: false; problems: ImportProblem[] };

interface Known {
  rubric: Rubric;
  indicator: Indicator;
}

/** Checks every row; any problem means nothing is to be imported. */
export function checkAnswerRows(rows: readonly AnswerRow[], context: ImportContext): CheckedImport {
  const indicators = new Map<string, Known>();
  for (const rubric of context.rubrics) for (const indicator of rubric.indicators) indicators.set(indicator.id, { rubric, indicator });
  const roles = new Map(context.roles.map((r) => [r.id, r]));
  const roleIds = context.roles.map((r) => r.id).join(', ');

  // Spellings of respondent ids by their lower case: r01 and R01 are one file on macOS and Windows.
  const spellings = new Map<string, string>();
  for (const id of context.existing.keys()) spellings.set(id.toLowerCase(), id);
  /** The role each respondent has in this file, and the line that first gave it. */
  const roleInFile = new Map<string, { role: string; line: number }>();
  /** The line that first rated each respondent's indicator. */
  const ratedAt = new Map<string, number>();
  const order: string[] = [];
  const answers = new Map<string, { row: AnswerRow; value: AnswerValue }[]>();
  const problems: ImportProblem[] = [];
  let blank = 0;
  let forOtherRoles = 0;
  const problem = (row: AnswerRow, code: ImportProblemCode, data: Record<string, string | number> = {}) => problems.push({ line: row.line, code, data });

  for (const row of rows) {
    const id = row.respondent;
    if (id === '') {
      if (row.rating === '' && row.note === '') blank++; // a row of a blank form
      else problem(row, 'respondent-missing');
      continue;
    }
    if (!isValidRespondentId(id)) {
      problem(row, 'respondent-invalid', { respondent: id });
      continue;
    }
    const spelled = spellings.get(id.toLowerCase());
    if (spelled !== undefined && spelled !== id) {
      problem(row, 'respondent-case-clash', { respondent: id, other: spelled });
      continue;
    }
    spellings.set(id.toLowerCase(), id);

    const existing = context.existing.get(id);
    const earlier = roleInFile.get(id);
    const roleId = row.role === '' ? (earlier?.role ?? existing?.role ?? '') : row.role.toLowerCase();
    if (roleId === '') {
      problem(row, 'role-missing', { respondent: id, roles: roleIds });
      continue;
    }
    const role = roles.get(roleId);
    if (!role) {
      problem(row, 'role-unknown', { role: row.role, roles: roleIds });
      continue;
    }
    if (earlier && earlier.role !== roleId) {
      problem(row, 'role-conflict-in-file', { respondent: id, role: roleId, other: earlier.role, otherLine: earlier.line });
      continue;
    }
    if (existing && existing.role !== roleId) {
      problem(row, 'role-conflict-with-log', { respondent: id, role: roleId, other: existing.role });
      continue;
    }
    if (!earlier) {
      roleInFile.set(id, { role: roleId, line: row.line });
      order.push(id);
    }

    if (row.indicator === '') {
      // A row with a respondent and a role only registers the respondent.
      if (row.rating !== '' || row.note !== '') problem(row, 'indicator-missing', { respondent: id });
      else blank++;
      continue;
    }
    const indicatorId = row.indicator.toLowerCase();
    const known = indicators.get(indicatorId);
    if (!known) {
      problem(row, 'indicator-unknown', { indicator: row.indicator, rubrics: context.rubrics.map((r) => r.id).join(', ') });
      continue;
    }
    const question = canJudge(known.indicator, role) ? questionFor(known.rubric, known.indicator, role) : undefined;
    if (!question) {
      // A form for every role has rows this role cannot rate: left empty, they are what the respondent should do.
      if (row.rating === '' && row.note === '') {
        blank++;
        forOtherRoles++;
        continue;
      }
      const raters = context.roles.filter((r) => questionFor(known.rubric, known.indicator, r) !== undefined).map((r) => r.id);
      problem(row, 'indicator-not-for-role', {
        indicator: indicatorId,
        role: role.id,
        roleName: role.name,
        voice: role.voice,
        raters: raters.join(', '),
        workspace: context.workspace ?? '',
      });
      continue;
    }
    if (row.rating === '') {
      if (row.note !== '') problem(row, 'note-without-rating', { indicator: indicatorId });
      else blank++;
      continue;
    }
    const values = question.scale.levels.map((l) => l.value);
    const value = parseRating(row.rating);
    if (value === undefined) {
      problem(row, 'rating-invalid', { rating: row.rating, values: values.join(', ') });
      continue;
    }
    if (typeof value === 'number' && !values.includes(value)) {
      problem(row, 'rating-out-of-scale', { rating: row.rating, values: values.join(', '), scale: question.voice === 'experience' ? 'experience' : 'staff' });
      continue;
    }
    const key = `${id}\u0000${indicatorId}`;
    const first = ratedAt.get(key);
    if (first !== undefined) {
      problem(row, 'answer-twice', { respondent: id, indicator: indicatorId, otherLine: first });
      continue;
    }
    ratedAt.set(key, row.line);
    const list = answers.get(id) ?? [];
    list.push({ row: { ...row, indicator: indicatorId }, value });
    answers.set(id, list);
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  const plan: ImportPlan = { respondents: [], added: 0, replaced: 0, unchanged: 0, blank, forOtherRoles };
  for (const id of order) {
    const existing = context.existing.get(id);
    const events: AnswerEvent[] = [];
    for (const { row, value } of answers.get(id) ?? []) {
      const current = existing?.answers.get(row.indicator);
      if (current && current.value === value && (current.note ?? '') === row.note) {
        plan.unchanged++;
        continue;
      }
      if (current) plan.replaced++;
      else plan.added++;
      events.push({ type: 'answer', indicator: row.indicator, value, ...(row.note ? { note: row.note } : {}), source: context.source, at: context.at });
    }
    plan.respondents.push({ id, role: roleInFile.get(id)!.role, isNew: !existing, events });
  }
  return { ok: true, plan };
}

/** A rating as written in a cell: a whole number (3, or 3.0 from a survey tool), na, n/a or unknown, in any case. */
export function parseRating(text: string): AnswerValue | undefined {
  const word = text.trim().toLowerCase();
  if (word === 'na' || word === 'n/a') return 'na';
  if (word === 'unknown') return 'unknown';
  if (/^\d+(\.0+)?$/.test(word)) return Number.parseInt(word, 10);
  return undefined;
}

/** What is wrong with a row and what to do, in one line (without the file:line in front). */
export function describeImportProblem(p: ImportProblem): string {
  const d = p.data;
  switch (p.code) {
    case 'csv-malformed':
      if (d.reason === 'quote-not-closed') return 'a quoted field starts on this line and is never closed; add the closing double quote';
      if (d.reason === 'stray-quote') return 'a double quote inside a field that is not quoted as a whole; put the whole field in double quotes and double each quote inside it ("")';
      return `this is not valid CSV (${String(d.detail)}); save the file again as CSV from the spreadsheet`;
    case 'csv-missing-column':
      return `the header has no column ${String(d.columns)}; the first line must name the columns respondent, role, indicator, rating, note (in any order; other columns are ignored)`;
    case 'csv-duplicate-column':
      return `the header names the column ${String(d.column)} twice; keep one`;
    case 'csv-tab-separated':
      return 'the columns are separated by tabs, which tira import does not read; save the file as CSV, with a comma or a semicolon between fields (in Excel: Save As, CSV UTF-8)';
    case 'csv-too-many-fields':
      return `this row has ${d.fields} fields but the header has ${d.columns}; a field holding a "${String(d.delimiter)}" must be in double quotes`;
    case 'respondent-missing':
      return 'this row has an answer but no respondent; write the respondent code (such as r01) in the respondent column';
    case 'respondent-invalid':
      return `respondent "${String(d.respondent)}" is not a valid code; use ${respondentIdRule}`;
    case 'respondent-case-clash':
      return `respondent "${String(d.respondent)}" differs from "${String(d.other)}" only in upper and lower case, which some systems cannot tell apart; spell it "${String(d.other)}", or choose another code`;
    case 'role-missing':
      return `respondent "${String(d.respondent)}" has no role here or on an earlier row; write one of: ${String(d.roles)}`;
    case 'role-unknown':
      return `role "${String(d.role)}" is not a role of this assessment; use one of: ${String(d.roles)} (or add it to assessment.yaml)`;
    case 'role-conflict-in-file':
      return `respondent "${String(d.respondent)}" is given role "${String(d.role)}" here but "${String(d.other)}" on line ${d.otherLine}; one respondent has one role: fix the role, or use another respondent code`;
    case 'role-conflict-with-log':
      return `respondent "${String(d.respondent)}" already answers in this workspace as "${String(d.other)}", not "${String(d.role)}"; fix the role, or use another respondent code`;
    case 'indicator-missing':
      return 'this row has an answer but no indicator; copy the indicator id (such as tic-saf-1) from the form';
    case 'indicator-unknown':
      return `no indicator "${String(d.indicator)}" in the rubrics of this assessment (${String(d.rubrics)}); check the id against \`tira export-form\``;
    case 'indicator-not-for-role': {
      const why = d.voice === 'experience' ? 'it has no statement for them to answer from their own experience' : 'the rubric names other roles to judge it';
      const who = d.raters ? `only ${String(d.raters)} can rate it` : 'no role of this assessment can rate it';
      return (
        `${String(d.roleName)} cannot rate indicator "${String(d.indicator)}": ${why}, and ${who}; leave its rating and note empty or remove the row ` +
        `(\`tira export-form ${d.workspace ? shellWord(String(d.workspace)) : '<dir>'} --role ${String(d.role)}\` makes a form with only the rows they can rate)`
      );
    }
    case 'rating-invalid':
      return `rating "${String(d.rating)}" is not a rating; write one of ${String(d.values)}, na (not applicable here) or unknown (don't know), or leave it empty`;
    case 'rating-out-of-scale':
      return `rating ${String(d.rating)} is outside the ${d.scale === 'experience' ? 'experience scale this role answers on' : "rubric's scale"}; write one of ${String(d.values)}, na or unknown`;
    case 'answer-twice':
      return `respondent "${String(d.respondent)}" rates "${String(d.indicator)}" again (first on line ${d.otherLine}); keep one of the two rows`;
    case 'note-without-rating':
      return `a note for "${String(d.indicator)}" but no rating; write a rating, unknown (don't know) or na (not applicable), or move the note elsewhere`;
  }
}
