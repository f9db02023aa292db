// Small statistics over plain numbers: means, sample variance, within-group
// agreement. Pure; sums run in the order given, so callers sort first where
// order must not matter.
import type { Scale } from '../model/rubric.js';

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** Sample variance (n - 1); null below two values. */
export function sampleVariance(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = sum(values) / values.length;
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return squares / (values.length - 1);
}

export function weightedMean(pairs: readonly { value: number; weight: number }[]): number | null {
  let total = 0;
  let weights = 0;
  for (const { value, weight } of pairs) {
    total += value * weight;
    weights += weight;
  }
  return weights > 0 ? total / weights : null;
}

export interface ScaleRange {
  min: number;
  max: number;
  /** Number of levels (A). */
  points: number;
  /** σ²_EU: the variance of answers spread evenly over the levels; (A² - 1) / 12 for A consecutive whole numbers. */
  uniformVariance: number;
}

export function scaleRange(scale: Scale): ScaleRange {
  const values = scale.levels.map((l) => l.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const m = sum(values) / values.length;
  const uniformVariance = sum(values.map((v) => (v - m) ** 2)) / values.length;
  return { min, max, points: values.length, uniformVariance };
}

/** A value as a percent of its scale: (value - min) / (max - min) x 100. */
export function percentOf(range: ScaleRange, value: number): number {
  if (range.max === range.min) return 0;
  return ((value - range.min) / (range.max - range.min)) * 100;
}

/** A percent back in points of a scale. */
export function pointsOf(range: ScaleRange, percent: number): number {
  return range.min + (percent / 100) * (range.max - range.min);
}

/** r_wg = 1 - s² / σ²_EU, floored at 0 (James, Demaree & Wolf, 1984). */
export function rwg(variance: number, uniformVariance: number): number {
  if (uniformVariance <= 0) return 0;
  return Math.max(0, 1 - variance / uniformVariance);
}

/**
 * r_wg(J) over J items: J(1 - s̄²/σ²_EU) / (J(1 - s̄²/σ²_EU) + s̄²/σ²_EU), where s̄²
 * is the mean of the items' variances; 0 when s̄² reaches σ²_EU (the formula turns
 * meaningless there, and the usual practice is to report no agreement).
 */
export function rwgJ(variances: readonly number[], uniformVariance: number): number | null {
  const J = variances.length;
  if (J === 0 || uniformVariance <= 0) return null;
  const ratio = sum(variances) / J / uniformVariance;
  if (ratio >= 1) return 0;
  return (J * (1 - ratio)) / (J * (1 - ratio) + ratio);
}
