// The closing line of `tira validate`: how many problems in how many files.
import { countBySeverity, type FileReport } from '../../model/finding.js';

export function summarize(reports: readonly FileReport[]): string {
  const all = reports.flatMap((r) => r.findings);
  const { errors, warnings } = countBySeverity(all);
  const files = reports.length;
  const checked = `${files} file${files === 1 ? '' : 's'} checked`;
  if (errors === 0 && warnings === 0) return `${checked}: no problems.`;
  const withFindings = reports.filter((r) => r.findings.length > 0).length;
  const parts = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `${checked}: ${parts.join(' and ')} in ${withFindings} file${withFindings === 1 ? '' : 's'}.`;
}
