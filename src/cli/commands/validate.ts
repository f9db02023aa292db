// `tira validate [paths...]`: find the files, load and check them, print the
// findings in the chosen format, and exit 1 if any file has an error.
import { countBySeverity, type FileReport } from '../../model/finding.js';
import { bundledRubricsDir, bundledTermList } from '../../paths.js';
import { findingsReporters, type FindingsFormat } from '../../reporters/findings/index.js';
import { plainStyle } from '../../reporters/findings/types.js';
import { findYamlFiles } from '../../rubric/find-files.js';
import { loadFiles } from '../../rubric/load.js';
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
  if (!found.ok) throw new UsageError(`${found.missing}: no such file or folder; check the path`);
  if (found.files.length === 0) throw new UsageError(`no .yaml or .yml files in ${paths.join(', ')}`);

  const { reports } = await loadFiles(found.files, { cwd: io.cwd, termListFile: bundledTermList, keepRubrics: false });
  const final = options.strict ? reports.map(promoteWarnings) : reports;

  const style = options.format === 'text' ? await textStyle(io) : plainStyle;
  io.stdout(findingsReporters[options.format](final, { style }));
  return final.some((r) => countBySeverity(r.findings).errors > 0) ? ExitCode.findings : ExitCode.ok;
}

/** Under --strict a warning fails the run like an error, and says so. */
function promoteWarnings(report: FileReport): FileReport {
  return { ...report, findings: report.findings.map((f) => (f.severity === 'warning' ? { ...f, severity: 'error' } : f)) };
}
