// `tira rubrics list` and `tira rubrics show <id>`: the bundled rubrics, plus any
// in a user's --rubrics folder. Files with errors are left out of the list, and
// the user is told how to see why.
import { resolve } from 'node:path';
import { countBySeverity, type FileReport } from '../../model/finding.js';
import type { LoadedRubric, Rubric } from '../../model/rubric.js';
import { bundledName, bundledRubricsDir, bundledTermList } from '../../paths.js';
import { findYamlFiles, reportUnreadableFolder } from '../../rubric/find-files.js';
import { escapeControl } from '../../reporters/escape.js';
import { loadFiles } from '../../rubric/load.js';
import { renderRubricText } from '../../reporters/rubric-text.js';
import { ExitCode, UsageError, type Io } from '../io.js';

interface RubricSet {
  rubrics: Rubric[];
  broken: FileReport[];
  /** Rubrics that could be read but whose files have errors, by id. */
  brokenIds: Map<string, string>;
}

export async function loadRubricSet(rubricsDir: string | undefined, io: Io): Promise<RubricSet> {
  const folders = [bundledRubricsDir, ...(rubricsDir ? [resolve(io.cwd, rubricsDir)] : [])];
  const found = await findYamlFiles(folders, io.cwd);
  if (!found.ok) throw new UsageError(`--rubrics ${escapeControl(rubricsDir ?? found.missing)}: no such folder; check the path`);
  const { reports, rubrics } = await loadFiles(found.files, { cwd: io.cwd, termListFile: bundledTermList });
  const broken = [...reports.filter((r) => countBySeverity(r.findings).errors > 0), ...found.unreadable.map((u) => reportUnreadableFolder(u, io.cwd))];
  const brokenFiles = new Set(broken.map((r) => r.file));
  // A rubric is only as sound as the catalogs it names, though its own file may be clean.
  const isBroken = ({ rubric, origins, unresolved }: LoadedRubric) =>
    unresolved.length > 0 || [rubric.file, origins.scale.file, ...origins.domains.map((o) => o.file), ...origins.frameworks.map((o) => o.file)].some((f) => brokenFiles.has(f));
  return {
    rubrics: rubrics.filter((r) => !isBroken(r)).map((r) => r.rubric),
    broken,
    brokenIds: new Map(rubrics.filter(isBroken).map((r) => [r.rubric.id, r.rubric.file])),
  };
}

/** Names the files left out, and a command that shows every finding that left them out. */
function warnAboutBroken(broken: readonly FileReport[], rubricsDir: string | undefined, io: Io): void {
  if (broken.length === 0) return;
  const files = broken.map((r) => escapeControl(r.file)).join(', ');
  // Validating the whole folder shows every reason, a clash with a bundled rubric's ids included.
  const target = rubricsDir !== undefined ? shellWord(rubricsDir) : shellWord(broken[0]!.file);
  io.stderr(`tira: left out ${broken.length} file${broken.length === 1 ? '' : 's'} with errors (${files}); run \`tira validate ${target}\` to see why.\n`);
}

/** A path as it can be pasted into a shell. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${escapeControl(path).replace(/'/g, `'\\''`)}'`;
}

export async function listRubricsCommand(options: { json: boolean; rubricsDir: string | undefined }, io: Io): Promise<number> {
  const { rubrics, broken } = await loadRubricSet(options.rubricsDir, io);
  const rows = rubrics.map((r) => ({
    id: r.id,
    version: r.version,
    title: r.title,
    principles: r.principles.length,
    indicators: r.indicators.length,
    file: r.file,
  }));
  if (options.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (rows.length === 0) {
    io.stdout('No rubrics found.\n');
  } else {
    const { renderRubricList } = await import('../../reporters/rubric-list.js');
    // Where a bundled rubric sits is an installation detail; a user's own file is worth naming.
    io.stdout(renderRubricList(rows.map((row) => ({ ...row, file: bundledName(resolve(io.cwd, row.file)) ? undefined : row.file }))));
  }
  warnAboutBroken(broken, options.rubricsDir, io);
  return broken.length > 0 ? ExitCode.findings : ExitCode.ok;
}

export async function showRubricCommand(options: { id: string; json: boolean; rubricsDir: string | undefined }, io: Io): Promise<number> {
  const { rubrics, broken, brokenIds } = await loadRubricSet(options.rubricsDir, io);
  const rubric = rubrics.find((r) => r.id === options.id);
  const brokenFile = brokenIds.get(options.id);
  if (!rubric && brokenFile) {
    io.stderr(`tira: rubric "${options.id}" (${escapeControl(brokenFile)}) has errors, in its file or in a catalog it names; run \`tira validate ${shellWord(options.rubricsDir ?? brokenFile)}\` to see them.\n`);
    return ExitCode.findings;
  }
  if (!rubric) {
    warnAboutBroken(broken, options.rubricsDir, io);
    const known = rubrics.map((r) => r.id).join(', ') || 'none';
    throw new UsageError(`no rubric with id "${escapeControl(options.id)}"; known rubrics: ${known} (see \`tira rubrics list\`)`);
  }
  io.stdout(options.json ? `${JSON.stringify(rubric, null, 2)}\n` : renderRubricText(rubric));
  // A broken file may be another version of this very rubric: say so, as list does.
  warnAboutBroken(broken, options.rubricsDir, io);
  return broken.length > 0 ? ExitCode.findings : ExitCode.ok;
}
