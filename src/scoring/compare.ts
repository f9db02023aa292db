// compareScores: two score results of one agency in, what changed out. Groups are
// recomputed over the indicators both cycles share, with the same rules as
// scoring, so that a rubric's new indicators do not pass for progress. A change
// counts when it is at least `minChange` points and at least twice its standard
// error (from each side's n and sd); smaller ones are marked as within the noise,
// and an indicator that crosses the target line within the noise is neither a
// gap closed nor a new gap (it is listed apart).
import type { Change, CompareResult, GroupChange, IndicatorChange, RubricChange } from '../model/compare.js';
import type { IndicatorScore, RubricScore, ScoreResult, ScoreSettings } from '../model/score.js';
import { groupFigure, isRated, rubricFigure } from './groups.js';
import { crossRubricDomains } from './score.js';
import { EPSILON, minMeaningfulChange } from './settings.js';

/** How many standard errors of the difference a change must reach. */
export const noiseFactor = 2;

/** The standard error of an indicator's percent: sd as a percent of the scale range, over √n; null when n < 2. */
function standardError(i: IndicatorScore, range: number): number | null {
  if (i.n < 2 || i.sd === null || range <= 0) return null;
  return ((i.sd / range) * 100) / Math.sqrt(i.n);
}

/** The standard error of a weight-weighted mean of independent percents; null when any part has none. */
function groupError(indicators: readonly IndicatorScore[], ranges: ReadonlyMap<string, number>): number | null {
  const rated = indicators.filter(isRated);
  if (rated.length === 0) return null;
  let variance = 0;
  let weights = 0;
  for (const i of rated) {
    const se = standardError(i, ranges.get(i.rubric) ?? 0);
    if (se === null) return null;
    variance += (i.weight * se) ** 2;
    weights += i.weight;
  }
  return Math.sqrt(variance) / weights;
}

export function classify(before: number | null, after: number | null, seBefore: number | null, seAfter: number | null): Change {
  if (before === null || after === null) return { before, after, change: null, noise: null, status: 'not-rated' };
  const change = after - before;
  const noise = seBefore !== null && seAfter !== null ? noiseFactor * Math.sqrt(seBefore ** 2 + seAfter ** 2) : null;
  const small = Math.abs(change) + EPSILON < minMeaningfulChange || (noise !== null && Math.abs(change) + EPSILON < noise);
  return { before, after, change, noise, status: small ? 'within-noise' : change > 0 ? 'up' : 'down' };
}

interface Side {
  indicators: IndicatorScore[];
  ranges: Map<string, number>;
  settings: ScoreSettings;
}

function groupChange(id: string, name: string, select: (i: IndicatorScore) => boolean, a: Side, b: Side): GroupChange {
  const ia = a.indicators.filter(select);
  const ib = b.indicators.filter(select);
  const before = groupFigure(ia, a.settings).percent;
  const after = groupFigure(ib, b.settings).percent;
  return { id, name, ...classify(before, after, groupError(ia, a.ranges), groupError(ib, b.ranges)) };
}

function rubricChange(ra: RubricScore, rb: RubricScore, a: Side, b: Side, onlyInBaseline: string[], onlyInFollowup: string[]): RubricChange {
  const mine = (i: IndicatorScore) => i.rubric === ra.id;
  const principles = ra.principles
    .filter((p) => rb.principles.some((q) => q.id === p.id))
    .map((p) => groupChange(p.id, p.name, (i) => mine(i) && i.principle === p.id, a, b));
  const domains = ra.domains
    .filter((d) => rb.domains.some((q) => q.id === d.id))
    .map((d) => groupChange(d.id, d.name, (i) => mine(i) && i.domain === d.id, a, b));
  const figure = (side: Side, key: 'before' | 'after') =>
    rubricFigure(side.indicators.filter(mine), principles.map((p) => p[key]), side.settings).percent;
  // The rubric is the mean of its principles: its error is the root of the summed principle errors over P.
  const error = (side: Side) => {
    const errors = ra.principles.map((p) => groupError(side.indicators.filter((i) => mine(i) && i.principle === p.id), side.ranges));
    if (errors.length === 0 || errors.some((e) => e === null)) return null;
    return Math.sqrt((errors as number[]).reduce((s, e) => s + e ** 2, 0)) / errors.length;
  };
  return {
    id: ra.id,
    title: rb.title,
    versions: { baseline: ra.version, followup: rb.version },
    majorChange: ra.version.split('.')[0] !== rb.version.split('.')[0],
    ...classify(figure(a, 'before'), figure(b, 'after'), error(a), error(b)),
    stageBefore: ra.stage,
    stageAfter: rb.stage,
    principles,
    domains,
    onlyInBaseline,
    onlyInFollowup,
  };
}

