// `tira export <dir>`: what an agency sends to a network roll-up. Reads and
// scores the workspace, reduces the result to the agency export (figures only,
// small cells withheld), and prints or writes it, saying on stderr what it holds.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { exportScore } from '../../aggregate/agency-export.js';
import { makeFolders } from '../../make-folders.js';
import { displayPath } from '../../paths.js';
import { renderAgencyExport } from '../../reporters/agency-export.js';
import { scoreAssessment } from '../../scoring/score.js';
import { ExitCode, type Io } from '../io.js';
import { readWorkspaceOrSay } from '../read-workspace-or-say.js';
import { isFolder, writeFailureWords, writeFileAtomic } from '../write-files.js';

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
  // A name with no Latin letters or digits (Cyrillic, Chinese...) gets a short hash of itself, so that two such agencies' files differ.
  const name = slug(agency) || `agency-${createHash('sha256').update(agency).digest('hex').slice(0, 8)}`;
  return `${[name, slug(cycle)].filter(Boolean).join('-')}.tira-export.json`;
}

/** Whether a file starts as a tira export does: the first few hundred bytes name the format. */
function isAgencyExport(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(512);
      const length = readSync(fd, head, 0, head.length, 0);
      return /^\s*\{\s*"format"\s*:\s*"tira-export"/.test(head.subarray(0, length).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

export async function exportCommand(options: ExportCommandOptions, io: Io): Promise<number> {
  const workspace = await readWorkspaceOrSay(options.dir, io);
  if (!workspace) return ExitCode.usage;
  const score = scoreAssessment(workspace, { tiraVersion: options.tiraVersion, generatedAt: options.generatedAt });
  const exp = exportScore(score);
  const rated = exp.indicators.filter((i) => i.percent !== null).length;
  if (rated === 0) {
    io.stderr(`tira: ${options.dir} has no figures yet, so there is nothing to send: record answers with \`tira assess ${options.dir}\` or \`tira import\` first\n`);
    return ExitCode.usage;
  }
  const content = renderAgencyExport(exp);

  if (options.out === undefined) io.stdout(content);
  else {
    const target = resolve(io.cwd, options.out);
    // A folder when it is one, or when the name ends with a slash (then it is made).
    const asFolder = isFolder(target) || /[\\/]$/.test(options.out);
    const file = asFolder ? join(target, exportFileName(exp.agency, exp.cycle)) : target;
    const shown = displayPath(file, io.cwd);
    // An export replaces an earlier export, never another file (a workspace's assessment.yaml, an answer log).
    if (existsSync(file) && !isAgencyExport(file)) {
      io.stderr(`tira: ${shown} exists and is not a tira export; tira export replaces only an earlier export: name another file with --out\n`);
      return ExitCode.usage;
    }
    try {
      makeFolders(dirname(file));
      // Figures only, nothing about a person: readable by others, like any file the agency sends.
      writeFileAtomic(file, content, 0o644);
    } catch (error) {
      io.stderr(`tira: cannot write ${shown}: ${writeFailureWords(error)}; name a file or folder you may write to with --out\n`);
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
  io.stderr(
    `tira: ${exp.agency} · ${exp.cycle}: ${exp.rubrics.map((r) => `${r.id} ${r.version}`).join(', ')}; figures for ${rated} of ${exp.indicators.length} practices ` +
      `and for ${exp.roles.length === 1 ? '1 role' : `${exp.roles.length} roles`}` +
      (withheld.length > 0 ? ` (none for ${withheld.join('; ')})` : '') +
      '. No respondent codes, answers or notes.\n',
  );
  return ExitCode.ok;
}
