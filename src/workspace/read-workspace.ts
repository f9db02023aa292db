// Reads an assessment workspace: assessment.yaml (checked like any tira file, so
// problems come with file:line), the roles it uses, the rubrics it pinned, and
// every respondent's answer log. Returns the workspace, or one-line problems that
// each name a file and what to do; it never throws for bad input.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding, JsonPath } from '../model/finding.js';
import type { Rubric } from '../model/rubric.js';
import type { TiraRoleCatalog } from '../model/schema-types.generated.js';
import type { Assessment, RespondentAnswers, Role, TiraAssessment, Workspace } from '../model/workspace.js';
import { BUNDLED_PREFIX, bundledRubricsDir, displayPath, resolveCatalogPath } from '../paths.js';
import { FileChecker, type FileCheck } from '../rubric/check-file.js';
import { createLocator } from '../rubric/locate.js';
import { shellWord } from './shell-word.js';
import { latestAnswers } from './answer-log.js';
import { listRespondentIds, readLog } from './store.js';

export const ASSESSMENT_FILE = 'assessment.yaml';
export const bundledRoleCatalog = join(bundledRubricsDir, 'catalogs', 'roles.yaml');

export type WorkspaceResult = { ok: true; workspace: Workspace } | { ok: false; errors: string[] };

export interface ReadOptions {
  cwd: string;
  /** Skip the answer logs (for commands that only need the settings). */
  withoutAnswers?: boolean;
  /** Shared by many reads in one run (the network roll-up), so that each rubric file is read and checked once. */
  cache?: ReadCache;
}

/** What many workspace reads can share: one checker (catalogs, roles) and each rubric file's check. */
export interface ReadCache {
  checker: FileChecker;
  rubrics: Map<string, Promise<FileCheck>>;
}

export function createReadCache(cwd: string): ReadCache {
  return { checker: new FileChecker({ cwd }), rubrics: new Map() };
}

