// Rubrics loaded together share one namespace: answer files and reports refer to
// rubrics and indicators by id alone, so neither may repeat across files. A repeat
// is reported in the later file, so that each file's report is final as soon as
// that file is checked (validate writes it out then).
import type { PathFinding } from '../../model/finding.js';
import type { CrossFileRule } from './types.js';

export const uniqueAcrossRubrics: CrossFileRule = {
  ids: ['duplicate-rubric-id', 'duplicate-indicator-id'],
  start() {
    const rubricIds = new Map<string, string>();
    const indicatorIds = new Map<string, string>();
    return (rubric) => {
      const findings: PathFinding[] = [];
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
      return findings;
    };
  },
};
