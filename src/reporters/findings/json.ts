// Findings for scripts: an array with one entry per file (documented in the README).
import { countBySeverity } from '../../model/finding.js';
import type { FindingsReporter } from './types.js';

export const renderFindingsJson: FindingsReporter = (reports) => {
  const files = reports.map((report) => {
    const { errors, warnings } = countBySeverity(report.findings);
    return {
      file: report.file,
      kind: report.kind ?? null,
      errorCount: errors,
      warningCount: warnings,
      findings: report.findings.map(({ rule, severity, line, col, message }) => ({ rule, severity, line, col, message })),
    };
  });
  return `${JSON.stringify(files, null, 2)}\n`;
};