const key = (i: { rubric: string; id: string }) => `${i.rubric}\u0000${i.id}`;

export function compareScores(baseline: ScoreResult, followup: ScoreResult, options: { tiraVersion?: string } = {}): CompareResult {
  const info = (r: ScoreResult) => ({ agency: r.agency, cycle: r.cycle, date: r.date, targetLevel: r.targetLevel, respondents: r.coverage.respondents });
  const commonRubrics = baseline.rubrics.filter((r) => followup.rubrics.some((q) => q.id === r.id));
  const commonIds = new Set(commonRubrics.map((r) => r.id));
  const inB = new Map(followup.indicators.map((i) => [key(i), i]));
  const inA = new Map(baseline.indicators.map((i) => [key(i), i]));
  const shared = (i: IndicatorScore, other: Map<string, IndicatorScore>) => commonIds.has(i.rubric) && other.has(key(i));
  const ranges = (r: ScoreResult) => new Map(r.rubrics.map((x) => [x.id, x.scale.max - x.scale.min]));
  const a: Side = { indicators: baseline.indicators.filter((i) => shared(i, inB)), ranges: ranges(baseline), settings: baseline.settings };
  const b: Side = { indicators: followup.indicators.filter((i) => shared(i, inA)), ranges: ranges(followup), settings: followup.settings };

  const rubrics = commonRubrics.map((ra) => {
    const rb = followup.rubrics.find((q) => q.id === ra.id)!;
    const onlyInBaseline = baseline.indicators.filter((i) => i.rubric === ra.id && !inB.has(key(i))).map((i) => i.id);
    const onlyInFollowup = followup.indicators.filter((i) => i.rubric === ra.id && !inA.has(key(i))).map((i) => i.id);
    return rubricChange(ra, rb, a, b, onlyInBaseline, onlyInFollowup);
  });

  const domains = crossRubricDomains(
    commonRubrics.map((r) => ({ domains: r.domains.map((d) => ({ id: d.id, name: d.name, description: '' })) })),
  ).map((d) => groupChange(d.id, d.name, (i) => i.domain === d.id, a, b));

  const indicators: IndicatorChange[] = a.indicators.map((ia) => {
    const ib = inB.get(key(ia))!;
    return {
      id: ia.id,
      rubric: ia.rubric,
      principle: ib.principle,
      domain: ib.domain,
      critical: ib.critical || ia.critical,
      nBefore: ia.n,
      nAfter: ib.n,
      gapBefore: ia.gap,
      gapAfter: ib.gap,
      ...classify(ia.percent, ib.percent, standardError(ia, a.ranges.get(ia.rubric) ?? 0), standardError(ib, b.ranges.get(ib.rubric) ?? 0)),
    };
  });

  const ratedInBoth = indicators.filter((i) => i.status !== 'not-rated');
  const closed = ratedInBoth.filter((i) => (i.gapBefore ?? 0) > 0 && i.gapAfter === 0);
  const opened = ratedInBoth.filter((i) => i.gapBefore === 0 && (i.gapAfter ?? 0) > 0);
  let reason: CompareResult['reason'];
  if (commonRubrics.length === 0) reason = 'no-common-rubric';
  else if (indicators.length === 0) reason = 'no-common-indicator';
  else if (ratedInBoth.length === 0) reason = 'nothing-rated-in-both';

  return {
    format: 'tira-compare',
    formatVersion: 1,
    tiraVersion: options.tiraVersion ?? '0.0.0',
    baseline: info(baseline),
    followup: info(followup),
    comparable: reason === undefined,
    ...(reason ? { reason } : {}),
    settings: { minChange: minMeaningfulChange, noiseFactor },
    rubrics,
    rubricsOnlyIn: {
      baseline: baseline.rubrics.filter((r) => !commonIds.has(r.id)).map((r) => r.id),
      followup: followup.rubrics.filter((r) => !commonIds.has(r.id)).map((r) => r.id),
    },
    domains,
    indicators,
    // A crossing of the target line by a change within the noise is no evidence of a gap
    // opened or closed: it is listed apart, both ways, so that good news gets no easier rule.
    gapsClosed: closed.filter((i) => i.status !== 'within-noise').map((i) => i.id),
    newGaps: opened.filter((i) => i.status !== 'within-noise').map((i) => i.id),
    gapsClosedWithinNoise: closed.filter((i) => i.status === 'within-noise').map((i) => i.id),
    newGapsWithinNoise: opened.filter((i) => i.status === 'within-noise').map((i) => i.id),
    regressions: ratedInBoth
      .filter((i) => i.status === 'down')
      .sort((x, y) => Number(y.critical) - Number(x.critical) || x.change! - y.change!)
      .map((i) => i.id),
  };
}
