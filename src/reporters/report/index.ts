// The report formats of `tira report`. Adding one: a reporter file and an entry
// here. PDF is not among them: the command prints the HTML report with a browser.
import { renderCsvReport } from './csv.js';
import { renderHtmlReport } from './html.js';
import { renderJsonReport } from './json.js';
import { renderMarkdownReport } from './markdown.js';
import type { Reporter, ReportFormat } from './types.js';

export const reportReporters = {
  md: renderMarkdownReport,
  csv: renderCsvReport,
  json: renderJsonReport,
  html: renderHtmlReport,
} satisfies Record<ReportFormat, Reporter>;
