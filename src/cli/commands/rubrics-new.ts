// `tira rubrics new <file> [--from <id>]`: writes a small rubric that validates, on
// the bundled catalogs, for an agency to start from. Makes missing folders; never overwrites a file.
import { statSync, writeFileSync } from 'node:fs';
import { makeFolders } from '../../make-folders.js';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { FrameworkFacet } from '../../model/schema-types.generated.js';
import { bundledRubricFiles, bundledRubricsDir, bundledTermList, packageRoot } from '../../paths.js';
import { escapeControl } from '../../reporters/escape.js';
import { loadFiles } from '../../rubric/load.js';
import { idFromFileName, renderStarterRubric, STARTER_FRAMEWORK_ID } from '../../rubric/starter.js';
import { describeFsError } from '../../rubric/read-source.js';
import { ExitCode, UsageError, type Io } from '../io.js';

export interface NewRubricOptions {
  file: string;
  from: string | undefined;
}

export async function newRubricCommand(options: NewRubricOptions, io: Io, now = new Date()): Promise<number> {
  const target = resolve(io.cwd, options.file);
  if (!/\.ya?ml$/i.test(target)) throw new UsageError(`${escapeControl(options.file)}: name a .yaml file (tira validate looks for *.yaml and *.yml)`);

  // The bundled rubrics and their catalogs: the ids taken, the domains, the crosswalk's facets, and --from.
  const { rubrics } = await loadFiles(bundledRubricFiles(), { cwd: io.cwd, termListFile: bundledTermList });
  const taken = rubrics.map((r) => r.rubric.id);
  const from = options.from === undefined ? undefined : rubrics.find((r) => r.rubric.id === options.from)?.rubric;
  if (options.from !== undefined && !from) throw new UsageError(`--from ${escapeControl(options.from)}: no bundled rubric with that id; use one of: ${taken.join(', ')}`);
  const any = rubrics[0]?.rubric;
  const facets: FrameworkFacet[] = any?.frameworks.find((f) => f.id === STARTER_FRAMEWORK_ID)?.facets ?? [];
  if (!any || facets.length === 0) throw new Error(`the bundled rubrics in ${bundledRubricsDir} could not be read`);

  let id = idFromFileName(basename(target));
  if (taken.includes(id)) id = `${id}-own`;
  const text = renderStarterRubric({
    id,
    // Relative, so that it works wherever this tira is installed (node_modules/tira, or a global install).
    schemaPath: relative(dirname(target), resolve(packageRoot, 'schemas', 'rubric.schema.json')).split(sep).join('/'),
    domainIds: any.domains.map((d) => d.id),
    facets,
    ...(from ? { from } : {}),
    year: now.getFullYear(),
  });

  try {
    // A new rubric often starts a new folder (my-rubrics/housing.yaml): make it, and any above it.
    makeFolders(dirname(target));
    // 'wx': fails if the file exists, with no window in which another could appear.
    writeFileSync(target, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const file = escapeControl(options.file);
    // NOTE: EEXIST also comes from mkdir when the file's folder is a file.
    if (code === 'EEXIST' && exists(target)) throw new UsageError(`${file} already exists; tira rubrics new never overwrites a file: choose another name`);
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new UsageError(`${file}: cannot be written: a file stands where a folder of its path should be`);
    throw new UsageError(`${file}: cannot be written (${describeFsError(error)})`);
  }
  io.stdout(`Wrote ${file(options.file)}, rubric "${id}"${from ? ` (from ${from.id})` : ''}. Edit it, then check it with: tira validate ${file(options.file)} --strict\n`);
  return ExitCode.ok;
}

function file(path: string): string {
  return escapeControl(path);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
