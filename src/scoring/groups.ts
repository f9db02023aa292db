// Group figures over indicator figures: a principle, a domain, a cell, a rubric,
// a framework facet's tag. Pure over IndicatorScore, so that `tira compare` can
// regroup the indicators two cycles share with the very same rules.
import type { GroupScore, IndicatorScore, ScoreSettings, Withheld } from '../model/score.js';
import { EPSILON } from './settings.js';
import { weightedMean } from './stats.js';

/** What group figures read of an indicator's figures. */
export type RatedFigures = Pick<IndicatorScore, 'applicable' | 'n' | 'percent' | 'weight' | 'targetPercent'>;

/** An indicator counts towards its groups' figures when it is applicable and has a numeric rating. */
export function isRated(indicator: RatedFigures): boolean {
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
export function groupFigure(indicators: readonly RatedFigures[], settings: ScoreSettings): GroupFigure {
  // One pass, the sums in the indicators' order (as weightedMean over the rated ones would add them):
  // this runs for every group of every role of every agency in a roll-up.
  let applicable = 0;
  let rated = 0;
  let total = 0;
  let targets = 0;
  let weights = 0;
  for (const i of indicators) {
    if (!i.applicable) continue;
    applicable += 1;
    if (i.n >= 1 && i.percent !== null) {
      rated += 1;
      total += i.percent * i.weight;
      targets += i.targetPercent * i.weight;
      weights += i.weight;
    }
  }
  const share = applicable > 0 ? rated / applicable : null;
  let withheld: Withheld | undefined;
  if (indicators.length === 0) withheld = 'no-indicators';
  else if (applicable === 0) withheld = 'not-applicable';
  else if (share === null || rated === 0 || share + EPSILON < settings.minGroupShare) withheld = 'too-few-answers';
  if (withheld) return { percent: null, withheld, indicators: indicators.length, applicable, rated, share, gap: null };
  // As weightedMean: null when the weights add up to 0 (never, for weights > 0).
  const percent = (weights > 0 ? total / weights : null)!;
  const target = (weights > 0 ? targets / weights : null)!;
  const below = target - percent;
  return { percent, indicators: indicators.length, applicable, rated, share, gap: below > EPSILON ? below : 0 };
}

export function scoreGroup(id: string, name: string, indicators: readonly RatedFigures[], settings: ScoreSettings): GroupScore {
  const f = groupFigure(indicators, settings);
  // The keys in the order the result has always had (id, name, the figure, then withheld).
  const out: GroupScore = { id, name, percent: f.percent, indicators: f.indicators, applicable: f.applicable, rated: f.rated, share: f.share, gap: f.gap };
  if (f.withheld) out.withheld = f.withheld;
  return out;
}

/**
 * A rubric's figure: the mean of its principles' shown figures, so that a
 * principle with more indicators does not outweigh the others; shown only when
 * at least half of the rubric's applicable indicators are rated, as for a group.
 */
export function rubricFigure(
  indicators: readonly RatedFigures[],
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