export async function readWorkspace(dir: string, options: ReadOptions): Promise<WorkspaceResult> {
  const absoluteDir = resolve(options.cwd, dir);
  const shown = (path: string) => displayPath(path, options.cwd);
  // A path inside a workspace (its assessment.yaml, its responses/ folder) names that workspace: say which folder to give.
  const enclosing = enclosingWorkspace(absoluteDir);
  if (enclosing !== undefined) {
    const what = enclosing === dirname(absoluteDir) && basename(absoluteDir) === ASSESSMENT_FILE ? 'is the settings file of the workspace' : 'is inside the workspace';
    return fail(`${dir}: ${what} ${shown(enclosing)}; give the workspace folder: ${shellWord(shown(enclosing))}`);
  }
  if (isFile(absoluteDir)) return fail(`${dir}: is a file; give the workspace folder, the one that holds ${ASSESSMENT_FILE}`);
  if (!isFolder(absoluteDir)) return fail(`${dir}: no such folder; create a workspace with \`tira init ${shellWord(dir)}\``);
  const assessmentPath = join(absoluteDir, ASSESSMENT_FILE);
  if (!isFile(assessmentPath)) return fail(`${shown(assessmentPath)}: not found; ${dir} is not a tira workspace (create one with \`tira init ${shellWord(dir)}\`)`);

  const checker = options.cache?.checker ?? new FileChecker({ cwd: options.cwd });
  const checked = await checker.check(assessmentPath);
  const assessmentErrors = errorsOf(checked.report.findings);
  if (assessmentErrors.length > 0) return { ok: false, errors: assessmentErrors };
  if (checked.report.kind !== 'assessment') {
    return fail(`${shown(assessmentPath)}: this is a ${checked.report.kind ?? 'rubric'} file, not an assessment; it needs \`kind: assessment\``);
  }
  const file = checked.data as TiraAssessment;

  const errors: string[] = [];
  const roles = await resolveRoles(file, checker, shown(assessmentPath), errors);
  const rubrics: Rubric[] = [];
  for (const pinned of file.rubrics) {
    const rubric = await loadPinnedRubric(pinned, absoluteDir, checker, shown(assessmentPath), errors, options.cache);
    if (rubric) rubrics.push(rubric);
  }
  if (errors.length > 0) return { ok: false, errors };

  // The target is a level of the scale: checked here, where the pinned rubrics are loaded, not by `tira validate`.
  const targetProblem = checkTargetLevel(file.targetLevel, rubrics);
  if (targetProblem) return fail(`${shown(assessmentPath)}:${lineOf(assessmentPath, ['targetLevel'])}: ${targetProblem} (assessment-target-level)`);

  const assessment: Assessment = {
    agency: file.agency,
    cycle: file.cycle,
    date: file.date,
    ...(file.facilitator ? { facilitator: file.facilitator } : {}),
    rubrics: file.rubrics.map(({ id, version, file: path }) => ({ id, version, file: path })),
    targetLevel: file.targetLevel,
    smallCellThreshold: file.smallCellThreshold,
    roles,
  };

  const warnings: string[] = [];
  const respondents: RespondentAnswers[] = [];
  if (!options.withoutAnswers) {
    const roleIds = new Set(roles.map((r) => r.id));
    for (const id of listRespondentIds(absoluteDir)) {
      const where = shown(join(absoluteDir, 'responses', `${id}.jsonl`));
      const result = readLog(absoluteDir, id, where);
      if (!result) continue;
      if (!result.ok) {
        errors.push(result.error);
        continue;
      }
      const { header, events, warnings: logWarnings } = result.log;
      warnings.push(...logWarnings);
      if (header.id !== id) errors.push(`${where}:1: the log describes respondent "${header.id}" but is named ${id}.jsonl; rename one to match`);
      else if (!roleIds.has(header.role)) {
        errors.push(`${where}:1: role "${header.role}" is not among the roles of ${shown(assessmentPath)}; add it there (${[...roleIds].join(', ')})`);
      } else {
        respondents.push({
          id,
          role: header.role,
          rubrics: header.rubrics,
          created: header.created,
          answers: latestAnswers(events),
          lastActivity: events.at(-1)?.at ?? header.created,
          events: events.length,
        });
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, workspace: { dir, path: absoluteDir, assessment, rubrics, respondents, warnings } };
}

function fail(message: string): WorkspaceResult {
  return { ok: false, errors: [message] };
}

function errorsOf(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line}:${f.col}: ${f.message} (${f.rule})`);
}

/** The bundled role catalog; read once per process. */
export async function loadBundledRoles(checker: FileChecker = new FileChecker({ cwd: bundledRubricsDir })): Promise<Role[]> {
  const check = await checker.check(bundledRoleCatalog);
  // The bundled catalog is tested; a broken one is a bug in tira, not the user's input.
  if (!check.data) throw new Error(`the bundled role catalog ${bundledRoleCatalog} has errors: ${errorsOf(check.report.findings).join('; ')}`);
  return (check.data as TiraRoleCatalog).roles;
}

async function resolveRoles(file: TiraAssessment, checker: FileChecker, where: string, errors: string[]): Promise<Role[]> {
  const bundled = new Map((await loadBundledRoles(checker)).map((r) => [r.id, r]));
  const roles: Role[] = [];
  for (const entry of file.roles) {
    if (typeof entry !== 'string') roles.push(entry);
    else if (bundled.has(entry)) roles.push(bundled.get(entry)!);
    else {
      errors.push(
        `${where}: role "${entry}" is not a bundled role (${[...bundled.keys()].join(', ')}); fix the id, or write the role out in full with id, name, description and voice`,
      );
    }
  }
  return roles;
}

/**
 * Where a pinned rubric's file is: `tira:` names a bundled rubric (and nothing
 * outside the bundled folder: undefined then), anything else is relative to the workspace.
 */
export function pinnedRubricPath(file: string, workspaceDir: string): string | undefined {
  return file.startsWith(BUNDLED_PREFIX) ? resolveCatalogPath(bundledRubricsDir, file) : resolve(workspaceDir, file);
}

async function loadPinnedRubric(
  pinned: { id: string; version: string; file: string },
  workspaceDir: string,
  checker: FileChecker,
  where: string,
  errors: string[],
  cache?: ReadCache,
): Promise<Rubric | undefined> {
  const path = pinnedRubricPath(pinned.file, workspaceDir);
  if (path === undefined) {
    errors.push(`${where}: rubric "${pinned.id}" is pinned to ${pinned.file}, which is not one of tira's bundled rubrics; use tira:tic.yaml, tira:rosc.yaml or tira:recovery-principles.yaml, or a path relative to the workspace`);
    return undefined;
  }
  if (!isFile(path)) {
    errors.push(`${where}: rubric "${pinned.id}" is pinned to ${pinned.file}, which does not exist; fix the path or restore the file`);
    return undefined;
  }
  let pending = cache?.rubrics.get(path);
  if (!pending) {
    pending = checker.check(path);
    cache?.rubrics.set(path, pending);
  }
  const check = await pending;
  const loaded = check.rubric;
  const broken = [...check.report.findings, ...check.otherReports.flatMap((r) => r.findings)].some((f) => f.severity === 'error');
  if (!loaded || broken || loaded.unresolved.length > 0) {
    errors.push(`${where}: rubric "${pinned.id}" (${pinned.file}) has errors; run \`tira validate ${check.report.file}\` to see them`);
    return undefined;
  }
  const { rubric } = loaded;
  if (rubric.id !== pinned.id) {
    errors.push(`${where}: ${pinned.file} holds rubric "${rubric.id}", not "${pinned.id}"; fix the id or the path`);
    return undefined;
  }
  if (rubric.version !== pinned.version) {
    errors.push(
      `${where}: this assessment is pinned to ${pinned.id} ${pinned.version}, but ${pinned.file} is now version ${rubric.version}; ` +
        `to go on with the new version on purpose, set its version to ${rubric.version} in ${ASSESSMENT_FILE} (rubrics/CHANGELOG.md says which indicators changed meaning)`,
    );
    return undefined;
  }
  return rubric;
}

/** The workspace folder above `path` (or `path` itself, when it is an assessment.yaml), if there is one. */
function enclosingWorkspace(path: string): string | undefined {
  if (basename(path) === ASSESSMENT_FILE && isFile(path)) return dirname(path);
  if (isFile(join(path, ASSESSMENT_FILE))) return undefined;
  // Only a few levels: a workspace holds responses/ and reports/, not deep trees.
  for (let up = dirname(path), n = 0; n < 3 && up !== dirname(up); up = dirname(up), n++) {
    if (isFile(join(up, ASSESSMENT_FILE))) return up;
  }
  return undefined;
}

/** Why a target level is not a level of each rubric's scale, or undefined when it is. */
export function checkTargetLevel(target: number, rubrics: readonly Rubric[]): string | undefined {
  const off = rubrics.filter((r) => !r.scale.levels.some((l) => l.value === target));
  if (off.length === 0) return undefined;
  const levels = off[0]!.scale.levels.map((l) => l.value).join(', ');
  return `targetLevel ${target} is not a level of the scale of ${off.map((r) => `"${r.id}"`).join(', ')} (${levels}); set it to one of those levels`;
}

/** The line of a key in a YAML file, for a message that points at it; 1 when it cannot be found. */
function lineOf(path: string, at: JsonPath): string {
  try {
    const { line, col } = createLocator(readFileSync(path, 'utf8'))(at, {});
    return `${line}:${col}`;
  } catch {
    return '1:1';
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
