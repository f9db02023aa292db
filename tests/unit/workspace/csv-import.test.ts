import { describe, expect, it } from 'vitest';
import type { LatestAnswer } from '../../../src/model/workspace.js';
import {
  checkAnswerRows,
  describeImportProblem,
  parseAnswerCsv,
  parseRating,
  type AnswerRow,
  type ExistingRespondent,
  type ImportContext,
} from '../../../src/workspace/csv-import.js';
import { demoRubric, roles } from '../../helpers/workspace-data.js';

function rowsOf(text: string): AnswerRow[] {
  const parsed = parseAnswerCsv(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.rows;
}

function problemsOf(text: string): string[] {
  const parsed = parseAnswerCsv(text);
  if (parsed.ok) return [];
  return parsed.problems.map((p) => `${p.code}@${p.line}`);
}

describe('parseAnswerCsv', () => {
  it('reads a plain comma-separated file, columns found by name, other columns ignored', () => {
    const rows = rowsOf('text,indicator,respondent,role,rating,note\nSome practice,d-1,r01,leadership,3,checked\n');
    expect(rows).toEqual([{ line: 2, respondent: 'r01', role: 'leadership', indicator: 'd-1', rating: '3', note: 'checked' }]);
  });

  it('reads what Excel writes: BOM, CRLF, semicolons, quoted fields with commas, semicolons and newlines', () => {
    const text = '\ufeffrespondent;role;indicator;rating;note\r\nr01;leadership;d-1;3;yes, mostly\r\nr01;leadership;d-2;2;"two\r\nlines; here"\r\nr02;support-staff;d-1;unknown;\r\n';
    const parsed = parseAnswerCsv(text);
    expect(parsed.ok && parsed.delimiter).toBe(';');
    const rows = rowsOf(text);
    expect(rows.map((r) => [r.line, r.respondent, r.indicator, r.rating, r.note])).toEqual([
      [2, 'r01', 'd-1', '3', 'yes, mostly'],
      [3, 'r01', 'd-2', '2', 'two\nlines; here'],
      [5, 'r02', 'd-1', 'unknown', ''],
    ]);
  });

  it('gives each row the line it starts on, past quoted newlines and blank lines', () => {
    const text = 'respondent,role,indicator,rating,note\n\nr01,leadership,d-1,3,"a\nb\nc"\n\n\nr01,leadership,d-2,1,\n';
    expect(rowsOf(text).map((r) => r.line)).toEqual([3, 8]);
  });

  it('honours an Excel sep= line and counts it as line 1', () => {
    const rows = rowsOf('sep=;\nrespondent;role;indicator;rating\nr01;leadership;d-1;4\n');
    expect(rows).toEqual([{ line: 3, respondent: 'r01', role: 'leadership', indicator: 'd-1', rating: '4', note: '' }]);
  });

  it('reads a header in any case, quoted, and allows a missing note column and short rows', () => {
    const rows = rowsOf('"Respondent","ROLE","Indicator","Rating"\nr01,leadership,d-1\n');
    expect(rows[0]).toMatchObject({ rating: '', note: '' });
  });

  it('skips blank rows, including rows of empty fields', () => {
    expect(rowsOf('respondent,role,indicator,rating,note\n,,,,\n , ,\nr01,leadership,d-1,2,\n')).toHaveLength(1);
  });

  it('reports a missing column on the header line', () => {
    expect(problemsOf('respondent,role,rating,note\nr01,leadership,3,\n')).toEqual(['csv-missing-column@1']);
    expect(problemsOf('')).toEqual(['csv-missing-column@1']);
  });

  it('reports a column named twice', () => {
    expect(problemsOf('respondent,role,indicator,rating,rating\n')).toEqual(['csv-duplicate-column@1']);
  });

  it('reports a quote that is never closed on the line where it opens', () => {
    expect(problemsOf('respondent,role,indicator,rating,note\nr01,leadership,d-1,3,ok\n\nr01,leadership,d-2,3,"open\nr01,leadership,d-3,1,\n')).toEqual([
      'csv-malformed@4',
    ]);
  });

  it('reports a stray quote with its line', () => {
    expect(problemsOf('respondent,role,indicator,rating,note\nr01,leadership,d-1,3,ok\nr01,leadership,d-2,3,say "hi" now\n')).toEqual(['csv-malformed@3']);
  });

  it('reports each row with more fields than the header', () => {
    const text = 'respondent;role;indicator;rating;note\nr01;leadership;d-1;3;a;b\nr01;leadership;d-2;3;ok\nr02;leadership;d-2;3;x;y\n';
    expect(problemsOf(text)).toEqual(['csv-too-many-fields@2', 'csv-too-many-fields@4']);
  });

  it('says that a tab-separated file is not read, rather than that its columns are missing', () => {
    expect(problemsOf('respondent\trole\tindicator\trating\tnote\nr01\tleadership\td-1\t3\t\n')).toEqual(['csv-tab-separated@1']);
    expect(problemsOf('\ufeffrespondent\trole\tindicator\trating\n')).toEqual(['csv-tab-separated@1']);
    const parsed = parseAnswerCsv('respondent\trole\tindicator\trating\n');
    expect(!parsed.ok && describeImportProblem(parsed.problems[0]!)).toMatch(/separated by tabs.*comma or a semicolon/);
    // A tab inside a field of a comma-separated file is only text.
    expect(rowsOf('respondent,role,indicator,rating,note\nr01,leadership,d-1,3,a\tb\n')).toHaveLength(1);
  });

  it('allows empty trailing fields that spreadsheets add', () => {
    expect(rowsOf('respondent,role,indicator,rating,note\nr01,leadership,d-1,3,ok,,\n')).toHaveLength(1);
  });
});

describe('parseRating', () => {
  it.each([
    ['3', 3],
    ['0', 0],
    [' 4 ', 4],
    ['2.0', 2],
    ['NA', 'na'],
    ['n/a', 'na'],
    ['Unknown', 'unknown'],
  ])('reads %j as %j', (text, value) => expect(parseRating(text)).toBe(value));
  it.each(['-1', '2.5', 'three', 'skipped', 'dk'])('refuses %j', (text) => expect(parseRating(text)).toBeUndefined());
});

const header = 'respondent,role,indicator,rating,note\n';
const at = '2026-03-02T10:00:00.000Z';

function context(existing: Record<string, ExistingRespondent> = {}): ImportContext {
  return {
    rubrics: [demoRubric()],
    roles: [roles.leadership!, roles['support-staff']!, roles['person-served']!],
    existing: new Map(Object.entries(existing)),
    source: 'import:answers.csv',
    at,
  };
}

function check(body: string, existing: Record<string, ExistingRespondent> = {}) {
  return checkAnswerRows(rowsOf(header + body), context(existing));
}

function codes(body: string, existing: Record<string, ExistingRespondent> = {}): string[] {
  const result = check(body, existing);
  return result.ok ? [] : result.problems.map((p) => `${p.code}@${p.line}`);
}

const answers = (entries: Record<string, LatestAnswer['value'] | [LatestAnswer['value'], string]>): Map<string, LatestAnswer> =>
  new Map(
    Object.entries(entries).map(([id, v]) => [id, Array.isArray(v) ? { value: v[0], note: v[1], at: '2026-01-01T00:00:00.000Z' } : { value: v, at: '2026-01-01T00:00:00.000Z' }]),
  );

describe('checkAnswerRows', () => {
  it('turns good rows into answer events per respondent, in file order, with the source and time', () => {
    const result = check('r01,leadership,d-1,3,seen in records\nr02,person-served,d-2,4,\nr01,,d-3,na,\nr01,leadership,D-2,unknown,\n');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.respondents).toEqual([
      {
        id: 'r01',
        role: 'leadership',
        isNew: true,
        events: [
          { type: 'answer', indicator: 'd-1', value: 3, note: 'seen in records', source: 'import:answers.csv', at },
          { type: 'answer', indicator: 'd-3', value: 'na', source: 'import:answers.csv', at },
          { type: 'answer', indicator: 'd-2', value: 'unknown', source: 'import:answers.csv', at },
        ],
      },
      { id: 'r02', role: 'person-served', isNew: true, events: [{ type: 'answer', indicator: 'd-2', value: 4, source: 'import:answers.csv', at }] },
    ]);
    expect(result.plan).toMatchObject({ added: 4, replaced: 0, unchanged: 0, blank: 0 });
  });

  it('counts added, replaced and unchanged answers against the current ones, and adds no duplicate', () => {
    const existing = { r01: { role: 'leadership', answers: answers({ 'd-1': 3, 'd-2': [2, 'old note'], 'd-3': 'unknown' }) } };
    const result = check('r01,leadership,d-1,3,\nr01,leadership,d-2,2,new note\nr01,leadership,d-3,1,\nr03,support-staff,d-1,2,\n', existing);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan).toMatchObject({ added: 1, replaced: 2, unchanged: 1 });
    expect(result.plan.respondents.map((r) => [r.id, r.isNew, r.events.map((e) => e.indicator)])).toEqual([
      ['r01', false, ['d-2', 'd-3']],
      ['r03', true, ['d-1']],
    ]);
  });

  it('treats rows without a rating as not answered, and registers a respondent whose rows are all blank', () => {
    const result = check(',,d-1,,\nr05,person-served,,,\nr06,support-staff,d-1,,\n');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.blank).toBe(3);
    expect(result.plan.respondents).toEqual([
      { id: 'r05', role: 'person-served', isNew: true, events: [] },
      { id: 'r06', role: 'support-staff', isNew: true, events: [] },
    ]);
  });

  it('takes a form for every role: rows the role cannot rate, left empty, are nothing to import', () => {
    // support-staff cannot rate d-3, person-served cannot rate d-1 or d-3
    const result = check('s01,support-staff,d-1,3,\ns01,support-staff,d-3,,\np01,person-served,d-1,,\np01,person-served,d-2,4,\np01,person-served,d-3,,\n');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan).toMatchObject({ added: 2, blank: 3, forOtherRoles: 3 });
    expect(result.plan.respondents.map((r) => [r.id, r.events.map((e) => e.indicator)])).toEqual([
      ['s01', ['d-1']],
      ['p01', ['d-2']],
    ]);
  });

  it('refuses a rating or a note from a role that cannot rate the indicator, saying who can and how to get a form for the role', () => {
    expect(codes('s01,support-staff,d-3,,a note\n')).toEqual(['indicator-not-for-role@2']);
    const result = checkAnswerRows(rowsOf(`${header}s01,support-staff,d-3,2,\np01,person-served,d-1,3,\n`), { ...context(), workspace: 'harbor 2026' });
    if (result.ok) throw new Error('expected problems');
    const [staff, served] = result.problems.map(describeImportProblem);
    expect(staff).toMatch(/^Support staff cannot rate indicator "d-3": .*only leadership can rate it/);
    expect(staff).toContain("`tira export-form 'harbor 2026' --role support-staff`");
    expect(served).toMatch(/People served cannot rate indicator "d-1": it has no statement .*only leadership, support-staff can rate it/);
    const plain = check('s01,support-staff,d-3,2,\n');
    if (plain.ok) throw new Error('expected a problem');
    expect(describeImportProblem(plain.problems[0]!)).toContain('`tira export-form <dir> --role support-staff`');
  });

  it('takes the role from the existing log when the row leaves it empty', () => {
    const result = check('r01,,d-1,2,\n', { r01: { role: 'leadership', answers: new Map() } });
    expect(result.ok && result.plan.respondents[0]?.role).toBe('leadership');
  });

  it.each([
    ['an answer without a respondent', ',leadership,d-1,3,\n', 'respondent-missing@2'],
    ['an id that could leave responses/', '../x,leadership,d-1,3,\n', 'respondent-invalid@2'],
    ['an id with a space', 'r 01,leadership,d-1,3,\n', 'respondent-invalid@2'],
    ['no role anywhere', 'r01,,d-1,3,\n', 'role-missing@2'],
    ['an unknown role', 'r01,board,d-1,3,\n', 'role-unknown@2'],
    ['a role not in use in this assessment', 'r01,family-member,d-1,3,\n', 'role-unknown@2'],
    ['an unknown indicator', 'r01,leadership,x-9,3,\n', 'indicator-unknown@2'],
    ['an answer without an indicator', 'r01,leadership,,3,\n', 'indicator-missing@2'],
    ['a rating that is not a rating', 'r01,leadership,d-1,often,\n', 'rating-invalid@2'],
    ['a rating outside the scale', 'r01,leadership,d-1,5,\n', 'rating-out-of-scale@2'],
    ['a negative rating', 'r01,leadership,d-1,-1,\n', 'rating-invalid@2'],
    ['an experience role on an indicator with no statement for it', 'r02,person-served,d-1,3,\n', 'indicator-not-for-role@2'],
    ['a staff role the rubric does not name as a rater', 'r03,support-staff,d-3,3,\n', 'indicator-not-for-role@2'],
    ['a note without a rating', 'r01,leadership,d-1,,see minutes\n', 'note-without-rating@2'],
  ])('refuses %s', (_name, body, expected) => {
    expect(codes(body)).toEqual([expected]);
  });

  it('refuses a respondent given two roles in the file, naming the first line', () => {
    const result = check('r01,leadership,d-1,3,\nr01,support-staff,d-2,3,\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.code}@${p.line}`)).toEqual(['role-conflict-in-file@3']);
    expect(describeImportProblem(result.problems[0]!)).toMatch(/"leadership" on line 2/);
  });

  it('refuses a respondent whose log has another role', () => {
    expect(codes('r01,support-staff,d-1,3,\n', { r01: { role: 'leadership', answers: new Map() } })).toEqual(['role-conflict-with-log@2']);
  });

  it('refuses the same answer given twice in one file', () => {
    expect(codes('r01,leadership,d-1,3,\nr01,leadership,d-1,2,\n')).toEqual(['answer-twice@3']);
  });

  it('refuses ids that differ only in case, in the file or against the workspace', () => {
    expect(codes('r01,leadership,d-1,3,\nR01,leadership,d-2,3,\n')).toEqual(['respondent-case-clash@3']);
    expect(codes('R01,leadership,d-1,3,\n', { r01: { role: 'leadership', answers: new Map() } })).toEqual(['respondent-case-clash@2']);
  });

  it('checks people served against the experience scale', () => {
    const rubric = demoRubric();
    rubric.experienceScale = { levels: [1, 2, 3].map((value) => ({ value, label: `e${value}`, description: '.' })) };
    const rows = rowsOf(`${header}r02,person-served,d-2,0,\nr02,person-served,d-2,3,\n`);
    const result = checkAnswerRows(rows.slice(0, 1), { ...context(), rubrics: [rubric] });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['rating-out-of-scale']);
    expect(checkAnswerRows(rows.slice(1), { ...context(), rubrics: [rubric] }).ok).toBe(true);
  });

  it('reports every bad row, in line order, and plans nothing', () => {
    expect(codes('r01,leadership,d-1,9,\nr01,leadership,d-2,3,\n../x,leadership,d-1,3,\nr02,board,d-1,3,\n')).toEqual([
      'rating-out-of-scale@2',
      'respondent-invalid@4',
      'role-unknown@5',
    ]);
  });

  it('describes every problem in one line that says what to do', () => {
    const result = check('r01,leadership,d-1,9,\nr02,person-served,d-1,3,\n');
    if (result.ok) throw new Error('expected problems');
    for (const p of result.problems) {
      const text = describeImportProblem(p);
      expect(text).not.toContain('\n');
      expect(text).toMatch(/;/);
    }
  });
});
