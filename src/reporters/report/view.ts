// The report's content, decided once for every format: which strengths and gaps
// to name, in which order the domains come, what each figure reads as when it is
// withheld. Markdown, HTML and CSV lay this out; none of them chooses content.
import type { Domain, Indicator, Rubric, Stage } from '../../model/rubric.js';
import type {
  CellScore,
  Disagreement,
  DontKnowFinding,
  GroupScore,
  IndicatorScore,
  PerceptionGap,
  Priority,
  RolePerspective,
  RubricScore,
  ScoreResult,
  StageResult,
  Withheld,
} from '../../model/score.js';
import { methodology as engineMethodology } from '../../scoring/methodology.js';
import { namedDomains } from '../../scoring/settings.js';
import type { ReportMeta } from './types.js';

/** The domains every bundled rubric covers, which the report puts first. */
export const LEADING_DOMAINS = namedDomains;

/** How many strengths and gaps the executive summary names, and how many rows the report's action plan has (the CSV has all). */
export const SUMMARY_STRENGTHS = 3;
export const SUMMARY_GAPS = 5;
export const ACTION_PLAN_ROWS = 20;
/** Rows of the disagreement agenda and the don't-know table in the report (the CSV flags all). */
export const AGENDA_ROWS = 12;


// ---------------------------------------------------------------- numbers as words

/** A percent as people read it: "62%". */
export function formatPercent(value: number): string {
  return `${Math.round(value)}%`;
}

/** What a withheld figure reads as, never 0. */
export function withheldLabel(withheld: Withheld | undefined): string {
  switch (withheld) {
    case 'not-applicable':
      return 'not applicable';
    case 'no-indicators':
      return NO_INDICATORS;
    case 'small-cell':
      return 'too few respondents';
    default:
      return 'too few answers';
  }
}

/** What a principle x domain cell with no practices shows. */
export const NO_INDICATORS = '·';

/** A group's figure, or why it is missing. */
export function groupFigure(group: Pick<GroupScore, 'percent' | 'withheld'>): string {
  return group.percent === null ? withheldLabel(group.withheld ?? 'too-few-answers') : formatPercent(group.percent);
}

export function formatShare(share: number | null): string {
  return share === null ? 'none expected' : `${Math.round(share * 100)}%`;
}

/** Percentage points as a whole number: "12". */
export function formatPoints(value: number): string {
  return String(Math.round(value));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a role without figures reads as: why nothing is shown, and no count that a small role would give away. */
export function suppressedLabel(threshold: number, hidden: RolePerspective['hidden']): string {
  if (hidden === 'no-respondents') return 'no respondents';
  if (hidden === 'complementary') return 'hidden to protect a smaller role';
  return `fewer than ${threshold} respondents`;
}

/** "Trauma responsive (indicative)", with the stage a critical gap held it below. */
export function stageLabel(stage: StageResult | null): string {
  if (!stage) return 'no stage (too few answers)';
  const capped = stage.cappedFrom ? `, held below ${stage.cappedFrom.name} by critical gaps` : '';
  return `${stage.name} (indicative${capped})`;
}

// ---------------------------------------------------------------- the view

export interface IndicatorView {
  score: IndicatorScore;
  /** The rubric's indicator, for its actions and evidence; absent when the rubric was not given. */
  source: Indicator | undefined;
  rubricTitle: string;
  principleName: string;
  domainName: string;
  /** Notes respondents left, unattributed. */
  notes: string[];
}

export interface PriorityView extends IndicatorView {
  priority: Priority;
}

export interface DomainSection {
  id: string;
  name: string;
  description: string;
  /** Across every rubric. */
  score: GroupScore | undefined;
  coverage: ScoreResult['coverage']['domains'][number] | undefined;
  /** Indicators of this domain below the target, most pressing first. */
  gaps: PriorityView[];
}

export interface RubricView {
  score: RubricScore;
  rubric: Rubric | undefined;
  /** Domains in report order that have at least one cell in this rubric. */
  domains: { id: string; name: string }[];
  cell(principle: string, domain: string): CellScore | undefined;
  /** Bands for colouring figures: the rubric's stages, lowest first. */
  bands: Band[];
}

export interface Band {
  /** 0 for the lowest. */
  index: number;
  name: string;
  /** Inclusive lower bound, exclusive upper bound (100 is in the top band). */
  from: number;
  to: number;
}

export interface ReportView {
  result: ScoreResult;
  meta: ReportMeta;
  title: string;
  rubrics: RubricView[];
  strengths: IndicatorView[];
  topGaps: PriorityView[];
  /** Every priority, most pressing first. */
  priorities: PriorityView[];
  domains: DomainSection[];
  disagreements: (IndicatorView & { disagreement: Disagreement })[];
  dontKnow: (IndicatorView & { finding: DontKnowFinding })[];
  roles: RolePerspective[];
  /** Perception gaps between reportable roles, in the engine's order; `context` is the rubric's title, or the lens facet's name. */
  perceptionGaps: (PerceptionGap & { context: string; principleName: string; roleNames: [string, string] })[];
  lowCoverage: boolean;
  /** Bands for the lens heatmap, which spans rubrics: the first rubric's stages. */
  lensBands: Band[];
}

/** Domains in report order: the four leading ones first, then the catalog's order. */
export function orderDomains<T extends { id: string }>(domains: readonly T[]): T[] {
  const rank = (id: string) => {
    const i = (LEADING_DOMAINS as readonly string[]).indexOf(id);
    return i === -1 ? LEADING_DOMAINS.length : i;
  };
  return domains
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d.id) - rank(b.d.id) || a.i - b.i)
    .map(({ d }) => d);
}

