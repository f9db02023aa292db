// Findings for people at a terminal: `path:line:col  error  message  (rule)`, one
// per line, then a summary.
import type { FindingsReporter } from './types.js';
import { summarize } from './summary.js';

export const renderFindingsText: FindingsReporter = (reports, { style: c }) => {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const severity = f.severity === 'error' ? c.red('error') : c.yellow('warning');
      lines.push(`${c.bold(`${f.file}:${f.line}:${f.col}`)}  ${severity}  ${f.message}  ${c.dim(`(${f.rule})`)}`);
    }
  }
  if (lines.length > 0) lines.push('');
  const hasErrors = reports.some((r) => r.findings.some((f) => f.severity === 'error'));
  const summary = summarize(reports);
  lines.push(hasErrors ? c.red(summary) : reports.some((r) => r.findings.length) ? c.yellow(summary) : c.green(summary));
  return `${lines.join('\n')}\n`;
};
