// The statistics of a network figure: the mean of the agencies' figures and their
// distribution. Pure. Values are sorted before they are summed, so that the order
// in which agencies were read cannot change a figure in its last digit.

export interface Distribution {
  mean: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * The p-quantile (0-1) of values sorted ascending, by linear interpolation between
 * the closest ranks: h = (n - 1)p, the value at floor(h) plus (h - floor(h)) times
 * the step to the next (Hyndman and Fan's type 7; R's and numpy's default).
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The mean of the values summed in ascending order, as `distribution` computes it, without the quartiles. */
export function sortedMean(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const v of sorted) total += v;
  return total / sorted.length;
}

/** Mean, min, quartiles and max; null for no values. */
export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically without a comparator, several times faster.
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const v of sorted) total += v;
  return {
    mean: total / sorted.length,
    min: sorted[0]!,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
  };
}

/** Compares rubric versions as semver (1.10.0 after 1.9.0); anything else as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Code-point order, the same on every machine (localeCompare is not). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