/** The band a percent falls in, from the rubric's stage thresholds. */
export function bandFor(percent: number, bands: readonly Band[]): Band {
  let found = bands[0]!;
  for (const band of bands) if (percent >= band.from) found = band;
  return found;
}

function bandsFrom(stages: readonly Stage[] | undefined): Band[] {
  const list = stages && stages.length > 0 ? stages : [{ id: 'all', name: 'All', minPercent: 0 }];
  return list.map((s, i) => ({ index: i, name: s.name, from: s.minPercent, to: list[i + 1]?.minPercent ?? 100 }));
}

export function buildReportView(result: ScoreResult, meta: ReportMeta): ReportView {
  const rubricById = new Map(meta.rubrics.map((r) => [r.id, r]));
  const sourceIndicators = new Map<string, Indicator>();
  for (const r of meta.rubrics) for (const ind of r.indicators) sourceIndicators.set(ind.id, ind);
  const scoreById = new Map(result.indicators.map((i) => [i.id, i]));

  const domainInfo = new Map<string, Domain>();
  for (const r of meta.rubrics) for (const d of r.domains) if (!domainInfo.has(d.id)) domainInfo.set(d.id, d);
  const domainName = (id: string) => domainInfo.get(id)?.name ?? result.domains.find((d) => d.id === id)?.name ?? id;

  const rubricScores = new Map(result.rubrics.map((r) => [r.id, r]));
  const principleName = (rubric: string, id: string) => rubricScores.get(rubric)?.principles.find((p) => p.id === id)?.name ?? id;

  const notesOf = new Map<string, string[]>();
  for (const note of meta.notes ?? []) notesOf.set(note.indicator, [...(notesOf.get(note.indicator) ?? []), note.text]);

  const indicatorView = (id: string): IndicatorView | undefined => {
    const score = scoreById.get(id);
    if (!score) return undefined;
    return {
      score,
      source: sourceIndicators.get(id),
      rubricTitle: rubricScores.get(score.rubric)?.title ?? score.rubric,
      principleName: principleName(score.rubric, score.principle),
      domainName: domainName(score.domain),
      notes: notesOf.get(id) ?? [],
    };
  };

  const priorities = [...result.priorities]
    .sort((a, b) => a.rank - b.rank)
    .flatMap((p) => {
      const v = indicatorView(p.indicator);
      return v ? [{ ...v, priority: p }] : [];
    });

  // Strengths: the highest-rated practices, at or above the target, with the most answers behind them.
  const strengths = result.indicators
    .filter((i) => i.percent !== null && i.gap === 0 && i.n > 0)
    .sort((a, b) => b.percent! - a.percent! || Number(b.critical) - Number(a.critical) || b.n - a.n || a.id.localeCompare(b.id))
    .slice(0, SUMMARY_STRENGTHS)
    .flatMap((i) => {
      const v = indicatorView(i.id);
      return v ? [v] : [];
    });

  // The top gaps: critical ones first, then by rank, as the summary promises.
  const topGaps = [...priorities].sort((a, b) => Number(b.priority.critical) - Number(a.priority.critical) || a.priority.rank - b.priority.rank).slice(0, SUMMARY_GAPS);

  const rubrics: RubricView[] = result.rubrics.map((score) => {
    const rubric = rubricById.get(score.id);
    const cells = new Map(score.matrix.map((c) => [`${c.principle}\u0000${c.domain}`, c]));
    const present = new Set(score.matrix.map((c) => c.domain));
    const domainList = orderDomains((rubric?.domains ?? score.domains).map((d) => ({ id: d.id, name: d.name }))).filter((d) => present.has(d.id));
    return {
      score,
      rubric,
      domains: domainList,
      cell: (principle, domain) => cells.get(`${principle}\u0000${domain}`),
      bands: bandsFrom(rubric?.stages),
    };
  });

  const domainIds = orderDomains(
    [...new Set([...result.domains.map((d) => d.id), ...meta.rubrics.flatMap((r) => r.domains.map((d) => d.id))])].map((id) => ({ id })),
  ).map((d) => d.id);
  const domains: DomainSection[] = domainIds
    .map((id) => ({
      id,
      name: domainName(id),
      description: domainInfo.get(id)?.description ?? '',
      score: result.domains.find((d) => d.id === id),
      coverage: result.coverage.domains.find((d) => d.id === id),
      gaps: priorities.filter((p) => p.score.domain === id),
    }))
    .filter((d) => d.score !== undefined || d.gaps.length > 0);

  const reportable = new Map(result.perspectives.roles.map((r) => [r.role, r]));
  const isReportable = (role: string) => reportable.get(role)?.reportable === true;
  const perceptionGaps = result.perspectives.gaps
    .filter((g) => isReportable(g.roles[0]) && isReportable(g.roles[1]))
    .map((g) => ({
      ...g,
      ...(g.rubric !== null
        ? { context: rubricScores.get(g.rubric)?.title ?? g.rubric, principleName: principleName(g.rubric, g.principle) }
        : lensNames(result, g.facet, g.principle)),
      roleNames: [reportable.get(g.roles[0])!.name, reportable.get(g.roles[1])!.name] as [string, string],
    }));
  // NOTE: no sorting here: the engine's order (leadership against people served first,
  // then the largest difference) is the one the terminal shows too.

  return {
    result,
    meta,
    title: `${result.agency}: trauma-informed and recovery-oriented assessment`,
    rubrics,
    strengths,
    topGaps,
    priorities,
    domains,
    disagreements: result.disagreements.flatMap((d) => {
      const v = indicatorView(d.indicator);
      return v ? [{ ...v, disagreement: d }] : [];
    }),
    dontKnow: result.dontKnow.flatMap((f) => {
      const v = indicatorView(f.indicator);
      return v ? [{ ...v, finding: f }] : [];
    }),
    roles: result.perspectives.roles,
    perceptionGaps,
    lowCoverage: result.coverage.rubrics.some((r) => r.low),
    lensBands: rubrics[0]?.bands ?? bandsFrom(undefined),
  };
}

