// Each report format on one synthetic workspace scored by the real engine: tables
// that parse, CSV that reads back, HTML with no script and nothing to fetch, JSON
// valid against its schema, and golden files for all of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { parse as parseHtml } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../../../src/model/score.js';
import { bandColours } from '../../../../src/reporters/report/charts.js';
import { neutralizeCell } from '../../../../src/reporters/report/csv.js';
import { reportReporters } from '../../../../src/reporters/report/index.js';
import { AGENDA_ROWS } from '../../../../src/reporters/report/view.js';
import type { ReportFile, ReportMeta } from '../../../../src/reporters/report/types.js';
import { repoRoot } from '../../../helpers/fixtures.js';
import { buildScoreFixture, SUPPRESSED_ROLE } from '../../../helpers/score-fixture.js';
import { allText, contrastRatio, elements, markdownTableRows } from './helpers.js';

let result: ScoreResult;
let meta: ReportMeta;
const files = new Map<string, string>();

beforeAll(async () => {
  ({ result, meta } = await buildScoreFixture({ lens: 'samhsa-2014', note: 'Front desk staff explained the wait twice.' }));
  for (const reporter of Object.values(reportReporters)) for (const f of reporter(result, meta)) files.set(f.path, f.content);
});

const file = (path: string) => {
  const content = files.get(path);
  if (content === undefined) throw new Error(`no ${path}`);
  return content;
};

describe('the fixture', () => {
  it('has what reports must handle', () => {
    expect(result.perspectives.roles.find((r) => r.role === SUPPRESSED_ROLE)?.reportable).toBe(false);
    expect(result.rubrics.some((r) => r.principles.some((p) => p.withheld === 'too-few-answers'))).toBe(true);
    expect(result.priorities.some((p) => p.critical)).toBe(true);
    expect(result.disagreements.length).toBeGreaterThan(0);
    expect(result.dontKnow.length).toBeGreaterThan(0);
    expect(result.perspectives.gaps.length).toBeGreaterThan(0);
    expect(result.coverage.rubrics.some((c) => c.low)).toBe(true);
  });
});

describe('golden files', () => {
  it.each(['report.md', 'report.html', 'report.json', 'indicators.csv', 'summary.csv', 'action-plan.csv', 'perspectives.csv', 'notes.csv'])('%s', async (path) => {
    await expect(file(path)).toMatchFileSnapshot(join(repoRoot, 'tests', 'fixtures', 'reports', path));
  });
});

