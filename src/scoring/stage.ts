// The readiness stage a percent reaches on a rubric's thresholds, held below the
// rubric's critical gate while any critical indicator is short of its level.
// Always indicative: the thresholds are a rubric author's, not validated.
import type { Rubric } from '../model/rubric.js';
import type { IndicatorScore, StageResult } from '../model/score.js';
import { EPSILON } from './settings.js';

/** The highest stage whose minPercent the percent reaches (stages lowest first). */
function stageIndex(rubric: Pick<Rubric, 'stages'>, percent: number): number {
  let reached = 0;
  rubric.stages.forEach((stage, index) => {
    if (percent + EPSILON >= stage.minPercent) reached = index;
  });
  return reached;
}

/**
 * The critical indicators that keep a gate closed: applicable ones whose mean is
 * below the gate's level, and applicable ones not rated yet (a stage that needs
 * every critical practice in place cannot be claimed for one nobody has rated).
 */
export function criticalHolders(indicators: readonly IndicatorScore[], minLevel: number): string[] {
  return indicators
    .filter((i) => i.critical && i.applicable && (i.mean === null || i.mean + EPSILON < minLevel))
    .map((i) => i.id);
}

/** The stage for a percent, capped by the critical gate over the given indicators (the rubric's or a principle's). */
export function stageFor(
  rubric: Pick<Rubric, 'stages' | 'criticalGate'>,
  percent: number | null,
  indicators: readonly IndicatorScore[],
): StageResult | null {
  if (percent === null || rubric.stages.length === 0) return null;
  const reached = stageIndex(rubric, percent);
  const stage = rubric.stages[reached]!;
  const gate = rubric.criticalGate;
  const gateIndex = gate ? rubric.stages.findIndex((s) => s.id === gate.stage) : -1;
  if (gate && gateIndex > 0 && reached >= gateIndex) {
    const heldBy = criticalHolders(indicators, gate.minLevel);
    if (heldBy.length > 0) {
      const capped = rubric.stages[gateIndex - 1]!;
      return { id: capped.id, name: capped.name, indicative: true, cappedFrom: { id: stage.id, name: stage.name }, heldBy };
    }
  }
  return { id: stage.id, name: stage.name, indicative: true, heldBy: [] };
}
