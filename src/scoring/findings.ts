// The lists a team acts on: priorities (gaps to target), the disagreement agenda
// and the don't-know findings, each ordered so that the first lines matter most.
// NOTE: scoreAssessment feeds the last two staff-only indicator figures.
import type { Disagreement, DontKnowFinding, IndicatorScore, Priority, ScoreSettings } from '../model/score.js';
import { EPSILON } from './settings.js';

/**
 * Indicators below target, ranked: critical ones first (their absence risks
 * re-traumatizing people served, so no number of ordinary gaps may push them out
 * of a top ten), each part by gap x weight, then by gap, then in rubric order.
 */
export function rankPriorities(indicators: readonly IndicatorScore[]): Priority[] {
  const order = new Map(indicators.map((i, index) => [i, index]));
  return indicators
    .filter((i) => i.gap !== null && i.gap > 0 && i.percent !== null && i.applicable)
    .sort(
      (a, b) =>
        Number(b.critical) - Number(a.critical) ||
        b.gap! * b.weight - a.gap! * a.weight ||
        b.gap! - a.gap! ||
        order.get(a)! - order.get(b)!,
    )
    .map((i, index) => ({
      indicator: i.id,
      rubric: i.rubric,
      principle: i.principle,
      domain: i.domain,
      critical: i.critical,
      percent: i.percent!,
      gap: i.gap!,
      gapPoints: i.gapPoints!,
      weight: i.weight,
      score: i.gap! * i.weight,
      rank: index + 1,
    }));
}

/**
 * Indicators whose ratings span `disagreementSpread` scale points or more among
 * two or more respondents, or whose r_wg is below `lowRwg`: largest spread first,
 * then lowest agreement.
 */
export function disagreementAgenda(indicators: readonly IndicatorScore[], settings: ScoreSettings): Disagreement[] {
  const order = new Map(indicators.map((i, index) => [i, index]));
  const out: { d: Disagreement; index: number }[] = [];
  for (const i of indicators) {
    if (i.n < 2 || i.min === null || i.max === null) continue;
    const spread = i.max - i.min;
    const reasons: Disagreement['reasons'] = [];
    if (spread + EPSILON >= settings.disagreementSpread) reasons.push('spread');
    if (i.rwg !== null && i.rwg < settings.lowRwg) reasons.push('low-rwg');
    if (reasons.length === 0) continue;
    out.push({ d: { indicator: i.id, rubric: i.rubric, n: i.n, min: i.min, max: i.max, spread, rwg: i.rwg, reasons }, index: order.get(i)! });
  }
  return out
    .sort((a, b) => b.d.spread - a.d.spread || (a.d.rwg ?? 2) - (b.d.rwg ?? 2) || a.index - b.index)
    .map(({ d }) => d);
}

/** Indicators where unknown / (n + unknown) reaches `dontKnowRate`: a communication gap, highest rate first. */
export function dontKnowFindings(indicators: readonly IndicatorScore[], settings: ScoreSettings): DontKnowFinding[] {
  const order = new Map(indicators.map((i, index) => [i, index]));
  return indicators
    .filter((i) => i.unknown > 0 && i.dontKnowRate !== null && i.dontKnowRate + EPSILON >= settings.dontKnowRate)
    .sort((a, b) => b.dontKnowRate! - a.dontKnowRate! || b.unknown - a.unknown || order.get(a)! - order.get(b)!)
    .map((i) => ({ indicator: i.id, rubric: i.rubric, unknown: i.unknown, answers: i.n + i.unknown, rate: i.dontKnowRate! }));
}
