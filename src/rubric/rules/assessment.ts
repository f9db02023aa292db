// Checks of an assessment.yaml beyond its schema, so that `tira validate` finds
// what the other commands would refuse or score wrongly: a date that is no day of
// the calendar, a small-cell threshold that lets one person's answers be read
// from a report, a role id that is not a bundled role. (Whether targetLevel is a
// level of each pinned rubric's scale needs the rubrics loaded: the workspace
// reader checks that, src/workspace/read-workspace.ts.)
import type { PathFinding } from '../../model/finding.js';
import type { TiraAssessment } from '../../model/schema-types.generated.js';
import { closestName } from '../schema-check.js';
import type { FileRule } from './types.js';

/** Below this, a role's figure can be one or two people's answers. */
export const SAFE_SMALL_CELL_THRESHOLD = 3;

export const assessmentSettings: FileRule = {
  ids: ['assessment-date-invalid', 'small-cell-threshold-low', 'assessment-unknown-role'],
  check(file, kind, data, { roles }) {
    if (kind !== 'assessment') return [];
    const assessment = data as TiraAssessment;
    const findings: PathFinding[] = [];

    if (!isCalendarDate(assessment.date)) {
      findings.push({
        rule: 'assessment-date-invalid',
        severity: 'error',
        file,
        path: ['date'],
        message: `date "${assessment.date}" is not a day of the calendar; write the day the cycle started as YYYY-MM-DD, such as 2026-03-02`,
      });
    }

    if (assessment.smallCellThreshold < SAFE_SMALL_CELL_THRESHOLD) {
      findings.push({
        rule: 'small-cell-threshold-low',
        severity: 'warning',
        file,
        path: ['smallCellThreshold'],
        message: `smallCellThreshold ${assessment.smallCellThreshold} lets reports show a role with fewer than ${SAFE_SMALL_CELL_THRESHOLD} respondents: figures of one or two people could be read from reports; use ${SAFE_SMALL_CELL_THRESHOLD} or more`,
      });
    }

    if (roles) {
      const known = roles.roles.map((r) => r.id);
      assessment.roles.forEach((entry, i) => {
        if (typeof entry !== 'string' || known.includes(entry)) return;
        const suggestion = closestName(entry, known);
        findings.push({
          rule: 'assessment-unknown-role',
          severity: 'error',
          file,
          path: ['roles', i],
          message:
            `role "${entry}" is not a bundled role${suggestion ? `; did you mean "${suggestion}"?` : ''} ` +
            `(bundled: ${known.join(', ')}); or write your own role out in full with id, name, description and voice`,
        });
      });
    }
    return findings;
  },
};

/** Whether YYYY-MM-DD (the schema has checked the form) names a day that exists: no month 13, no 31 April, 29 February only in leap years. */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC, so that no time zone moves it.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
