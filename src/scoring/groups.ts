// Group figures over indicator figures: a principle, a domain, a cell, a rubric,
// a framework facet's tag. Pure over IndicatorScore, so that `tira compare` can
// regroup the indicators two cycles share with the very same rules.
import type { GroupScore, IndicatorScore, ScoreSettings, Withheld } from '../model/score.js';
import { EPSILON } from './settings.js';
import { weightedMean } from './stats.js';

/** An indicator counts towards its groups' figures when it is applicable and has a numeric rating. */
export function isRated(indicator: IndicatorScore): boolean {
  return indicator.applicable && indicator.n >= 1 && indicator.percent !== null;
}

export interface GroupFigure {
  percent: number | null;
  withheld?: Withheld;
  indicators: number;
  applicable: number;
  rated: number;
  share: number | null;
  gap: number | null;
}

/**
 * The weight-weighted mean of the percents of the group's rated indicators,
 * shown only when at least `minGroupShare` of its applicable indicators are rated.
 */
export function groupFigure(indicators: readonly IndicatorScore[], settings: ScoreSettings): GroupFigure {
  const applicable = indicators.filter((i) => i.applicable);
  const rated = applicable.filter(isRated);
  const share = applicable.length > 0 ? rated.length / applicable.length : null;
  const base = { indicators: indicators.length, applicable: applicable.length, rated: rated.length, share };
  let withheld: Withheld | undefined;
  if (indicators.length === 0) withheld = 'no-indicators';
  else if (applicable.length === 0) withheld = 'not-applicable';
  else if (share === null || rated.length === 0 || share + EPSILON < settings.minGroupShare) withheld = 'too-few-answers';
  if (withheld) return { percent: null, withheld, ...base, gap: null };
  const percent = weightedMean(rated.map((i) => ({ value: i.percent!, weight: i.weight })))!;
  const target = weightedMean(rated.map((i) => ({ value: i.targetPercent, weight: i.weight })))!;
  const below = target - percent;
  return { percent, ...base, gap: below > EPSILON ? below : 0 };
}

export function scoreGroup(id: string, name: string, indicators: readonly IndicatorScore[], settings: ScoreSettings): GroupScore {
  const { withheld, ...figure } = groupFigure(indicators, settings);
  return { id, name, ...figure, ...(withheld ? { withheld } : {}) };
}

/**
 * A rubric's figure: the mean of its principles' shown figures, so that a
 * principle with more indicators does not outweigh the others; shown only when
 * at least half of the rubric's applicable indicators are rated, as for a group.
 */
export function rubricFigure(
  indicators: readonly IndicatorScore[],
  principlePercents: readonly (number | null)[],
  settings: ScoreSettings,
): GroupFigure {
  const figure = groupFigure(indicators, settings);
  if (figure.withheld) return figure;
  const shown = principlePercents.filter((p): p is number => p !== null);
  if (shown.length === 0) return { ...figure, percent: null, withheld: 'too-few-answers', gap: null };
  const percent = shown.reduce((a, b) => a + b, 0) / shown.length;
  const rated = indicators.filter(isRated);
  const target = weightedMean(rated.map((i) => ({ value: i.targetPercent, weight: i.weight })))!;
  const below = target - percent;
  return { ...figure, percent, gap: below > EPSILON ? below : 0 };
}
