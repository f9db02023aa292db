// The report's data as tidy CSV: one observation per row, one file per kind of
// observation, readable by a spreadsheet, R or pandas without cleaning. RFC 4180
// (quotes, CRLF) through csv-stringify; UTF-8 with a byte-order mark, because
// Excel reads UTF-8 without one as the local code page. Text cells that a
// spreadsheet would run as a formula are neutralized (OWASP, CSV injection);
// numbers are written as numbers.
import { stringify } from 'csv-stringify/sync';
import type { GroupScore, ScoreResult } from '../../model/score.js';
import type { ReportFile, ReportMeta } from './types.js';
import { buildReportView } from './view.js';

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

/** The start of a text cell that Excel, LibreOffice or Google Sheets would read as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** A text cell as it is safe to open: a leading apostrophe keeps it text. A text that is just a number (such as "-3") stays as it is. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function round(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => {
      const v = row[c] ?? null;
      return typeof v === 'string' ? neutralizeCell(v) : v;
    })),
    {
      header: true,
      columns: [...columns],
      bom: true,
      record_delimiter: 'windows',
      cast: { boolean: (b) => (b ? 'true' : 'false'), number: (n) => String(n) },
    },
  );
}

export function renderCsvReport(result: ScoreResult, meta: ReportMeta): ReportFile[] {
  const view = buildReportView(result, meta);
  const rank = new Map(result.priorities.map((p) => [p.indicator, p.rank]));
  const disagreed = new Set(result.disagreements.map((d) => d.indicator));
  const unknownFinding = new Set(result.dontKnow.map((d) => d.indicator));
  const version = new Map(result.rubrics.map((r) => [r.id, r.version]));

  const indicators: Row[] = result.indicators.map((i) => ({
    rubric: i.rubric,
    rubric_version: version.get(i.rubric) ?? null,
    indicator: i.id,
    principle: i.principle,
    domain: i.domain,
    text: i.text,
    weight: i.weight,
    critical: i.critical,
    n: i.n,
    mean: round(i.mean, 2),
    sd: round(i.sd, 2),
    min: i.min,
    max: i.max,
    percent: round(i.percent, 1),
    rwg: round(i.rwg, 3),
    gap: round(i.gap, 1),
    gap_points: round(i.gapPoints, 2),
    na: i.na,
    unknown: i.unknown,
    skipped: i.skipped,
    unanswered: i.unanswered,
    dont_know_rate: round(i.dontKnowRate, 3),
    priority_rank: rank.get(i.id) ?? null,
    disagreement: disagreed.has(i.id),
    dont_know_finding: unknownFinding.has(i.id),
  }));

  const groupRow = (level: string, g: GroupScore, extra: Row): Row => ({
    level,
    rubric: null,
    framework: null,
    facet: null,
    id: g.id,
    name: g.name,
    principle: null,
    domain: null,
    percent: round(g.percent, 1),
    withheld: g.withheld ?? null,
    applicable: g.applicable,
    rated: g.rated,
    share: round(g.share, 3),
    gap: round(g.gap, 1),
    stage: null,
    stage_capped_from: null,
    rwg: null,
    ...extra,
  });
  const summary: Row[] = [];
  for (const r of result.rubrics) {
    summary.push({
      level: 'rubric',
      rubric: r.id,
      framework: null,
      facet: null,
      id: r.id,
      name: r.title,
      principle: null,
      domain: null,
      percent: round(r.percent, 1),
      withheld: r.withheld ?? null,
      applicable: null,
      rated: null,
      share: null,
      gap: r.percent === null ? null : round(Math.max(0, r.targetPercent - r.percent), 1),
      stage: r.stage?.id ?? null,
      stage_capped_from: r.stage?.cappedFrom?.id ?? null,
      rwg: null,
    });
    for (const p of r.principles)
      summary.push(groupRow('principle', p, { rubric: r.id, principle: p.id, stage: p.stage?.id ?? null, stage_capped_from: p.stage?.cappedFrom?.id ?? null, rwg: round(p.rwg, 3) }));
    for (const d of r.domains) summary.push(groupRow('domain', d, { rubric: r.id, domain: d.id }));
    for (const c of r.matrix) summary.push(groupRow('cell', c, { rubric: r.id, principle: c.principle, domain: c.domain }));
  }
  // Domains across every rubric: no rubric.
  for (const d of view.domains) if (d.score) summary.push(groupRow('domain', d.score, { domain: d.id }));
  if (result.lens) {
    for (const facet of result.lens.facets)
      for (const g of facet.groups) summary.push(groupRow('facet', g, { framework: result.lens.framework, facet: facet.id }));
  }

  const actionPlan: Row[] = view.priorities.flatMap((p) => {
    const actions = p.source?.actions ?? [];
    const base = {
      rank: p.priority.rank,
      critical: p.priority.critical,
      rubric: p.score.rubric,
      indicator: p.score.id,
      principle: p.score.principle,
      domain: p.score.domain,
      text: p.score.text,
      percent: round(p.score.percent, 1),
      gap: round(p.priority.gap, 1),
    };
    const rows = actions.length === 0 ? [null] : actions;
    return rows.map((action, k) => ({ ...base, action_number: action === null ? null : k + 1, recommended_action: action, owner: null, due_date: null }));
  });

  // Reportable roles only: a suppressed role does not appear, not even as a row of blanks.
  const perspectives: Row[] = result.perspectives.roles
    .filter((r) => r.reportable)
    .flatMap((role) =>
      role.rubrics.flatMap((r) => [
        { role: role.role, role_name: role.name, respondents: role.respondents, rubric: r.id, principle: null, percent: round(r.percent, 1) },
        ...r.principles.map((p) => ({ role: role.role, role_name: role.name, respondents: role.respondents, rubric: r.id, principle: p.id, percent: round(p.percent, 1) })),
      ]),
    );

  return [
    { path: 'indicators.csv', content: toCsv(INDICATOR_COLUMNS, indicators) },
    { path: 'summary.csv', content: toCsv(SUMMARY_COLUMNS, summary) },
    { path: 'action-plan.csv', content: toCsv(ACTION_PLAN_COLUMNS, actionPlan) },
    { path: 'notes.csv', content: toCsv(['rubric', 'indicator', 'note'], (meta.notes ?? []).map((n) => ({ rubric: n.rubric, indicator: n.indicator, note: n.text }))) },
    { path: 'perspectives.csv', content: toCsv(['role', 'role_name', 'respondents', 'rubric', 'principle', 'percent'], perspectives) },
  ];
}

const INDICATOR_COLUMNS = [
  'rubric', 'rubric_version', 'indicator', 'principle', 'domain', 'text', 'weight', 'critical', 'n', 'mean', 'sd', 'min', 'max', 'percent', 'rwg', 'gap', 'gap_points',
  'na', 'unknown', 'skipped', 'unanswered', 'dont_know_rate', 'priority_rank', 'disagreement', 'dont_know_finding',
];
const SUMMARY_COLUMNS = ['level', 'rubric', 'framework', 'facet', 'id', 'name', 'principle', 'domain', 'percent', 'withheld', 'applicable', 'rated', 'share', 'gap', 'stage', 'stage_capped_from', 'rwg'];
const ACTION_PLAN_COLUMNS = ['rank', 'critical', 'rubric', 'indicator', 'principle', 'domain', 'text', 'percent', 'gap', 'action_number', 'recommended_action', 'owner', 'due_date'];
