// import, export-form and status through bin/tira.js, as a facilitator would use
// them in a shell: a form out, filled in as a spreadsheet saves it, and back in.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { tira } from '../helpers/run-cli.js';

let root: string;
let ws: string;
const NOW = { TIRA_NOW: '2026-03-02T10:00:00Z' };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tira-import-'));
  ws = join(root, 'ws');
  const init = await tira(['init', ws, '--agency', 'Test Agency', '--cycle', '2026', '--rubrics', fixture('workspace'), '--rubric', 'experience', '--rubric', 'tic']);
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
}, 60_000);

/** The exported form's rows, filled in by `fill`, saved the way Excel does in a semicolon locale. */
function fillAsExcel(csv: string, fill: (row: Record<string, string>, i: number) => void): string {
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  rows.forEach(fill);
  return `\ufeff${stringify(rows, { header: true, delimiter: ';', record_delimiter: 'windows' })}`;
}

function logLines(respondent: string): Record<string, unknown>[] {
  return readFileSync(join(ws, 'responses', `${respondent}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

// Several child processes per test: allow for a loaded machine.
describe('export-form, import and status', { timeout: 60_000 }, () => {
  it('round-trips: a form out, filled in and saved by "Excel", back in, and counted by status', async () => {
    const form = await tira(['export-form', ws, '--role', 'clinical-staff', '--rubric', 'tic']);
    expect(form.code).toBe(0);
    expect(form.stdout.startsWith('\ufeffrespondent,role,who can rate,rubric,principle,domain,indicator,text,scale,rating,note\r\n')).toBe(true);

    const file = join(root, 'clinical.csv');
    writeFileSync(
      file,
      fillAsExcel(form.stdout, (row, i) => {
        row.respondent = 'c01';
        if (i < 10) row.rating = String(i % 5);
        if (i === 10) row.rating = 'unknown';
        if (i === 11) row.rating = 'NA';
        if (i === 0) row.note = 'seen in the policy; not in the\nnight shift, though';
      }),
    );
    const imported = await tira(['import', ws, file], NOW);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/12 answers added, 0 replaced an earlier answer, 0 unchanged .*; 1 respondent \(1 new\)/);
    expect(imported.stdout).toMatch(/rows? had no rating/);
    expect(imported.code).toBe(0);

    const lines = logLines('c01');
    expect(lines[0]).toMatchObject({ type: 'respondent', id: 'c01', role: 'clinical-staff', rubrics: { experience: '1.0.0', tic: expect.stringMatching(/^\d+\.\d+\.\d+$/) }, created: '2026-03-02T10:00:00.000Z' });
    expect(lines[1]).toMatchObject({ type: 'answer', value: 0, note: 'seen in the policy; not in the\nnight shift, though', source: 'import:clinical.csv', at: '2026-03-02T10:00:00.000Z' });

    const status = await tira(['status', ws, '--json']);
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout) as { respondents: { id: string; rubrics: { rubric: string; answered: number; unknown: number; notApplicable: number; notYet: number; total: number }[] }[] };
    const tic = json.respondents.find((r) => r.id === 'c01')!.rubrics.find((r) => r.rubric === 'tic')!;
    expect(tic).toMatchObject({ answered: 10, unknown: 1, notApplicable: 1 });
    expect(tic.notYet).toBe(tic.total - 12);

    const again = await tira(['import', ws, file], NOW);
    expect(again.stdout).toMatch(/0 answers added, 0 replaced an earlier answer, 12 unchanged/);
    expect(logLines('c01')).toHaveLength(13);
  });

  it('imports people served on their own statements and scale', async () => {
    const form = await tira(['export-form', ws, '--role', 'person-served']);
    expect(form.stdout).toContain('Before staff asked me about hard things');
    expect(form.stdout).toContain('0 = Never');
    const ids = ['p01', 'p02', 'p03'];
    const file = join(root, 'people.csv');
    writeFileSync(file, ids.map((id, i) => form.stdout.replace(/\r\n,person-served,(.*),,\r\n$/, `\r\n${id},person-served,$1,${i + 2},\r\n`).split('\r\n').slice(i === 0 ? 0 : 1).join('\r\n')).join(''));
    const imported = await tira(['import', ws, file], NOW);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/3 answers added.*3 respondents \(3 new\)/);
    const status = await tira(['status', ws]);
    expect(status.stdout).toMatch(/People served\s+3\n/);
    expect(status.stdout).toContain('reports show roles, never respondent codes');
  });

  it('takes the form for every role back from clinical staff who rated only the rows their role can rate', async () => {
    const out = join(root, 'everyone.csv');
    const form = await tira(['export-form', ws, '--rubric', 'tic', '--out', out]);
    expect(form.code).toBe(0);
    expect(form.stdout).toMatch(/for every role\.\nBetter: one form per role/);
    expect(form.stdout).toContain(`tira export-form ${ws} --role leadership --out leadership.csv`);
    expect(form.stdout).toContain('"who can rate" column');

    let theirs = 0;
    const filled = fillAsExcel(readFileSync(out, 'utf8'), (row) => {
      row.respondent = 'c02';
      row.role = 'clinical-staff';
      if (row['who can rate']!.split(', ').includes('clinical-staff')) {
        row.rating = '2';
        theirs++;
      }
    });
    const rows = parse(filled, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(theirs).toBeGreaterThan(0);
    expect(theirs).toBeLessThan(rows.length);
    const file = join(root, 'everyone-filled.csv');
    writeFileSync(file, filled);
    const imported = await tira(['import', ws, file], NOW);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`${theirs} answers added`);
    expect(imported.stdout).toContain(`${rows.length - theirs} rows for indicators the respondent's role cannot rate were empty, as they should be: nothing to import.`);

    // A rating on a row the role cannot rate is still a bad row, and says what to do.
    const other = rows.find((r) => !r['who can rate']!.split(', ').includes('clinical-staff'))!;
    const bad = join(root, 'everyone-bad.csv');
    writeFileSync(bad, `respondent,role,indicator,rating\nc02,clinical-staff,${other.indicator},3\n`);
    const refused = await tira(['import', ws, bad], NOW);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Clinical staff cannot rate indicator "${other.indicator}"`);
    expect(refused.stderr).toContain(`only ${other['who can rate']} can rate it`);
    expect(refused.stderr).toContain(`\`tira export-form ${ws} --role clinical-staff\``);
  });

  it('refuses a file with bad rows, lists each with its line, and writes nothing', async () => {
    const before = readdirSync(join(ws, 'responses')).sort();
    const file = join(root, 'bad.csv');
    writeFileSync(
      file,
      [
        'respondent,role,indicator,rating,note',
        'c01,leadership,tic-saf-out-1,3,', // c01 is clinical staff
        'x01,clinical-staff,tic-nope-1,3,',
        'x01,clinical-staff,tic-saf-out-2,7,',
        'p09,person-served,ex-saf-fun-1,2,', // no statement for people served
        '../evil,leadership,tic-saf-out-1,3,',
        'x02,clinical-staff,tic-saf-out-1,3,',
      ].join('\n'),
    );
    const result = await tira(['import', ws, file], NOW);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.slice(0, -1).map((l) => /:(\d+): /.exec(l)?.[1])).toEqual(['2', '3', '4', '5', '6']);
    expect(lines[0]).toMatch(/bad\.csv:2: respondent "c01" already answers in this workspace as "clinical-staff"/);
    expect(lines.at(-1)).toMatch(/5 problems; nothing was imported/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readdirSync(join(ws, 'responses')).sort()).toEqual(before);
  });

  it('reports malformed CSV with its line', async () => {
    const file = join(root, 'broken.csv');
    writeFileSync(file, 'respondent;role;indicator;rating;note\r\nc01;clinical-staff;tic-saf-out-1;3;"never closed\r\n');
    const result = await tira(['import', ws, file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.csv:2: a quoted field starts on this line and is never closed/);
  });

  it('refuses a file that is not UTF-8, with how to save it', async () => {
    const file = join(root, 'latin1.csv');
    writeFileSync(file, Buffer.from('respondent,role,indicator,rating,note\nc01,clinical-staff,tic-saf-out-1,3,r\xe9union\n', 'latin1'));
    const result = await tira(['import', ws, file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not UTF-8 text; save it again as "CSV UTF-8"/);
  });

  it('writes a form with --out, and never overwrites one', async () => {
    const out = join(root, 'form.md');
    const first = await tira(['export-form', ws, '--format', 'md', '--role', 'support-staff', '--out', out]);
    expect(first.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Test Agency: answer form, 2026/);
    const second = await tira(['export-form', ws, '--out', out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/already exists, and tira does not overwrite it/);
  });

  it.each([
    [['export-form', '{ws}', '--role', 'board'], /--role board: not a role of this assessment/],
    [['export-form', '{ws}', '--rubric', 'nope'], /--rubric nope: not a rubric of this assessment/],
    [['export-form', '{ws}', '--format', 'pdf'], /argument 'pdf' is invalid/],
    [['import', '{ws}', '{root}/missing.csv'], /missing\.csv: no such file/],
    [['import', '{root}/nowhere', '{root}/bad.csv'], /no such folder; create a workspace with `tira init/],
    [['status', '{root}/nowhere'], /no such folder/],
  ])('exits 2 on %j', async (argv, message) => {
    const result = await tira(argv.map((a) => a.replace('{ws}', ws).replace('{root}', root)), { TIRA_NOW: '' });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
  });

  it.each([
    [['status', '{ws}/responses'], 'status'],
    [['assess', '{ws}/assessment.yaml', '--plain'], 'assess'],
    [['import', '{ws}/responses', '{root}/clinical.csv'], 'import'],
  ])('a path inside the workspace: %j asks for the workspace folder, not tira init', async (argv) => {
    const result = await tira(argv.map((a) => a.replace('{ws}', ws).replace('{root}', root)));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`give the workspace folder: ${ws}`);
    expect(result.stderr).not.toContain('tira init');
  });

  it('refuses a tab-separated file, naming the separators it reads', async () => {
    const file = join(root, 'tabs.csv');
    writeFileSync(file, 'respondent\trole\tindicator\trating\tnote\nc01\tclinical-staff\ttic-saf-out-1\t3\t\n');
    const result = await tira(['import', ws, file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tabs\.csv:1: the columns are separated by tabs, which tira import does not read; .*comma or a semicolon/);
  });

  it('exits 2 on a TIRA_NOW that is not a time', async () => {
    const result = await tira(['import', ws, join(root, 'clinical.csv')], { TIRA_NOW: 'tomorrow' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/TIRA_NOW="tomorrow" is not a time/);
  });

  it('status sends torn-line warnings to stderr and still shows the rest', async () => {
    writeFileSync(join(ws, 'responses', 'c01.jsonl'), `${readFileSync(join(ws, 'responses', 'c01.jsonl'), 'utf8')}{"type":"answer","indic`);
    const result = await tira(['status', ws]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: .*c01\.jsonl:\d+: the last line was cut off/);
    expect(result.stdout).toMatch(/^c01 +Clinical staff/m);
  });
});
