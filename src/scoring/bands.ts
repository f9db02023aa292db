// Where a figure stands against the target, in one place, so that each reporter
// maps the same bands to its own look (a colour, a CSS class, a CSV column).
export type Band = 'met' | 'near' | 'far';

/** met: at or above the target; near: less than `step` points below it (one level of a 0-4 scale); far: further. */
export function bandFor(percent: number | null, targetPercent: number, step = 25): Band | null {
  if (percent === null) return null;
  const gap = targetPercent - percent;
  if (gap <= 1e-9) return 'met';
  return gap < step ? 'near' : 'far';
}