describe('Markdown', () => {
  it('parses: every table row has the header\'s number of cells', () => {
    const md = file('report.md');
    const tables = markdownTableRows(md);
    expect(tables.length).toBeGreaterThan(8);
    for (const rows of tables) for (const row of rows) expect(row.length).toBe(rows[0]!.length);
    const tokens = new MarkdownIt().parse(md, {});
    expect(tokens.filter((t) => t.type === 'table_open')).toHaveLength(tables.length);
  });

  it('has the sections a board report needs, domains in the agreed order', () => {
    const headings = new MarkdownIt()
      .parse(file('report.md'), {})
      .flatMap((t, i, all) => (t.type === 'heading_open' && t.tag === 'h2' ? [all[i + 1]!.content] : []));
    expect(headings).toEqual([
      'Executive summary',
      'Principles by service domain',
      'Gaps by service domain',
      'Action plan',
      'Where the team disagrees',
      'What staff do not know',
      'Perspectives',
      'Coverage',
      expect.stringMatching(/^Through another framework/),
      'Methodology',
    ]);
    const section = file('report.md').split('## Gaps by service domain')[1]!.split('\n## ')[0]!;
    const domains = [...section.matchAll(/^### (.+?):/gm)].map((m) => m[1]);
    expect(domains.slice(0, 4)).toEqual(['Outreach and engagement', 'Screening and assessment', 'Crisis intervention', 'Funding and performance metrics']);
    expect(file('report.md')).toMatch(/indicative, not validated/);
  });

  it('leaves owner and due date blank in the action plan', () => {
    const plan = markdownTableRows(file('report.md')).find((rows) => rows[0]!.includes('Owner'))!;
    expect(plan[0]).toEqual(['#', 'Practice', 'Gap (points)', 'Recommended action', 'Owner', 'Due date']);
    for (const row of plan.slice(1)) expect(row.slice(4)).toEqual(['', '']);
  });
});

describe('CSV', () => {
  const csvFiles = ['indicators.csv', 'summary.csv', 'action-plan.csv', 'perspectives.csv', 'notes.csv'];

  it.each(csvFiles)('%s starts with a UTF-8 byte-order mark (Excel reads UTF-8 by it) and reads back with the same columns on every row', (path) => {
    const text = file(path);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toMatch(/\r\n$/);
    const rows = parseCsv(text, { bom: true, relax_column_count: false }) as string[][];
    expect(rows[0]![0]).not.toMatch(/^\uFEFF/);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
  });

  it('is tidy: one row per indicator, numbers as numbers, empty for a missing figure', () => {
    const rows = parseCsv(file('indicators.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(result.indicators.length);
    const rated = rows.find((r) => r.n !== '0')!;
    expect(Number(rated.percent)).not.toBeNaN();
    expect(rated.critical).toMatch(/^(true|false)$/);
    const unrated = rows.find((r) => r.n === '0');
    if (unrated) expect(unrated.percent).toBe('');
  });

  it('summary has a level column for rubric, principle, domain, cell and facet rows', () => {
    const rows = parseCsv(file('summary.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['rubric', 'principle', 'domain', 'cell', 'facet']));
    expect(rows.filter((r) => r.level === 'principle' && r.withheld === 'too-few-answers').every((r) => r.percent === '')).toBe(true);
  });

  it('neutralizes formula starts in text, never in numbers', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralizeCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(neutralizeCell('-3')).toBe('-3');
    expect(neutralizeCell('+4.5')).toBe('+4.5');
    expect(neutralizeCell('Safety')).toBe('Safety');
  });
});

describe('JSON', () => {
  it('is valid against schemas/report.schema.json, with the score result inside', () => {
    const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addSchema(JSON.parse(readFileSync(join(repoRoot, 'schemas', 'score.schema.json'), 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schemas', 'report.schema.json'), 'utf8')));
    const report = JSON.parse(file('report.json'));
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(report.score).toEqual(JSON.parse(JSON.stringify(result)));
    expect(report.report).toMatchObject({ agency: result.agency, generatedAt: meta.generatedAt, tiraVersion: '0.1.0' });
  });
});

describe('perception gaps', () => {
  // Each gap is computed over the practices both roles rated; a reader needs that count to weigh it.
  const expected = () => result.perspectives.gaps.slice(0, AGENDA_ROWS).map((g) => String(g.indicators));

  it('the Markdown table says over how many shared practices each gap was computed', () => {
    const md = file('report.md');
    const section = md.split('### Perception gaps')[1]!.split('\n## ')[0]!;
    const [rows] = markdownTableRows(section);
    expect(rows![0]!.at(-1)).toBe('Practices both rated');
    expect(rows!.slice(1).map((row) => row.at(-1))).toEqual(expected());
  });

  it('the HTML table does too', () => {
    const doc = parseHtml(file('report.html'));
    const table = elements(doc, 'table').find((t) => allText(t).includes('Rated lower'))!;
    expect(allText(elements(table, 'th').at(-1)!)).toBe('Practices both rated');
    const cells = elements(table, 'tr')
      .slice(1)
      .map((tr) => allText(elements(tr, 'td').at(-1)!));
    expect(cells).toEqual(expected());
  });
});

describe('HTML', () => {
  it('is static and self-contained: no script, nothing fetched, a CSP that forbids both', () => {
    const html = file('report.html');
    const doc = parseHtml(html);
    expect(elements(doc, 'script')).toHaveLength(0);
    expect(elements(doc, 'link')).toHaveLength(0);
    expect(elements(doc, 'img')).toHaveLength(0);
    expect(elements(doc, 'iframe')).toHaveLength(0);
    expect(html).not.toMatch(/(src|href)\s*=\s*"(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('draws a radar per rubric with a text alternative, and a heatmap per rubric with a legend', () => {
    const doc = parseHtml(file('report.html'));
    const radars = elements(doc, 'svg');
    expect(radars).toHaveLength(result.rubrics.length);
    for (const svg of radars) {
      expect(svg.attrs.find((a) => a.name === 'role')?.value).toBe('img');
      expect(elements(svg, 'title')).toHaveLength(1);
      expect(allText(elements(svg, 'desc')[0]!)).toMatch(/Target: 75%/);
      expect(elements(svg, 'polygon').some((p) => p.attrs.some((a) => a.name === 'class' && a.value === 'target'))).toBe(true);
    }
    const heatmaps = elements(doc, 'table').filter((t) => t.attrs.some((a) => a.name === 'class' && a.value === 'heatmap'));
    expect(heatmaps).toHaveLength(result.rubrics.length + 1); // and the lens
    expect(elements(doc, 'ul').filter((u) => u.attrs.some((a) => a.name === 'class' && a.value === 'heatmap-legend')).length).toBe(heatmaps.length);
  });

  it('meets WCAG AA contrast (4.5:1) for the figures on every band colour', () => {
    for (let count = 1; count <= 7; count++) {
      for (const c of bandColours(count)) expect(contrastRatio(c.background, c.text)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps bands apart in grayscale: each band is darker than the one below', () => {
    const luminance = (hex: string) => contrastRatio(hex, '#000000');
    for (let count = 2; count <= 7; count++) {
      const l = bandColours(count).map((c) => luminance(c.background));
      for (let i = 1; i < l.length; i++) expect(l[i]!).toBeLessThan(l[i - 1]!);
    }
  });
});

describe('every reporter', () => {
  it('is pure: the same input gives the same bytes', () => {
    for (const reporter of Object.values(reportReporters)) {
      const a: ReportFile[] = reporter(result, meta);
      const b: ReportFile[] = reporter(result, meta);
      expect(a).toEqual(b);
    }
  });
});
