// One indicator's figures from its expected respondents' answers: counts, mean,
// sd, min, max, percent, agreement (r_wg), gap to target, don't-know rate.
import type { Indicator, Rubric } from '../model/rubric.js';
import type { IndicatorScore, ScoreSettings } from '../model/score.js';
import type { Response } from './responses.js';
import { EPSILON } from './settings.js';
import { mean, rwg, sampleVariance, type ScaleRange } from './stats.js';

export interface IndicatorContext {
  rubric: Pick<Rubric, 'id'>;
  staff: ScaleRange;
  targetPercent: number;
  /** Whether any role in the assessment (or the role being looked at) can judge the indicator. */
  judgeable: boolean;
  settings: ScoreSettings;
}

export function scoreIndicator(indicator: Indicator, responses: readonly Response[], ctx: IndicatorContext): IndicatorScore {
  const points: number[] = [];
  const percents: number[] = [];
  let na = 0;
  let unknown = 0;
  let skipped = 0;
  let unanswered = 0;
  for (const r of responses) {
    if (r.kind === 'rating') {
      points.push(r.points);
      percents.push(r.percent);
    } else if (r.kind === 'na') na += 1;
    else if (r.kind === 'unknown') unknown += 1;
    else if (r.kind === 'skipped') skipped += 1;
    else unanswered += 1;
  }
  const n = points.length;
  const variance = sampleVariance(points);
  const percent = mean(percents);
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
    mean: mean(points),
    sd: variance === null ? null : Math.sqrt(variance),
    min: n > 0 ? Math.min(...points) : null,
    max: n > 0 ? Math.max(...points) : null,
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
