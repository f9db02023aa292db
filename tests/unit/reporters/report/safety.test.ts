// What must never come out of any report format: markup, formulas or Markdown
// structure from text people typed (agency names, rubric text, notes), and any
// figure or note of a role below the small-cell threshold.
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { parse as parseHtml } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../../../src/model/score.js';
import { reportReporters } from '../../../../src/reporters/report/index.js';
import { buildScoreFixture, SUPPRESSED_ROLE } from '../../../helpers/score-fixture.js';
import { allText, elements, markdownTableRows } from './helpers.js';

const HOSTILE = '=HYPERLINK("http://evil.example","x")|<script>alert(1)</script> **bold** [link](javascript:alert(1))\n# not a heading\r\n| a | b |';
const SUPPRESSED_NOTE = 'Only the two of us at the front desk know this';

let result: ScoreResult;
const files = new Map<string, string>();
let indicatorId: string;

beforeAll(async () => {
  indicatorId = 'tic-saf-out-1';
  const fixture = await buildScoreFixture({ agency: HOSTILE, indicatorText: { id: indicatorId, text: HOSTILE }, note: HOSTILE, suppressedNote: SUPPRESSED_NOTE });
  result = fixture.result;
  for (const reporter of Object.values(reportReporters)) for (const f of reporter(result, fixture.meta)) files.set(f.path, f.content);
});

const csvRows = (path: string) => parseCsv(files.get(path)!, { bom: true, columns: true }) as Record<string, string>[];

describe('hostile text from an agency name, a rubric and a note', () => {
  it('Markdown: no HTML, no extra heading, link or table cell', () => {
    const md = files.get('report.md')!;
    for (const rows of markdownTableRows(md)) for (const row of rows) expect(row.length).toBe(rows[0]!.length);
    const rendered = new MarkdownIt({ html: true }).render(md);
    expect(rendered).not.toMatch(/<script/i);
    expect(rendered).not.toMatch(/href="javascript/i);
    expect(rendered).not.toMatch(/<strong>bold<\/strong>/);
    expect(rendered.match(/<h1>/g)).toHaveLength(1);
    expect(rendered).not.toMatch(/<h1>not a heading/);
    // The words themselves survive, as text.
    expect(rendered).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('HTML: the text comes back as text, and no element was injected', () => {
    const doc = parseHtml(files.get('report.html')!);
    expect(elements(doc, 'script')).toHaveLength(0);
    expect(elements(doc, 'a').every((a) => a.attrs.find((x) => x.name === 'href')?.value.startsWith('#'))).toBe(true);
    // An HTML parser reads CR LF as LF.
    expect(allText(elements(doc, 'h1')[0]!)).toBe(HOSTILE.replace(/\r\n/g, '\n'));
    expect(allText(elements(doc, 'title')[0]!)).toContain(HOSTILE.replace(/\r\n/g, '\n'));
    expect(allText(doc)).toContain('<script>alert(1)</script>');
  });

  it('CSV: no cell starts a formula; the text is otherwise kept', () => {
    for (const path of ['indicators.csv', 'action-plan.csv', 'notes.csv', 'summary.csv', 'perspectives.csv']) {
      for (const row of csvRows(path)) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    }
    expect(csvRows('indicators.csv').find((r) => r.indicator === indicatorId)!.text).toBe(`'${HOSTILE}`);
    expect(csvRows('notes.csv').map((r) => r.note)).toContain(`'${HOSTILE}`);
  });

  it('JSON: the strings round-trip exactly', () => {
    const report = JSON.parse(files.get('report.json')!);
    expect(report.report.agency).toBe(HOSTILE);
    expect(report.score.indicators.find((i: { id: string }) => i.id === indicatorId).text).toBe(HOSTILE);
    expect(report.report.notes.map((n: { text: string }) => n.text)).toContain(HOSTILE);
  });
});

describe('a role below the small-cell threshold', () => {
  it('is hidden by the engine (the premise)', () => {
    const role = result.perspectives.roles.find((r) => r.role === SUPPRESSED_ROLE)!;
    expect(role).toMatchObject({ reportable: false, respondents: null, rubrics: [] });
  });

  it('Markdown names it with no figure', () => {
    const table = markdownTableRows(files.get('report.md')!).find((rows) => rows[0]![0] === 'Role')!;
    const row = table.find((r) => r[0] === 'Support staff')!;
    expect(row.slice(1)).toEqual(['fewer than 3 respondents', ...result.rubrics.map(() => 'not shown')]);
  });

  it('HTML names it with no figure', () => {
    const doc = parseHtml(files.get('report.html')!);
    const row = elements(doc, 'tr').find((tr) => allText(tr).startsWith('Support staff'))!;
    expect(allText(row)).toBe('Support stafffewer than 3 respondents: not shown');
  });

  it('CSV leaves it out of perspectives.csv', () => {
    expect(csvRows('perspectives.csv').some((r) => r.role === SUPPRESSED_ROLE)).toBe(false);
    expect(csvRows('perspectives.csv').length).toBeGreaterThan(0);
  });

  it('JSON carries no figure for it', () => {
    const report = JSON.parse(files.get('report.json')!);
    const role = report.score.perspectives.roles.find((r: { role: string }) => r.role === SUPPRESSED_ROLE);
    expect(role.respondents).toBeNull();
    expect(role.rubrics).toEqual([]);
    expect(report.score.perspectives.gaps.some((g: { roles: string[] }) => g.roles.includes(SUPPRESSED_ROLE))).toBe(false);
  });

  it('no format quotes its notes', () => {
    for (const [path, content] of files) expect(content, path).not.toContain(SUPPRESSED_NOTE);
  });
});
