// scoreAssessment: a workspace's rubrics, settings and latest answers in, the
// whole ScoreResult out. Pure: no files, no clock (the time is passed in), no
// colour; the same input always gives the same result, whatever the order of
// the respondents.
import type { Rubric } from '../model/rubric.js';
import type { CellScore, IndicatorScore, PrincipleScore, RubricScore, ScoreResult, ScoreSettings } from '../model/score.js';
import type { Assessment, RespondentAnswers, Role } from '../model/workspace.js';
import { coverageOf } from './coverage.js';
import { disagreementAgenda, dontKnowFindings, rankPriorities } from './findings.js';
import { rubricFigure, scoreGroup, type RatedFigures } from './groups.js';
import { indicatorFigures, scoreIndicator } from './indicator.js';
import { buildLens, frameworksOf, lensCoverage, tagged } from './lens.js';
import { buildPerspectives, decideVisibility, type RoleCount, type RoleView } from './perspectives.js';
import { canJudge } from '../rubric/raters.js';
import { prepareRespondents, responsesToRubric, roleOf, rubricScales, type Response } from './responses.js';
import { defaultSettings } from './settings.js';
import { stageFor } from './stage.js';
import { percentOf, rwgJ, scaleRange } from './stats.js';

/** What scoring needs from a workspace. */
export interface ScoreInput {
  assessment: Assessment;
  rubrics: readonly Rubric[];
  respondents: readonly RespondentAnswers[];
}

export interface ScoreOptions {
  /** Group every figure also by this framework's facets (`--by samhsa-2014`); it must be one the rubrics carry. */
  lens?: string;
  /** Score only this rubric (`--rubric tic`). */
  rubric?: string;
  tiraVersion?: string;
  /** When the result is computed (ISO 8601), for reports to print. */
  generatedAt?: string | null;
  settings?: Partial<ScoreSettings>;
}

function byId(a: RespondentAnswers, b: RespondentAnswers): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0;
}

/**
 * True when an indicator's ratings would show a hidden role's answers: every
 * rating came from roles below the small-cell threshold, and either from one such
 * role alone or from fewer respondents than the threshold. (Ratings pooled from
 * several hidden roles, threshold respondents or more, are no one role's figure.)
 */
function onlyHiddenRoles(answers: readonly Response[], belowThreshold: ReadonlySet<string>, threshold: number, kinds: number = RATINGS): boolean {
  // Without hidden roles, no answer can be theirs: the usual case, settled at once.
  if (belowThreshold.size === 0) return false;
  let count = 0;
  let firstRole = '';
  let oneRole = true;
  for (const r of answers) {
    if ((kinds & kindBit(r.kind)) === 0) continue;
    if (!belowThreshold.has(r.role)) return false;
    if (count === 0) firstRole = r.role;
    else if (r.role !== firstRole) oneRole = false;
    count += 1;
  }
  if (count === 0) return false;
  if (oneRole) return true;
  const respondents = new Set<string>();
  for (const r of answers) if ((kinds & kindBit(r.kind)) !== 0) respondents.add(r.respondent);
  return respondents.size < threshold;
}

// The kinds of answer onlyHiddenRoles looks at, as bits: it runs four times per indicator.
const RATINGS = 1;
const RATINGS_UNKNOWN = 1 | 2;
const ANSWERED = 1 | 2 | 4;
function kindBit(kind: Response['kind']): number {
  return kind === 'rating' ? 1 : kind === 'unknown' ? 2 : kind === 'na' ? 4 : 0;
}

/**
 * An indicator rated only by roles below the small-cell threshold (a budget line
 * that only two leaders can judge): its figures would be those few people's
 * answers, so none is shown, and it counts in no group.
 */
function withholdIndicator(score: IndicatorScore): IndicatorScore {
  return { ...score, mean: null, sd: null, min: null, max: null, percent: null, rwg: null, gap: null, gapPoints: null, dontKnowRate: null, withheld: 'small-cell' };
}

/**
 * True when an indicator's staff-only figures must not be shown: the staff
 * ratings (or the staff's ratings and don't-knows) would show a hidden role's
 * answers, or the answers of the other voices (people served, family members)
 * would: the overall figures minus the staff-only ones are theirs, so when they
 * come from a hidden role alone, the staff-only figures would give them away.
 */
function staffFiguresHidden(staff: readonly Response[], others: readonly Response[], belowThreshold: ReadonlySet<string>, threshold: number): boolean {
  return (
    onlyHiddenRoles(staff, belowThreshold, threshold) ||
    onlyHiddenRoles(staff, belowThreshold, threshold, RATINGS_UNKNOWN) ||
    onlyHiddenRoles(others, belowThreshold, threshold, ANSWERED)
  );
}

