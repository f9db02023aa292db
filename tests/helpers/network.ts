// Hand-made agency records for the network roll-up: figures are given directly,
// or computed from a few indicators with the engine's own group rules, so that a
// test can state every expected network figure by hand.
import type { AgencyGroup, AgencyIndicator, AgencyRecord, AgencyRole, AgencyRubric } from '../../src/model/aggregate.js';
import type { IndicatorScore, PerceptionGap, Withheld } from '../../src/model/score.js';
import { groupFigure, rubricFigure } from '../../src/scoring/groups.js';
import { defaultSettings } from '../../src/scoring/settings.js';

export const TARGET = 75;

const NAMES: Record<string, string> = {
  safety: 'Safety',
  choice: 'Choice',
  trustworthiness: 'Trustworthiness',
  outreach: 'Outreach and engagement',
  screening: 'Screening and assessment',
  crisis: 'Crisis intervention',
  'funding-metrics': 'Funding and performance metrics',
};
const nameOf = (id: string) => NAMES[id] ?? id;

/** A figure: a percent, or null with why (default: too few answers). */
export type Fig = number | null | { withheld: Withheld };

function group(id: string, fig: Fig): AgencyGroup {
  if (typeof fig === 'number') return { id, name: nameOf(id), percent: fig, gap: Math.max(0, TARGET - fig) };
  return { id, name: nameOf(id), percent: null, withheld: fig === null ? 'too-few-answers' : fig.withheld, gap: null };
}

export interface RubricSpec {
  id?: string;
  version?: string;
  percent: Fig;
  principles: Record<string, Fig>;
  domains?: Record<string, Fig>;
  cells?: Record<string, Fig>;
  indicators?: IndicatorSpec[];
}

export interface IndicatorSpec {
  id: string;
  principle: string;
  domain: string;
  percent: number | null;
  weight?: number;
  critical?: boolean;
  text?: string;
}

export interface AgencySpec {
  respondents?: number;
  date?: string;
  source?: string;
  rubrics: RubricSpec[];
  /** Domains across rubrics. */
  domains?: Record<string, Fig>;
  roles?: AgencyRole[];
  gaps?: PerceptionGap[];
}

export function indicator(spec: IndicatorSpec, rubric: string): AgencyIndicator {
  return {
    id: spec.id,
    rubric,
    principle: spec.principle,
    domain: spec.domain,
    text: spec.text ?? `Practice ${spec.id}`,
    weight: spec.weight ?? 1,
    critical: spec.critical ?? false,
    n: spec.percent === null ? 0 : 5,
    percent: spec.percent,
    targetPercent: TARGET,
    gap: spec.percent === null ? null : Math.max(0, TARGET - spec.percent),
    applicable: true,
  };
}

export function agencyRecord(agency: string, spec: AgencySpec): AgencyRecord {
  const rubrics: AgencyRubric[] = spec.rubrics.map((r) => {
    const id = r.id ?? 'tic';
    const principles = Object.entries(r.principles).map(([p, f]) => group(p, f));
    const domains = Object.entries(r.domains ?? {}).map(([d, f]) => group(d, f));
    const matrix = Object.entries(r.cells ?? {}).map(([key, f]) => {
      const [principle, domain] = key.split('/') as [string, string];
      const { percent, withheld, gap } = group(key, f);
      return { principle, domain, percent, ...(withheld ? { withheld } : {}), gap };
    });
    const whole = group(id, r.percent);
    return {
      id,
      version: r.version ?? '1.0.0',
      title: id === 'tic' ? 'Trauma-informed care' : id,
      targetPercent: TARGET,
      percent: whole.percent,
      ...(whole.withheld ? { withheld: whole.withheld } : {}),
      principles,
      domains,
      matrix,
    };
  });
  return {
    source: spec.source ?? `exports/${agency.toLowerCase().replace(/\W+/g, '-')}.json`,
    kind: 'export',
    agency,
    cycle: '2026',
    date: spec.date ?? '2026-03-01',
    tiraVersion: '0.1.0',
    respondents: spec.respondents ?? 10,
    settings: { ...defaultSettings },
    rubrics,
    domains: Object.entries(spec.domains ?? {}).map(([d, f]) => group(d, f)),
    indicators: spec.rubrics.flatMap((r) => (r.indicators ?? []).map((i) => indicator(i, r.id ?? 'tic'))),
    roles: spec.roles ?? [],
    perceptionGaps: spec.gaps ?? [],
    warnings: [],
  };
}

/**
 * An agency on one rubric whose group figures are computed from its indicators
 * with the engine's rules (as `tira score` would), over the principles and
 * domains the indicators name.
 */
export function agencyFromIndicators(agency: string, version: string, specs: IndicatorSpec[], rubric = 'tic'): AgencyRecord {
  const indicators = specs.map((s) => indicator(s, rubric));
  const scores = indicators as unknown as IndicatorScore[];
  const principleIds = [...new Set(specs.map((s) => s.principle))];
  const domainIds = [...new Set(specs.map((s) => s.domain))];
  const fig = (members: IndicatorScore[]): Fig => {
    const g = groupFigure(members, defaultSettings);
    return g.percent ?? { withheld: g.withheld! };
  };
  const principles = Object.fromEntries(principleIds.map((p) => [p, fig(scores.filter((i) => i.principle === p))]));
  const domains = Object.fromEntries(domainIds.map((d) => [d, fig(scores.filter((i) => i.domain === d))]));
  const cells: Record<string, Fig> = {};
  for (const p of principleIds) for (const d of domainIds) cells[`${p}/${d}`] = fig(scores.filter((i) => i.principle === p && i.domain === d));
  const whole = rubricFigure(scores, principleIds.map((p) => (typeof principles[p] === 'number' ? (principles[p] as number) : null)), defaultSettings);
  return agencyRecord(agency, {
    rubrics: [{ id: rubric, version, percent: whole.percent ?? { withheld: whole.withheld! }, principles, domains, cells, indicators: specs }],
    domains,
  });
}
