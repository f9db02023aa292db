// Findings as GitHub Actions workflow commands, so that each one shows as an
// annotation on the line of the pull request it belongs to.
import { escapeControl } from '../escape.js';
import type { CreateFindingsReporter } from './types.js';
import { summarize } from './summary.js';

// The escapes GitHub's runner expects in workflow commands; other control
// characters become visible escapes, as in the text format.
function escapeData(text: string): string {
  return escapeControl(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const createGithubReporter: CreateFindingsReporter = () => ({
  start: () => '',
  file: (report) =>
    report.findings
      .map((f) => `::${f.severity} file=${escapeProperty(f.file)},line=${f.line},col=${f.col},title=${escapeProperty(`tira ${f.rule}`)}::${escapeData(f.message)}\n`)
      .join(''),
  end: (totals) => `${summarize(totals)}\n`,
});
