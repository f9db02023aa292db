// `tira import <dir> <file.csv>`: answers gathered elsewhere, appended to the
// respondents' logs. Every row is checked first; a file with any bad row imports
// nothing. Each respondent's lock is held while their answers are checked against
// their log and appended, so that a walkthrough running at the same time cannot
// interleave with the import.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { RespondentLine } from '../../model/workspace.js';
import { isValidRespondentId, latestAnswers } from '../../workspace/answer-log.js';
import { checkAnswerRows, describeImportProblem, parseAnswerCsv, type ExistingRespondent, type ImportProblem } from '../../workspace/csv-import.js';
import { readWorkspaceOrSay } from '../read-workspace-or-say.js';
import { acquireLock, appendEvents, createLog, readLog, StoreError, type LockHandle } from '../../workspace/store.js';
import { displayPath } from '../../paths.js';
import { shellWord } from '../../workspace/shell-word.js';
import { currentTime } from '../clock.js';
import { ExitCode, UsageError, type Io } from '../io.js';

/** Larger than any real assessment (200 people answering 300 indicators with notes is about 10 MB). */
const MAX_CSV_BYTES = 32 * 1024 * 1024;
const MAX_PROBLEMS_SHOWN = 100;

export interface ImportOptions {
  dir: string;
  file: string;
}

export async function importCommand(options: ImportOptions, io: Io): Promise<number> {
  const at = currentTime(io.env);
  const workspace = await readWorkspaceOrSay(options.dir, io);
  if (!workspace) return ExitCode.usage;
  const workspaceDir = workspace.path;

  const csvPath = resolve(io.cwd, options.file);
  const shown = displayPath(csvPath, io.cwd);
  const text = readCsvText(csvPath, shown);
  const parsed = parseAnswerCsv(text);
  if (!parsed.ok) return reportProblems(parsed.problems, shown, io);

  const ids = [...new Set(parsed.rows.map((r) => r.respondent).filter(isValidRespondentId))].sort();
  const locks: LockHandle[] = [];
  try {
    for (const id of ids) locks.push(acquireLock(workspaceDir, id));
    // Read the logs again under the locks: a walkthrough may have written since.
    const existing = new Map<string, ExistingRespondent>(workspace.respondents.map((r) => [r.id, { role: r.role, answers: r.answers }]));
    for (const id of ids) {
      const log = readLog(workspaceDir, id, displayPath(resolve(workspaceDir, 'responses', `${id}.jsonl`), io.cwd));
      if (log && !log.ok) throw new UsageError(log.error);
      if (log?.ok) existing.set(id, { role: log.log.header.role, answers: latestAnswers(log.log.events) });
    }

    const checked = checkAnswerRows(parsed.rows, {
      rubrics: workspace.rubrics,
      roles: workspace.assessment.roles,
      existing,
      source: `import:${basename(csvPath)}`,
      at,
      workspace: options.dir,
    });
    if (!checked.ok) return reportProblems(checked.problems, shown, io);

    const { plan } = checked;
    const pinned = Object.fromEntries(workspace.assessment.rubrics.map((r) => [r.id, r.version]));
    for (const respondent of plan.respondents) {
      if (respondent.isNew) {
        const header: RespondentLine = { type: 'respondent', format: 1, id: respondent.id, role: respondent.role, rubrics: pinned, created: at };
        createLog(workspaceDir, header);
      }
      appendEvents(workspaceDir, respondent.id, respondent.events);
    }

    const created = plan.respondents.filter((r) => r.isNew).length;
    const people = plan.respondents.length;
    const parts = [
      `${count(plan.added, 'answer')} added`,
      `${plan.replaced} replaced an earlier answer`,
      `${plan.unchanged} unchanged (already there, not added again)`,
    ];
    io.stdout(`${shown}: ${parts.join(', ')}; ${count(people, 'respondent')}${created > 0 ? ` (${created} new)` : ''}.\n`);
    const unanswered = plan.blank - plan.forOtherRoles;
    if (unanswered > 0) io.stdout(`${count(unanswered, 'row')} had no rating and ${unanswered === 1 ? 'was' : 'were'} left as not answered.\n`);
    if (plan.forOtherRoles > 0) io.stdout(`${count(plan.forOtherRoles, 'row')} for indicators the respondent's role cannot rate ${plan.forOtherRoles === 1 ? 'was' : 'were'} empty, as ${plan.forOtherRoles === 1 ? 'it' : 'they'} should be: nothing to import.\n`);
    io.stdout(`Next: tira status ${shellWord(options.dir)}\n`);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof StoreError) throw new UsageError(error.message);
    throw error;
  } finally {
    for (const lock of locks) lock.release();
  }
}

function readCsvText(path: string, shown: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${shown}: is a folder; name the CSV file to import`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${shown}: no such file; check the path (make a form to fill in with \`tira export-form\`)`);
  }
  if (size > MAX_CSV_BYTES) throw new UsageError(`${shown}: ${Math.round(size / 1024 / 1024)} MB is more than an assessment's answers can be; check that this is the right file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${shown}: not UTF-8 text; save it again as "CSV UTF-8" (in Excel: Save As, CSV UTF-8 (Comma delimited))`);
  }
}

function reportProblems(problems: readonly ImportProblem[], shown: string, io: Io): number {
  for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`${shown}:${p.line}: ${describeImportProblem(p)}\n`);
  if (problems.length > MAX_PROBLEMS_SHOWN) io.stderr(`... and ${problems.length - MAX_PROBLEMS_SHOWN} more.\n`);
  io.stderr(`${shown}: ${count(problems.length, 'problem')}; nothing was imported. Fix the rows and run the import again.\n`);
  return ExitCode.findings;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
