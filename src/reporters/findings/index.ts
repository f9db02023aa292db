// The output formats of `tira validate`. Adding one: a file and an entry here.
import type { FileReport } from '../../model/finding.js';
import { createGithubReporter } from './github.js';
import { createJsonReporter } from './json.js';
import { totalsOf } from './summary.js';
import { createTextReporter } from './text.js';
import type { CreateFindingsReporter, FindingsReportOptions } from './types.js';

export type FindingsFormat = 'text' | 'json' | 'github';

export const findingsReporters = {
  text: createTextReporter,
  json: createJsonReporter,
  github: createGithubReporter,
} satisfies Record<FindingsFormat, CreateFindingsReporter>;

/** A whole run's output as one string: for tests, and for callers with few reports. */
export function renderFindings(format: FindingsFormat, reports: readonly FileReport[], options: FindingsReportOptions): string {
  const reporter = findingsReporters[format](options);
  return reporter.start() + reports.map((report, i) => reporter.file(report, i)).join('') + reporter.end(totalsOf(reports));
}
