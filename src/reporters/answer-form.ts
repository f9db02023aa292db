// A blank answer form as text: CSV in the columns `tira import` reads, with the
// context each row needs to read on its own in a spreadsheet, or Markdown to
// print for people who answer on paper, the scale explained at the top.
import { stringify } from 'csv-stringify/sync';
import type { Scale } from '../model/rubric.js';
import type { AnswerForm, FormRubric } from '../workspace/answer-form.js';
import { neutralizeCell } from './csv-cell.js';

/**
 * The form's columns: who, what, then the answer; `tira import` finds its columns
 * by name and ignores the others. `who can rate` lists the role ids that can rate
 * the row: on a form for every role, a respondent leaves the rating empty on rows
 * that do not list theirs.
 */
export const FORM_COLUMNS = ['respondent', 'role', 'who can rate', 'rubric', 'principle', 'domain', 'indicator', 'text', 'scale', 'rating', 'note'] as const;

const NA_TEXT = 'not applicable here';
const NA_EXPERIENCE_TEXT = 'this does not apply to me (it never came up)';
const UNKNOWN_TEXT = "don't know";

/**
 * CSV with a byte-order mark and CRLF line ends: without the mark, Excel opens a
 * double-clicked CSV file in the computer's legacy code page and garbles every
 * accented letter and curly quote; `tira import` accepts the mark.
 */
export function renderFormCsv(form: AnswerForm): string {
  const rows: (string | number)[][] = [];
  for (const rubric of form.rubrics) {
    const scale = scaleSummary(rubric.scale, form.role?.voice === 'experience');
    for (const item of rubric.items) {
      rows.push([
        '',
        form.role?.id ?? '',
        item.raters.map((r) => r.id).join(', '),
        rubric.id,
        item.principle,
        item.domain,
        item.indicator,
        item.text,
        scale,
        '',
        '',
      ]);
    }
  }
  const body = stringify(
    rows.map((row) => row.map(neutralizeCell)),
    { header: true, columns: [...FORM_COLUMNS], record_delimiter: 'windows' },
  );
  return `\ufeff${body}`;
}

function scaleSummary(scale: Scale, experience: boolean): string {
  return [...scale.levels.map((l) => `${l.value} = ${l.label}`), `na = ${experience ? NA_EXPERIENCE_TEXT : NA_TEXT}`, `unknown = ${UNKNOWN_TEXT}`].join('; ');
}

export function renderFormMarkdown(form: AnswerForm): string {
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const experience = form.role?.voice === 'experience';
  line(`# ${form.agency}: answer form, ${form.cycle}`);
  line();
  line(`Role: ${form.role ? form.role.name : '____________________'}`);
  line();
  line('Respondent code: ____________  (a code such as r07 that the facilitator gives you, never your name)');
  line();
  line('## Why we ask, and how your answers are used');
  line();
  if (experience) {
    line(
      'We want to learn how the agency treats the people it serves, from you. Each statement is about your own experience here in the past year. ' +
        'Write how often it was true for you. There are no right or wrong answers: your answers rate the agency, not you.',
    );
  } else {
    line(
      'This form asks how far the agency does each practice today, not what is planned. ' +
        'Answer from what you can point to: records, policies, what you see at work.',
    );
  }
  line();
  line(
    experience
      ? 'Answer only what you can say from your own experience. If something never came up for you, such as a crisis or a complaint, write `na` (this does not apply to me): ' +
          '"never" means it came up and did not happen. Write `unknown` if you cannot remember or cannot say. An empty answer means not answered yet.'
      : form.role
        ? 'Answer only what you can judge. Leave a rating empty to skip it; write `unknown` if you do not know, and `na` if it does not apply here.'
        : 'Answer only what you can judge, and only the practices whose "who can rate" column names your role; leave the others empty. ' +
          'Leave a rating empty to skip it; write `unknown` if you do not know, and `na` if it does not apply here.',
  );
  line();
  line(`Reports show answers by role, never by person, and show nothing for a role with fewer than ${form.smallCellThreshold} people answering.`);
  const scales = distinctScales(form.rubrics);
  if (scales.length === 1) {
    line();
    line('## How to answer');
    line();
    scaleTable(scales[0]!, experience, line);
  }
  for (const rubric of form.rubrics) {
    line();
    line(`## ${rubric.title}`);
    if (scales.length > 1) {
      line();
      line('How to answer:');
      line();
      scaleTable(rubric.scale, experience, line);
    }
    for (const principle of rubric.principles) {
      line();
      line(`### ${principle.name}`);
      line();
      // A form for one role holds only that role's rows; a form for every role says whose each row is.
      const whoCanRate = !form.role;
      line(experience ? '| id | statement | answer | note |' : whoCanRate ? '| id | practice | who can rate | rating | note |' : '| id | practice | rating | note |');
      line(whoCanRate ? '|---|---|---|---|---|' : '|---|---|---|---|');
      for (const item of principle.items) {
        const text = experience ? item.text : `${item.text} *(${item.domain})*${item.notApplicableWhen ? ` Not applicable when: ${item.notApplicableWhen}` : ''}`;
        const raters = whoCanRate ? ` ${cell(item.raters.map((r) => r.name).join(', ') || 'no role of this assessment')} |` : '';
        line(`| ${item.indicator} | ${cell(text)} |${raters}  |  |`);
      }
    }
  }
  line();
  line(experience ? 'Thank you. Give the form back to the person who gave it to you.' : 'Thank you. Give the form back to the facilitator, who brings the answers in with `tira import`.');
  return `${out.join('\n')}\n`;
}

function scaleTable(scale: Scale, experience: boolean, line: (text?: string) => void): void {
  line('| write | meaning |');
  line('|---|---|');
  for (const level of scale.levels) line(`| ${level.value} | **${cell(level.label)}**: ${cell(level.description)} |`);
  line(experience ? '| na | **This does not apply to me**: it never came up in my time here. |' : '| na | **Not applicable**: the practice does not apply here. |');
  line(experience ? "| unknown | **Don't know**: you cannot remember or cannot say. |" : "| unknown | **Don't know**: you cannot judge this one. |");
  line('| (empty) | Not answered yet: skip it for now. |');
}

function distinctScales(rubrics: readonly FormRubric[]): Scale[] {
  const seen = new Map<string, Scale>();
  for (const r of rubrics) seen.set(JSON.stringify(r.scale.levels), r.scale);
  return [...seen.values()];
}

/** Text safe inside a Markdown table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}
