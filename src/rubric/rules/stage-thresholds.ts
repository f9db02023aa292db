// Readiness stages are reached by an overall percent: thresholds must lie within
// 0-100, go up, and start at 0 so that every score reaches some stage.
import type { PathFinding } from '../../model/finding.js';
import type { TiraRubric } from '../../model/schema-types.generated.js';
import type { FileRule } from './types.js';

export const stageThresholds: FileRule = {
  ids: ['stage-thresholds'],
  check(file, kind, data) {
    if (kind !== 'rubric') return [];
    const findings: PathFinding[] = [];
    const report = (i: number, message: string) =>
      findings.push({ rule: 'stage-thresholds', severity: 'error', file, path: ['stages', i, 'minPercent'], message });
    let previous: number | undefined;
    (data as TiraRubric).stages.forEach(({ id, minPercent: min }, i) => {
      const name = `stage "${id}"`;
      if (min < 0 || min > 100) report(i, `${name} has minPercent ${min}; thresholds must be between 0 and 100`);
      else if (i === 0 && min !== 0) report(i, `${name} is the first stage, so its minPercent must be 0 (it is ${min}); otherwise low scores reach no stage`);
      else if (previous !== undefined && min <= previous) report(i, `${name} has minPercent ${min}, not above the stage before it (${previous}); list stages from lowest to highest`);
      previous = min;
    });
    return findings;
  },
};