function lensNames(result: ScoreResult, facet: string | null, id: string): { context: string; principleName: string } {
  const f = result.lens?.facets.find((x) => x.id === facet);
  return { context: f ? `${result.lens!.title}: ${f.name}` : (facet ?? ''), principleName: f?.groups.find((g) => g.id === id)?.name ?? id };
}

// ---------------------------------------------------------------- words shared by the formats

/** The methodology, as paragraphs of plain text (each format escapes them): the engine's own text, then this report's stage thresholds and sources. */
export function methodology(view: ReportView): { heading: string; paragraphs: string[] }[] {
  const { result } = view;
  const sections = engineMethodology(result.settings, result.perspectives.smallCellThreshold)
    .filter((m) => m.id !== 'compare' && (m.id !== 'lenses' || result.lens !== null))
    .map((m) => ({
      heading: m.title,
      paragraphs:
        m.id === 'perspectives'
          ? [...m.paragraphs, 'Notes respondents left with their answers are quoted without a name, a respondent code or a role, and only from roles whose figures are shown.']
          : m.paragraphs,
    }));
  const stageLines = view.rubrics.map((r) => {
    const stages = (r.rubric?.stages ?? []).map((st) => `${st.name} from ${st.minPercent}%`).join(', ');
    const gate = r.rubric?.criticalGate;
    const gateText = gate
      ? ` Reaching ${r.rubric!.stages.find((st) => st.id === gate.stage)?.name ?? gate.stage} or above needs every critical practice rated ${gate.minLevel} or higher on average.`
      : '';
    return `${r.score.title} (${r.score.id} ${r.score.version}): ${stages || 'no stages'}.${gateText}`;
  });
  return [
    ...sections,
    { heading: 'Stage thresholds in this report', paragraphs: stageLines },
    {
      heading: 'Sources',
      paragraphs: view.rubrics.flatMap((r) => (r.rubric?.sources ?? []).map((src) => `${src.citation}${src.url ? ` ${src.url}` : ''}`)).filter((x, i, all) => all.indexOf(x) === i),
    },
  ];
}
