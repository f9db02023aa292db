// The network report as tidy CSV: one observation per row, one file per kind of
// observation, through the report's own CSV writer (RFC 4180, a byte-order mark
// for Excel, text cells that would run as a formula neutralized).
import type { NetworkFigure, NetworkResult } from '../../model/aggregate.js';
import { toCsv } from '../report/csv.js';
import type { ReportFile } from '../report/types.js';

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

function round(value: number | null, digits = 1): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const FIGURE_COLUMNS = ['level', 'rubric', 'version', 'framework', 'facet', 'principle', 'domain', 'id', 'name', 'assessed', 'agencies', 'mean', 'min', 'q1', 'median', 'q3', 'max', 'withheld'];

function figureRow(level: string, f: NetworkFigure, extra: Row): Row {
  return {
    level,
    rubric: null,
    version: null,
    framework: null,
    facet: null,
    principle: null,
    domain: null,
    id: f.id,
    name: f.name,
    assessed: f.assessed,
    agencies: f.agencies,
    mean: round(f.mean),
    min: round(f.min),
    q1: round(f.q1),
    median: round(f.median),
    q3: round(f.q3),
    max: round(f.max),
    withheld: f.withheld ?? null,
    ...extra,
  };
}

export function renderNetworkCsv(result: NetworkResult): ReportFile[] {
  const figures: Row[] = [];
  for (const r of result.rubrics) {
    figures.push(figureRow('rubric', r, { rubric: r.id, version: r.version }));
    for (const p of r.principles) figures.push(figureRow('principle', p, { rubric: r.id, version: r.version, principle: p.id }));
    for (const d of r.domains) figures.push(figureRow('domain', d, { rubric: r.id, version: r.version, domain: d.id }));
    for (const c of r.matrix) figures.push(figureRow('cell', c, { rubric: r.id, version: r.version, principle: c.principle, domain: c.domain }));
  }
  for (const d of result.domains) figures.push(figureRow('domain', d, { domain: d.id }));
  if (result.lens) {
    for (const facet of result.lens.facets) for (const g of facet.groups) figures.push(figureRow('facet', g, { framework: result.lens.framework, facet: facet.id }));
  }

  const agencies: Row[] = result.heatmaps.flatMap((h) =>
    h.rows.flatMap((row) => [
      { agency: row.agency, rubric: h.rubric, principle: null, percent: round(row.percent), withheld: row.withheld ?? null },
      ...row.principles.map((c, i) => ({ agency: row.agency, rubric: h.rubric, principle: h.principles[i]!.id, percent: round(c.percent), withheld: c.withheld ?? null })),
    ]),
  );

  const lagging: Row[] = result.lagging.flatMap((l) =>
    l.agencies.map((a, i) => ({ domain: l.domain, rank: i + 1, agency: a.agency, percent: round(a.percent), gap: round(a.gap), agencies_below: l.below, agencies_assessed: l.assessed })),
  );

  const gaps: Row[] = result.indicatorGaps.map((g) => ({
    rubric: g.rubric,
    indicator: g.indicator,
    principle: g.principle,
    domain: g.domain,
    text: g.text,
    critical: g.critical,
    assessed: g.assessed,
    rated: g.rated,
    below: g.below,
    share: round(g.share, 3),
    mean: round(g.mean),
    mean_gap: round(g.meanGap),
    withheld: g.withheld ?? null,
  }));

  const perception: Row[] = result.perceptionGaps.map((g) => ({
    rubric: g.rubric,
    principle: g.principle,
    role_higher: g.roles[0],
    role_lower: g.roles[1],
    agencies: g.agencies,
    comparable: g.comparable,
    mean_difference: round(g.meanDifference),
  }));

  const coverage: Row[] = [
    ...result.coverage.included.map((a) => ({
      agency: a.agency,
      source: a.source ?? null,
      kind: a.kind,
      status: 'included',
      problem: a.warnings.map((w) => w.code).join(' ') || null,
      detail: a.warnings.map((w) => w.detail).filter(Boolean).join('; ') || null,
      respondents: a.respondents,
      rubrics: a.rubrics.map((r) => `${r.id} ${r.version}`).join('; '),
      tira_version: a.tiraVersion,
    })),
    ...result.coverage.faults.map((f) => ({
      agency: null,
      source: f.source,
      kind: f.kind,
      status: 'not-included',
      problem: f.problem.code,
      detail: f.problem.detail || null,
      respondents: null,
      rubrics: null,
      tira_version: null,
    })),
  ];

  const leftOut: Row[] = result.coverage.rubrics.flatMap((c) => c.leftOut.map((l) => ({ rubric: c.rubric, indicator: l.indicator, reason: l.reason, versions: l.versions.join('; ') })));

  return [
    { path: 'network-figures.csv', content: toCsv(FIGURE_COLUMNS, figures) },
    { path: 'network-agencies.csv', content: toCsv(['agency', 'rubric', 'principle', 'percent', 'withheld'], agencies) },
    { path: 'network-lagging.csv', content: toCsv(['domain', 'rank', 'agency', 'percent', 'gap', 'agencies_below', 'agencies_assessed'], lagging) },
    { path: 'network-indicator-gaps.csv', content: toCsv(['rubric', 'indicator', 'principle', 'domain', 'text', 'critical', 'assessed', 'rated', 'below', 'share', 'mean', 'mean_gap', 'withheld'], gaps) },
    { path: 'network-perception-gaps.csv', content: toCsv(['rubric', 'principle', 'role_higher', 'role_lower', 'agencies', 'comparable', 'mean_difference'], perception) },
    { path: 'network-coverage.csv', content: toCsv(['agency', 'source', 'kind', 'status', 'problem', 'detail', 'respondents', 'rubrics', 'tira_version'], coverage) },
    { path: 'network-left-out.csv', content: toCsv(['rubric', 'indicator', 'reason', 'versions'], leftOut) },
  ];
}
