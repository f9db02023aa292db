// A rating scale's level values must go up, lowest first, so that scores can be
// compared and averaged. (The schema already makes them whole numbers.)
import type { PathFinding } from '../../model/finding.js';
import type { Level, TiraRatingScale, TiraRubric } from '../../model/schema-types.generated.js';
import type { FileRule } from './types.js';

export const scaleValues: FileRule = {
  ids: ['scale-values'],
  check(file, kind, data) {
    const lists: [Level[], string[]][] = [];
    if (kind === 'scale') lists.push([(data as TiraRatingScale).levels, ['levels']]);
    else if (kind === 'rubric') {
      // A rubric that names a scale file leaves the check to that file.
      for (const key of ['scale', 'experienceScale'] as const) {
        const scale = (data as TiraRubric)[key];
        if (scale !== undefined && typeof scale !== 'string') lists.push([scale.levels, [key, 'levels']]);
      }
    }
    const findings: PathFinding[] = [];
    for (const [levels, base] of lists) {
      levels.forEach(({ value }, i) => {
        const previous = levels[i - 1]?.value;
        if (previous !== undefined && value <= previous) {
          findings.push({
            rule: 'scale-values',
            severity: 'error',
            file,
            path: [...base, i, 'value'],
            message: `scale value ${value} must be greater than the level before it (${previous}); list levels from lowest to highest`,
          });
        }
      });
    }
    return findings;
  },
};
