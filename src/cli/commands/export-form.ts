// `tira export-form <dir>`: a blank form, as CSV that `tira import` reads back or
// as Markdown to print. With --role, in that role's words and on its scale, and
// only the indicators the role can judge.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAnswerForm, formItemCount } from '../../workspace/answer-form.js';
import { readWorkspace } from '../../workspace/read-workspace.js';
import { renderFormCsv, renderFormMarkdown } from '../../reporters/answer-form.js';
import { displayPath } from '../../paths.js';
import { shellWord } from '../../workspace/shell-word.js';
import { ExitCode, UsageError, type Io } from '../io.js';

export type FormFormat = 'csv' | 'md';

export interface ExportFormOptions {
  dir: string;
  format: FormFormat;
  role?: string;
  rubric?: string;
  out?: string;
}

export async function exportFormCommand(options: ExportFormOptions, io: Io): Promise<number> {
  const read = await readWorkspace(options.dir, { cwd: io.cwd, withoutAnswers: true });
  if (!read.ok) {
    for (const error of read.errors) io.stderr(`tira: ${error}\n`);
    return ExitCode.usage;
  }
  const { assessment, rubrics } = read.workspace;

  let role;
  if (options.role !== undefined) {
    role = assessment.roles.find((r) => r.id === options.role);
    if (!role) throw new UsageError(`--role ${options.role}: not a role of this assessment; use one of: ${assessment.roles.map((r) => r.id).join(', ')}`);
  }
  let chosen = rubrics;
  if (options.rubric !== undefined) {
    chosen = rubrics.filter((r) => r.id === options.rubric);
    if (chosen.length === 0) throw new UsageError(`--rubric ${options.rubric}: not a rubric of this assessment; use one of: ${rubrics.map((r) => r.id).join(', ')}`);
  }

  const form = buildAnswerForm({
    agency: assessment.agency,
    cycle: assessment.cycle,
    smallCellThreshold: assessment.smallCellThreshold,
    rubrics: chosen,
    roles: assessment.roles,
    ...(role ? { role } : {}),
  });
  const items = formItemCount(form);
  if (items === 0) {
    const what = chosen.map((r) => r.id).join(', ');
    throw new UsageError(
      role?.voice === 'experience'
        ? `${role.name} (${role.id}) have nothing to rate in ${what}: no indicator has a statement for them to answer from their own experience yet`
        : `${role?.name ?? 'this role'} can judge no indicator of ${what}; choose another --role or --rubric`,
    );
  }
  const text = options.format === 'md' ? renderFormMarkdown(form) : renderFormCsv(form);

  if (options.out === undefined) {
    io.stdout(text);
    return ExitCode.ok;
  }
  const path = resolve(io.cwd, options.out);
  const shown = displayPath(path, io.cwd);
  try {
    // NOTE: 'wx' fails if the path exists, even when it appeared a moment ago: a filled-in form is never overwritten.
    writeFileSync(path, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${shown}: already exists, and tira does not overwrite it (it may hold answers); choose another name or remove it`);
    if (code === 'ENOENT') throw new UsageError(`${shown}: its folder does not exist; create it first or choose another path`);
    if (code === 'EISDIR') throw new UsageError(`${shown}: is a folder; name a file, such as ${shown}/form.${options.format}`);
    throw new UsageError(`${shown}: cannot be written (${code ?? 'error'}); check the folder's permissions`);
  }
  const forWhom = role ? ` for ${role.name.toLowerCase()}` : ' for every role';
  const dir = shellWord(options.dir);
  const out = shellWord(shown);
  io.stdout(`Wrote ${shown}: ${items} indicator${items === 1 ? '' : 's'}${forWhom}.\n`);
  if (!role) {
    // Most roles can rate only some rows of this form; a form per role holds only theirs, in their words.
    const example = assessment.roles.find((r) => r.voice === 'staff') ?? assessment.roles[0]!;
    io.stdout(
      `Better: one form per role, with only the rows that role can rate (people served and family members get their own statements), such as\n` +
        `  tira export-form ${dir} --role ${example.id}${options.format === 'md' ? ' --format md' : ''} --out ${shellWord(`${example.id}.${options.format}`)}\n` +
        `  (roles: ${assessment.roles.map((r) => r.id).join(', ')})\n` +
        `On this form the "who can rate" column lists the roles that can rate each row; a respondent leaves the others empty.\n`,
    );
  }
  if (options.format === 'csv') io.stdout(`Fill in respondent${role ? '' : ', role'} and rating (and a note where it helps), then: tira import ${dir} ${out}\n`);
  else io.stdout(`Print it; type the answers into the CSV form (tira export-form ${dir} --role ${role ? role.id : '<role>'} --out answers.csv) and run tira import.\n`);
  return ExitCode.ok;
}
