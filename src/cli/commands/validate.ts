// `tira validate [paths...]`: find the files, load and check them, print each
// file's findings in the chosen format as soon as it is checked (so that memory
// stays bounded however many files there are), and exit 1 if any file has an error.
import type { FileReport } from '../../model/finding.js';
import { bundledRubricFiles, bundledRubricsDir, bundledTermList } from '../../paths.js';
import { findingsReporters, type FindingsFormat } from '../../reporters/findings/index.js';
import { addToTotals, emptyTotals } from '../../reporters/findings/summary.js';
import { plainStyle } from '../../reporters/findings/types.js';
import { findYamlFiles, reportUnreadableFolder } from '../../rubric/find-files.js';
import { streamReports } from '../../rubric/load.js';
import { escapeControl } from '../../reporters/escape.js';
import { textStyle } from '../color.js';
import { ExitCode, UsageError, type Io } from '../io.js';

export interface ValidateOptions {
  paths: readonly string[];
  format: FindingsFormat;
  strict: boolean;
}

export async function validateCommand(options: ValidateOptions, io: Io): Promise<number> {
  const paths = options.paths.length > 0 ? options.paths : [bundledRubricsDir];
  const found = await findYamlFiles(paths, io.cwd);
  if (!found.ok) throw new UsageError(`${escapeControl(found.missing)}: no such file or folder; check the path`);
  if (found.files.length === 0 && found.unreadable.length === 0) throw new UsageError(`no .yaml or .yml files in ${escapeControl(paths.join(', '))}`);

  const style = options.format === 'text' ? await textStyle(io) : plainStyle;
  const reporter = findingsReporters[options.format]({ style });
  const totals = emptyTotals();
  // Waits whenever stdout asks to, so that what is not written yet cannot pile up.
  const write = async (text: string) => {
    if (text !== '') await io.stdout(text);
  };
  const show = async (report: FileReport) => {
    const final = options.strict ? promoteWarnings(report) : report;
    await write(reporter.file(final, totals.files));
    addToTotals(totals, final);
  };

  await write(reporter.start());
  for await (const { report } of streamReports(found.files, { cwd: io.cwd, termListFile: bundledTermList, keepRubrics: false, alongside: bundledRubricFiles() })) await show(report);
  for (const folder of found.unreadable) await show(reportUnreadableFolder(folder, io.cwd));
  await write(reporter.end(totals));
  return totals.errors > 0 ? ExitCode.findings : ExitCode.ok;
}

/** Under --strict a warning fails the run like an error, and says so. */
function promoteWarnings(report: FileReport): FileReport {
  return { ...report, findings: report.findings.map((f) => (f.severity === 'warning' ? { ...f, severity: 'error' } : f)) };
}
