// A rating scale's level values must go up, lowest first, so that scores can be
// compared and averaged. (The schema already makes them whole numbers.)
import type { PathFinding } from '../../model/finding.js';
import type { FileRule } from './types.js';

export const scaleValues: FileRule = {
  ids: ['scale-values'],
  check(file, kind, data) {
    const record = data as { scale?: unknown; levels?: unknown };
    const [levels, base] =
      kind === 'scale'
        ? [record.levels, ['levels']]
        : kind === 'rubric' && record.scale !== null && typeof record.scale === 'object'
          ? [(record.scale as { levels?: unknown }).levels, ['scale', 'levels']]
          : [undefined, []];
    if (!Array.isArray(levels)) return [];
    const findings: PathFinding[] = [];
    let previous: number | undefined;
    levels.forEach((level: { value?: unknown }, i) => {
      const value = level?.value;
      if (typeof value !== 'number') return;
      if (previous !== undefined && value <= previous) {
        findings.push({
          rule: 'scale-values',
          severity: 'error',
          file,
          path: [...base, i, 'value'],
          message: `scale value ${value} must be greater than the level before it (${previous}); list levels from lowest to highest`,
        });
      }
      previous = value;
    });
    return findings;
  },
};
