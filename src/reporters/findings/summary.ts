// The closing line of `tira validate`: how many problems in how many files,
// counted as each file's report goes by.
import { countBySeverity, type FileReport } from '../../model/finding.js';

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  filesWithFindings: number;
}

export function emptyTotals(): Totals {
  return { files: 0, errors: 0, warnings: 0, filesWithFindings: 0 };
}

export function addToTotals(totals: Totals, report: FileReport): void {
  const { errors, warnings } = countBySeverity(report.findings);
  totals.files++;
  totals.errors += errors;
  totals.warnings += warnings;
  if (report.findings.length > 0) totals.filesWithFindings++;
}

export function totalsOf(reports: readonly FileReport[]): Totals {
  const totals = emptyTotals();
  for (const report of reports) addToTotals(totals, report);
  return totals;
}

export function summarize({ files, errors, warnings, filesWithFindings }: Totals): string {
  const checked = `${files} file${files === 1 ? '' : 's'} checked`;
  if (errors === 0 && warnings === 0) return `${checked}: no problems.`;
  const parts = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `${checked}: ${parts.join(' and ')} in ${filesWithFindings} file${filesWithFindings === 1 ? '' : 's'}.`;
}
