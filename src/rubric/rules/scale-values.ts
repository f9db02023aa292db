// A rating scale's level values must go up, lowest first, so that scores can be
// compared and averaged. (The schema already makes them whole numbers.)
import type { PathFinding } from '../../model/finding.js';
import type { Level, TiraRatingScale, TiraRubric } from '../../model/schema-types.generated.js';
import type { FileRule } from './types.js';

export const scaleValues: FileRule = {
  ids: ['scale-values'],
  check(file, kind, data) {
    let levels: Level[];
    let base: string[];
    if (kind === 'scale') [levels, base] = [(data as TiraRatingScale).levels, ['levels']];
    else {
      const scale = kind === 'rubric' ? (data as TiraRubric).scale : undefined;
      // A rubric that names a scale file leaves the check to that file.
      if (scale === undefined || typeof scale === 'string') return [];
      [levels, base] = [scale.levels, ['scale', 'levels']];
    }
    const findings: PathFinding[] = [];
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
    return findings;
  },
};
