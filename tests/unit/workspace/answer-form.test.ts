import { describe, expect, it } from 'vitest';
import { renderFormCsv, renderFormMarkdown } from '../../../src/reporters/answer-form.js';
import { neutralizeCell } from '../../../src/reporters/csv-cell.js';
import { buildAnswerForm, formItemCount } from '../../../src/workspace/answer-form.js';
import { parseAnswerCsv, checkAnswerRows } from '../../../src/workspace/csv-import.js';
import { demoRubric, roles } from '../../helpers/workspace-data.js';

const allRoles = [roles.leadership!, roles['support-staff']!, roles['person-served']!];
const base = { agency: 'Demo Agency', cycle: '2026', smallCellThreshold: 3, rubrics: [demoRubric()], roles: allRoles };

describe('buildAnswerForm', () => {
  it('without a role: every indicator in staff words, on the staff scale', () => {
    const form = buildAnswerForm(base);
    expect(form.rubrics[0]!.items.map((i) => i.indicator)).toEqual(['d-1', 'd-2', 'd-3']);
    expect(form.rubrics[0]!.scale.levels[4]!.label).toBe('level 4');
  });

  it('for a staff role: only what the role can judge', () => {
    const form = buildAnswerForm({ ...base, role: roles['support-staff']! });
    expect(form.rubrics[0]!.items.map((i) => i.indicator)).toEqual(['d-1', 'd-2']);
  });

  it('for people served: their own statements, on the never-to-always scale', () => {
    const form = buildAnswerForm({ ...base, role: roles['person-served']! });
    expect(form.rubrics[0]!.items).toEqual([
      { indicator: 'd-2', principleId: 'safety', principle: 'Safety', domain: 'Outreach and engagement', text: 'Staff told me what would happen next.', raters: allRoles },
    ]);
    expect(form.rubrics[0]!.scale.levels.map((l) => l.label)).toEqual(['Never', 'Rarely', 'Sometimes', 'Usually', 'Always']);
    expect(form.rubrics[0]!.principles.map((p) => p.id)).toEqual(['safety']);
  });

  it('says which of the assessment\'s roles can rate each indicator, as the import decides it', () => {
    const form = buildAnswerForm(base);
    expect(form.rubrics[0]!.items.map((i) => [i.indicator, i.raters.map((r) => r.id)])).toEqual([
      ['d-1', ['leadership', 'support-staff']],
      ['d-2', ['leadership', 'support-staff', 'person-served']],
      ['d-3', ['leadership']],
    ]);
  });

  it('leaves out a rubric the role can rate nothing in', () => {
    const rubric = demoRubric();
    rubric.indicators = rubric.indicators.filter((i) => i.id !== 'd-2');
    const form = buildAnswerForm({ ...base, rubrics: [rubric], role: roles['person-served']! });
    expect(formItemCount(form)).toBe(0);
  });
});

describe('neutralizeCell', () => {
  it.each(['=SUM(A1)', '+1+1', '-2+3', '@cmd', '\tx', '\rx', '=1'])('makes %j text', (value) => expect(neutralizeCell(value)).toBe(`'${value}`));
  it.each(['-3', '+4', '-0.5', '1e3', 'plain', '', 'a=b'])('leaves %j alone', (value) => expect(neutralizeCell(value)).toBe(value));
  it('leaves numbers numbers', () => expect(neutralizeCell(-3)).toBe(-3));
});

describe('renderFormCsv', () => {
  it('starts with a byte-order mark, ends lines with CRLF, and gives each row its context', () => {
    const csv = renderFormCsv(buildAnswerForm({ ...base, role: roles.leadership! }));
    expect(csv.startsWith('\ufeffrespondent,role,who can rate,rubric,principle,domain,indicator,text,scale,rating,note\r\n')).toBe(true);
    expect(csv).toContain(',leadership,"leadership, support-staff",demo,Safety,Outreach and engagement,d-1,Practice d-1 is in place.,');
    expect(csv).toContain(",0 = level 0; 1 = level 1; 2 = level 2; 3 = level 3; 4 = level 4; na = not applicable here; unknown = don't know,,\r\n");
  });

  it('neutralizes rubric text that a spreadsheet would run as a formula', () => {
    const rubric = demoRubric();
    rubric.indicators[0]!.text = '=HYPERLINK("http://x","click")';
    const csv = renderFormCsv(buildAnswerForm({ ...base, rubrics: [rubric] }));
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
  });

  it('reads back through the import: filled in, every row is a good row', () => {
    const csv = renderFormCsv(buildAnswerForm({ ...base, role: roles['person-served']! }));
    const filled = csv.replace(/\r\n,person-served,(.*),,\r\n$/, '\r\np01,person-served,$1,3,"said so, twice"\r\n');
    expect(filled).not.toBe(csv);
    const parsed = parseAnswerCsv(filled);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const checked = checkAnswerRows(parsed.rows, {
      rubrics: base.rubrics,
      roles: [roles['person-served']!],
      existing: new Map(),
      source: 'import:form.csv',
      at: '2026-03-02T10:00:00.000Z',
    });
    expect(checked.ok && checked.plan.respondents[0]!.events.map((e) => [e.indicator, e.value, e.note])).toEqual([['d-2', 3, 'said so, twice']]);
  });
});

describe('renderFormMarkdown', () => {
  it('explains the scale and how answers are used before the questions', () => {
    const md = renderFormMarkdown(buildAnswerForm({ ...base, role: roles['person-served']! }));
    expect(md.indexOf('| 0 | **Never**')).toBeGreaterThan(0);
    expect(md.indexOf('| 0 | **Never**')).toBeLessThan(md.indexOf('| d-2 |'));
    expect(md).toContain('never by person');
    expect(md).toContain('fewer than 3 people');
    expect(md).toContain('| id | statement | answer | note |');
  });

  it('keeps a table cell on one line and escapes pipes', () => {
    const rubric = demoRubric();
    rubric.indicators[0]!.text = 'Either | or\nboth.';
    const md = renderFormMarkdown(buildAnswerForm({ ...base, rubrics: [rubric] }));
    expect(md).toContain('| d-1 | Either \\| or both. *(Outreach and engagement)* | Leadership, Support staff |  |  |');
  });

  it('on a form for every role, says who can rate each practice and to leave the others empty', () => {
    const md = renderFormMarkdown(buildAnswerForm(base));
    expect(md).toContain('| id | practice | who can rate | rating | note |');
    expect(md).toContain('| d-3 | Practice d-3 is in place. *(Outreach and engagement)* | Leadership |  |  |');
    expect(md).toMatch(/"who can rate" column names your role; leave the others empty/);
    const forOne = renderFormMarkdown(buildAnswerForm({ ...base, role: roles.leadership! }));
    expect(forOne).toContain('| id | practice | rating | note |');
    expect(forOne).not.toContain('who can rate');
  });

  it('tells people served what the terminal tells them: na when something never came up, empty when not answered yet', () => {
    const md = renderFormMarkdown(buildAnswerForm({ ...base, role: roles['person-served']! }));
    expect(md).toMatch(/never came up for you.*write `na` \(this does not apply to me\)/);
    expect(md).toContain('An empty answer means not answered yet.');
    expect(md).not.toMatch(/never came up[^.]*leave it empty/);
    expect(md).toContain('| na | **This does not apply to me**');
    expect(md).toContain('| (empty) | Not answered yet');
  });
});