/** A rubric's principles, domains and principle x domain cells over indicator figures. */
export function scoreRubric(rubric: Rubric, indicators: readonly IndicatorScore[], settings: ScoreSettings, targetLevel: number): RubricScore {
  const range = scaleRange(rubric.scale);
  // Each group's indicators in one pass, in rubric order (as a filter per group would give them).
  const byPrinciple = groupBy(indicators, (i) => i.principle);
  const byDomain = groupBy(indicators, (i) => i.domain);
  const byCell = new Map<string, Map<string, IndicatorScore[]>>();
  for (const [principle, members] of byPrinciple) byCell.set(principle, groupBy(members, (i) => i.domain));
  const principles: PrincipleScore[] = rubric.principles.map((p) => {
    const inPrinciple = byPrinciple.get(p.id) ?? [];
    const variances = inPrinciple.filter((i) => i.rwg !== null && i.sd !== null).map((i) => i.sd! ** 2);
    // NOTE: keys set on the group's own object, not spread into a new one: a spread of an
    // object whose last key was added later (withheld) takes V8's slow path, about 100 times slower.
    const principle = scoreGroup(p.id, p.name, inPrinciple, settings) as PrincipleScore;
    principle.stage = stageFor(rubric, principle.percent, inPrinciple);
    principle.rwg = rwgJ(variances, range.uniformVariance);
    return principle;
  });
  const domains = rubric.domains.map((d) => scoreGroup(d.id, d.name, byDomain.get(d.id) ?? [], settings));
  const matrix: CellScore[] = [];
  for (const p of rubric.principles) {
    for (const d of rubric.domains) {
      const cell = scoreGroup(`${p.id}/${d.id}`, `${p.name} / ${d.name}`, byCell.get(p.id)?.get(d.id) ?? [], settings) as CellScore;
      cell.principle = p.id;
      cell.domain = d.id;
      matrix.push(cell);
    }
  }
  const { withheld, percent, applicable, rated, share } = rubricFigure(indicators, principles.map((p) => p.percent), settings);
  return {
    id: rubric.id,
    version: rubric.version,
    title: rubric.title,
    percent,
    ...(withheld ? { withheld } : {}),
    stage: stageFor(rubric, percent, indicators),
    scale: { min: range.min, max: range.max, points: range.points },
    targetPercent: targetPercentOf(rubric, targetLevel),
    ...(rubric.criticalGate ? { criticalGate: { ...rubric.criticalGate } } : {}),
    applicable,
    rated,
    share,
    principles,
    domains,
    matrix,
  };
}

/** The items by a key, each list in the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The target level as a percent of the rubric's scale, within 0-100. */
export function targetPercentOf(rubric: Pick<Rubric, 'scale'>, targetLevel: number): number {
  return Math.min(100, Math.max(0, percentOf(scaleRange(rubric.scale), targetLevel)));
}

