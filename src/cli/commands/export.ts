// `tira export <dir>`: what an agency sends to a network roll-up. Reads and
// scores the workspace, reduces the result to the agency export (figures only,
// small cells withheld), and prints or writes it, saying on stderr what it holds.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { exportScore } from '../../aggregate/agency-export.js';
import { displayPath } from '../../paths.js';
import { renderAgencyExport } from '../../reporters/agency-export.js';
import { scoreAssessment } from '../../scoring/score.js';
import { readWorkspace } from '../../workspace/read-workspace.js';
import { ExitCode, type Io } from '../io.js';
import { writeFileAtomic } from '../write-files.js';

export interface ExportCommandOptions {
  dir: string;
  out?: string;
  tiraVersion: string;
  generatedAt: string;
}

/** A file name for the export: the agency and cycle, in letters, digits and dashes. */
export function exportFileName(agency: string, cycle: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  return `${[slug(agency) || 'agency', slug(cycle)].filter(Boolean).join('-')}.tira-export.json`;
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

export async function exportCommand(options: ExportCommandOptions, io: Io): Promise<number> {
  const read = await readWorkspace(options.dir, { cwd: io.cwd });
  if (!read.ok) {
    for (const error of read.errors) io.stderr(`tira: ${error}\n`);
    return ExitCode.usage;
  }
  const { workspace } = read;
  for (const warning of workspace.warnings) io.stderr(`tira: warning: ${warning}\n`);
  const score = scoreAssessment(workspace, { tiraVersion: options.tiraVersion, generatedAt: options.generatedAt });
  const exp = exportScore(score);
  const content = renderAgencyExport(exp);

  if (options.out === undefined) io.stdout(content);
  else {
    const target = resolve(io.cwd, options.out);
    // A folder when it is one, or when the name ends with a slash (then it is made).
    const asFolder = isFolder(target) || /[\\/]$/.test(options.out);
    const file = asFolder ? join(target, exportFileName(exp.agency, exp.cycle)) : target;
    try {
      mkdirSync(dirname(file), { recursive: true });
      // Figures only, nothing about a person: readable by others, like any file the agency sends.
      writeFileAtomic(file, content, 0o644);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      io.stderr(`tira: cannot write ${displayPath(file, io.cwd)} (${code}); name a file or folder you may write to with --out\n`);
      return ExitCode.usage;
    }
    io.stderr(`tira: wrote ${asFolder ? join(options.out, exportFileName(exp.agency, exp.cycle)) : options.out}\n`);
  }

  const small = score.perspectives.roles.filter((r) => r.hidden === 'small-cell').map((r) => r.name);
  const complementary = score.perspectives.roles.filter((r) => r.hidden === 'complementary').map((r) => r.name);
  const withheld = [
    ...(small.length > 0 ? [`${small.join(', ')}: fewer than ${score.perspectives.smallCellThreshold} respondents`] : []),
    ...(complementary.length > 0 ? [`${complementary.join(', ')}: hidden so that a smaller group's figures cannot be worked out from the rest`] : []),
  ];
  const rated = exp.indicators.filter((i) => i.n > 0).length;
  io.stderr(
    `tira: ${exp.agency} · ${exp.cycle}: ${exp.rubrics.map((r) => `${r.id} ${r.version}`).join(', ')}; ${rated} of ${exp.indicators.length} practices rated; ` +
      `figures for ${exp.roles.length === 1 ? '1 role' : `${exp.roles.length} roles`}` +
      (withheld.length > 0 ? ` (none for ${withheld.join('; ')})` : '') +
      '. No respondent codes, answers or notes.\n',
  );
  if (rated === 0) io.stderr(`tira: ${options.dir} has no answers yet, so the export has no figures.\n`);
  return ExitCode.ok;
}
