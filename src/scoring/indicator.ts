// One indicator's figures from its expected respondents' answers: counts, mean,
// sd, min, max, percent, agreement (r_wg), gap to target, don't-know rate.
import type { Indicator, Rubric } from '../model/rubric.js';
import type { IndicatorScore, ScoreSettings } from '../model/score.js';
import type { Response } from './responses.js';
import { EPSILON } from './settings.js';
import type { RatedFigures } from './groups.js';
import { rwg, type ScaleRange } from './stats.js';

export interface IndicatorContext {
  rubric: Pick<Rubric, 'id'>;
  staff: ScaleRange;
  targetPercent: number;
  /** Whether any role in the assessment (or the role being looked at) can judge the indicator. */
  judgeable: boolean;
  settings: ScoreSettings;
}

export function scoreIndicator(indicator: Indicator, responses: readonly Response[], ctx: IndicatorContext): IndicatorScore {
  // One pass for the counts and the sums; the points are kept for the variance.
  // NOTE: the sums run in the responses' order, from 0, as mean() and
  // sampleVariance() add them, so that every figure stays the same to the last bit.
  const points: number[] = [];
  let pointSum = 0;
  let percentSum = 0;
  let min = Infinity;
  let max = -Infinity;
  let na = 0;
  let unknown = 0;
  let skipped = 0;
  let unanswered = 0;
  for (const r of responses) {
    if (r.kind === 'rating') {
      points.push(r.points);
      pointSum += r.points;
      percentSum += r.percent;
      if (r.points < min) min = r.points;
      if (r.points > max) max = r.points;
    } else if (r.kind === 'na') na += 1;
    else if (r.kind === 'unknown') unknown += 1;
    else if (r.kind === 'skipped') skipped += 1;
    else unanswered += 1;
  }
  const n = points.length;
  let variance: number | null = null;
  if (n >= 2) {
    const m = pointSum / n;
    let squares = 0;
    for (const v of points) squares += (v - m) ** 2;
    variance = squares / (n - 1);
  }
  const percent = n === 0 ? null : percentSum / n;
  let gap: number | null = null;
  if (percent !== null) {
    const below = ctx.targetPercent - percent;
    gap = below > EPSILON ? below : 0;
  }
  const applicable = ctx.judgeable && !(na > 0 && n === 0 && unknown === 0 && skipped === 0);
  return {
    id: indicator.id,
    rubric: ctx.rubric.id,
    principle: indicator.principle,
    domain: indicator.domain,
    text: indicator.text,
    weight: indicator.weight,
    critical: indicator.critical,
    tags: indicator.tags,
    expected: responses.length,
    n,
    mean: n === 0 ? null : pointSum / n,
    sd: variance === null ? null : Math.sqrt(variance),
    min: n > 0 ? min : null,
    max: n > 0 ? max : null,
    percent,
    targetPercent: ctx.targetPercent,
    rwg: n >= ctx.settings.rwgMinN && variance !== null ? rwg(variance, ctx.staff.uniformVariance) : null,
    gap,
    gapPoints: gap === null ? null : (gap / 100) * (ctx.staff.max - ctx.staff.min),
    na,
    unknown,
    skipped,
    unanswered,
    dontKnowRate: n + unknown > 0 ? unknown / (n + unknown) : null,
    applicable,
  };
}

/**
 * The figures a role's view needs of one indicator (see groups.ts), as
 * scoreIndicator computes them, without the rest: a roll-up computes them for
 * every role of every agency.
 */
export function indicatorFigures(indicator: Indicator, responses: readonly Response[], ctx: Pick<IndicatorContext, 'targetPercent' | 'judgeable'>): RatedFigures {
  let n = 0;
  let percentSum = 0;
  let na = 0;
  let unknown = 0;
  let skipped = 0;
  for (const r of responses) {
    if (r.kind === 'rating') {
      n += 1;
      percentSum += r.percent;
    } else if (r.kind === 'na') na += 1;
    else if (r.kind === 'unknown') unknown += 1;
    else if (r.kind === 'skipped') skipped += 1;
  }
  return {
    applicable: ctx.judgeable && !(na > 0 && n === 0 && unknown === 0 && skipped === 0),
    n,
    percent: n === 0 ? null : percentSum / n,
    weight: indicator.weight,
    targetPercent: ctx.targetPercent,
  };
}
