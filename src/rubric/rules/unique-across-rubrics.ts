// Rubrics loaded together share one namespace: answer files and reports refer to
// rubrics and indicators by id alone, so neither may repeat across files.
import type { PathFinding } from '../../model/finding.js';
import type { CrossFileRule } from './types.js';

export const uniqueAcrossRubrics: CrossFileRule = {
  ids: ['duplicate-rubric-id', 'duplicate-indicator-id'],
  check(rubrics) {
    const findings: PathFinding[] = [];
    const rubricIds = new Map<string, string>();
    const indicatorIds = new Map<string, string>();
    for (const rubric of rubrics) {
      const firstFile = rubricIds.get(rubric.id);
      if (firstFile !== undefined) {
        findings.push({
          rule: 'duplicate-rubric-id',
          severity: 'error',
          file: rubric.file,
          path: ['id'],
          message: `rubric id "${rubric.id}" is also used by ${firstFile}; give each rubric its own id`,
        });
      } else rubricIds.set(rubric.id, rubric.file);

      for (const indicator of rubric.indicators) {
        const first = indicatorIds.get(indicator.id);
        if (first === undefined) indicatorIds.set(indicator.id, rubric.file);
        // Repeats inside one file are the duplicate-id rule's to report.
        else if (first !== rubric.file) {
          findings.push({
            rule: 'duplicate-indicator-id',
            severity: 'error',
            file: rubric.file,
            path: indicator.path,
            message: `indicator id "${indicator.id}" is also used in ${first}; indicator ids must be unique across all rubrics (prefix them with the rubric id)`,
          });
        }
      }
    }
    return findings;
  },
};
