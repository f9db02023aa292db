// An indicator's weight scales its share of a score; zero or less would hide it
// or turn a strength into a gap.
import type { FileRule } from './types.js';

export const weightPositive: FileRule = {
  ids: ['weight-not-positive'],
  check(file, kind, data) {
    if (kind !== 'rubric') return [];
    const indicators = (data as { indicators?: unknown }).indicators;
    if (!Array.isArray(indicators)) return [];
    return indicators.flatMap((indicator: { weight?: unknown; id?: unknown }, i) =>
      typeof indicator?.weight === 'number' && !(indicator.weight > 0)
        ? [
            {
              rule: 'weight-not-positive',
              severity: 'error' as const,
              file,
              path: ['indicators', i, 'weight'],
              message: `indicator "${String(indicator.id)}" has weight ${indicator.weight}; weights must be greater than 0 (leave weight out for the default of 1)`,
            },
          ]
        : [],
    );
  },
};