/** Domains across rubrics, in the order they first appear (the shared catalog's order). */
export function crossRubricDomains(rubrics: readonly Pick<Rubric, 'domains'>[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rubrics) for (const d of r.domains) if (!seen.has(d.id)) seen.set(d.id, d.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

export function scoreAssessment(input: ScoreInput, options: ScoreOptions = {}): ScoreResult {
  const settings: ScoreSettings = { ...defaultSettings, ...options.settings };
  const { assessment } = input;
  const rubrics = options.rubric ? input.rubrics.filter((r) => r.id === options.rubric) : [...input.rubrics];
  if (options.rubric && rubrics.length === 0) throw new Error(`scoreAssessment: no rubric "${options.rubric}" in the input`);
  const respondents = [...input.respondents].sort(byId);

  // Roles: those of the assessment, in its order, then any a respondent names that it does not list.
  const roleList: Role[] = [...assessment.roles];
  const roles = new Map(roleList.map((r) => [r.id, r]));
  for (const r of respondents) {
    if (roles.has(r.role)) continue;
    const role = roleOf(roles, r.role);
    roleList.push(role);
    roles.set(role.id, role);
  }

  const prepared = prepareRespondents(respondents, roles);
  const responses = new Map<string, Response[]>();
  for (const rubric of rubrics) {
    const scales = rubricScales(rubric);
    const lists = responsesToRubric(rubric, scales, prepared);
    rubric.indicators.forEach((indicator, i) => responses.set(indicator.id, lists[i]!));
  }

  // Who may show figures depends on counts alone, so it is settled before any figure.
  const raters = new Map(roleList.map((role) => [role.id, new Set<string>()]));
  for (const list of responses.values()) for (const r of list) if (r.kind === 'rating') raters.get(r.role)!.add(r.respondent);
  const counts: RoleCount[] = roleList.map((role) => ({ role, respondents: raters.get(role.id)!.size }));
  const visibility = decideVisibility(counts, assessment.smallCellThreshold);
  const belowThreshold = new Set([...visibility].filter(([, v]) => !v.reportable && v.hidden === 'small-cell').map(([id]) => id));

  const indicators: IndicatorScore[] = [];
  // The same indicators over staff-voice answers only, for the disagreement agenda and
  // the don't-know findings: both are about staff (programs, shifts, what staff know),
  // and people served rate their own experience on another footing.
  const staffIndicators: IndicatorScore[] = [];
  const rubricScores: RubricScore[] = [];
  const experienceRoles = new Set(roleList.filter((role) => role.voice === 'experience').map((role) => role.id));
  for (const rubric of rubrics) {
    const scales = rubricScales(rubric);
    const targetPercent = targetPercentOf(rubric, assessment.targetLevel);
    const scored: IndicatorScore[] = [];
    for (const indicator of rubric.indicators) {
      const answers = responses.get(indicator.id)!;
      const anyRole = roleList.some((role) => canJudge(indicator, role));
      const score = scoreIndicator(indicator, answers, { rubric, staff: scales.staff, targetPercent, judgeable: anyRole, settings });
      scored.push(onlyHiddenRoles(answers, belowThreshold, assessment.smallCellThreshold) ? withholdIndicator(score) : score);
      // Staff-voice answers and the others (people served, family members), each in the answers' order.
      const staffAnswers: Response[] = [];
      const otherAnswers: Response[] = [];
      for (const r of answers) (experienceRoles.has(r.role) ? otherAnswers : staffAnswers).push(r);
      const staffJudge = roleList.some((role) => role.voice !== 'experience' && canJudge(indicator, role));
      const staffScore = scoreIndicator(indicator, staffAnswers, { rubric, staff: scales.staff, targetPercent, judgeable: staffJudge, settings });
      staffIndicators.push(staffFiguresHidden(staffAnswers, otherAnswers, belowThreshold, assessment.smallCellThreshold) ? withholdIndicator(staffScore) : staffScore);
    }
    indicators.push(...scored);
    rubricScores.push(scoreRubric(rubric, scored, settings, assessment.targetLevel));
  }

  const indicatorsByDomain = groupBy(indicators, (i) => i.domain);
  const domains = crossRubricDomains(rubrics).map((d) => scoreGroup(d.id, d.name, indicatorsByDomain.get(d.id) ?? [], settings));

  let framework = undefined;
  if (options.lens) {
    framework = frameworksOf(rubrics).get(options.lens);
    if (!framework) throw new Error(`scoreAssessment: no rubric carries framework "${options.lens}"`);
  }
  const lens = framework ? buildLens(framework, indicators, settings) : null;

  // Perspectives: each role's own figures, from its respondents only; the figures of hidden roles are never computed.
  const views: RoleView[] = roleList.map((role) => {
    const own = new Map<string, Response[]>();
    const scores = new Map<string, RatedFigures>();
    if (visibility.get(role.id)?.reportable) {
      for (const rubric of rubrics) {
        const targetPercent = targetPercentOf(rubric, assessment.targetLevel);
        for (const indicator of rubric.indicators) {
          const mine = responses.get(indicator.id)!.filter((r) => r.role === role.id);
          own.set(indicator.id, mine);
          // Only what group figures read: per-role indicator figures are never shown.
          scores.set(indicator.id, indicatorFigures(indicator, mine, { targetPercent, judgeable: canJudge(indicator, role) }));
        }
      }
    }
    return { role, indicators: scores, responses: own };
  });
  const firstFacet = framework?.facets[0];
  const perspectives = buildPerspectives({
    views,
    counts,
    threshold: assessment.smallCellThreshold,
    rubrics: rubrics.map((rubric) => ({
      id: rubric.id,
      indicators: rubric.indicators.map((i) => i.id),
      principles: rubric.principles.map((p) => ({ id: p.id, indicators: rubric.indicators.filter((i) => i.principle === p.id).map((i) => i.id) })),
    })),
    lens:
      framework && firstFacet
        ? { facet: firstFacet.id, groups: firstFacet.tags.map((t) => ({ id: t.id, indicators: tagged(indicators, framework.id, firstFacet.id, t.id).map((i) => i.id) })) }
        : null,
    settings,
  });

  return {
    format: 'tira-score',
    formatVersion: 1,
    tiraVersion: options.tiraVersion ?? '0.0.0',
    generatedAt: options.generatedAt ?? null,
    agency: assessment.agency,
    cycle: assessment.cycle,
    date: assessment.date,
    targetLevel: assessment.targetLevel,
    settings,
    lens,
    rubrics: rubricScores,
    domains,
    indicators,
    priorities: rankPriorities(indicators),
    disagreements: disagreementAgenda(staffIndicators, settings),
    dontKnow: dontKnowFindings(staffIndicators, settings),
    perspectives,
    coverage: {
      respondents: respondents.length,
      rubrics: rubricScores.map((r) => ({ id: r.id, ...coverageOf(indicators.filter((i) => i.rubric === r.id), settings) })),
      domains: crossRubricDomains(rubrics).map((d) => ({ id: d.id, ...coverageOf(indicatorsByDomain.get(d.id) ?? [], settings) })),
      lens: framework ? lensCoverage(framework, indicators, settings) : [],
    },
  };
}
