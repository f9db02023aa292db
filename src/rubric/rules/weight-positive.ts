// An indicator's weight scales its share of a score; zero or less would hide it
// or turn a strength into a gap.
import type { TiraRubric } from '../../model/schema-types.generated.js';
import type { FileRule } from './types.js';

export const weightPositive: FileRule = {
  ids: ['weight-not-positive'],
  check(file, kind, data) {
    if (kind !== 'rubric') return [];
    return (data as TiraRubric).indicators.flatMap(({ id, weight }, i) =>
      weight !== undefined && !(weight > 0)
        ? [
            {
              rule: 'weight-not-positive',
              severity: 'error' as const,
              file,
              path: ['indicators', i, 'weight'],
              message: `indicator "${id}" has weight ${weight}; weights must be greater than 0 (leave weight out for the default of 1)`,
            },
          ]
        : [],
    );
  },
};
