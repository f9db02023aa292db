// Findings for people at a terminal: `path:line:col  error  message  (rule)`, one
// per line, then a summary. File names and messages echo file content, so their
// control characters are shown as escapes, never sent to the terminal.
import { escapeControl } from '../escape.js';
import type { CreateFindingsReporter } from './types.js';
import { summarize } from './summary.js';

export const createTextReporter: CreateFindingsReporter = ({ style: c }) => ({
  start: () => '',
  file(report) {
    let out = '';
    for (const f of report.findings) {
      const severity = f.severity === 'error' ? c.red('error') : c.yellow('warning');
      out += `${c.bold(`${escapeControl(f.file)}:${f.line}:${f.col}`)}  ${severity}  ${escapeControl(f.message)}  ${c.dim(`(${f.rule})`)}\n`;
    }
    return out;
  },
  end(totals) {
    const summary = summarize(totals);
    const coloured = totals.errors > 0 ? c.red(summary) : totals.warnings > 0 ? c.yellow(summary) : c.green(summary);
    return `${totals.errors + totals.warnings > 0 ? '\n' : ''}${coloured}\n`;
  },
});
