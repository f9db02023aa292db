// Findings for scripts: an array with one entry per file (documented in the README),
// written entry by entry. JSON escapes control characters itself.
import { countBySeverity } from '../../model/finding.js';
import type { CreateFindingsReporter } from './types.js';

export const createJsonReporter: CreateFindingsReporter = () => ({
  start: () => '[',
  file(report, index) {
    const { errors, warnings } = countBySeverity(report.findings);
    const entry = {
      file: report.file,
      kind: report.kind ?? null,
      errorCount: errors,
      warningCount: warnings,
      findings: report.findings.map(({ rule, severity, line, col, message }) => ({ rule, severity, line, col, message })),
    };
    // The same layout as JSON.stringify(array, null, 2), one element at a time.
    return `${index > 0 ? ',' : ''}\n  ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ')}`;
  },
  end: (totals) => `${totals.files > 0 ? '\n' : ''}]\n`,
});
