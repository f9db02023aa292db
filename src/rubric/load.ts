// Loads rubric and catalog files and checks them: read, parse, schema, catalogs,
// semantic rules, then positions. This is the I/O edge of the rubric model; the
// steps it calls are pure. It never throws for bad input: everything wrong with
// a file comes back as a finding in that file's report.
import { dirname, resolve } from 'node:path';
import { compareFindings, type FileKind, type FileReport, type Finding, type JsonPath, type PathFinding } from '../model/finding.js';
import type { LoadedRubric } from '../model/rubric.js';
import type { TiraLanguageTermList, TiraRubric } from '../model/schema-types.generated.js';
import { displayPath } from '../paths.js';
import { createLocator } from './locate.js';
import { normalizeRubric, type CheckedFile, type ResolvedCatalogs } from './normalize.js';
import { parseYaml } from './parse-yaml.js';
import { readSourceText } from './read-source.js';
import { fileRules, rubricRules, type RuleContext } from './rules/index.js';
import { checkSchema, describePath } from './schema-check.js';

export interface LoadOptions {
  /** Paths in findings are shown relative to this folder. */
  cwd: string;
  /** The term list for the language lint; no lint without one. */
  termListFile?: string;
}

export interface LoadResult {
  /** One report per file given, in order, then one for each other file read (catalogs, term list) that has findings. */
  reports: FileReport[];
  /** Every rubric that could be normalized: its file passed the schema check and its catalogs loaded. */
  rubrics: LoadedRubric[];
}

const KINDS: readonly FileKind[] = ['rubric', 'domain-catalog', 'scale', 'framework', 'term-list'];

interface FileState {
  absolute: string;
  file: string;
  missing: boolean;
  text?: string;
  kind?: FileKind;
  data?: unknown;
  /** True once the data has passed its schema check. */
  checked: boolean;
  pending: PathFinding[];
  located: Finding[];
}

export async function loadFiles(files: readonly string[], options: LoadOptions): Promise<LoadResult> {
  const states = new Map<string, FileState>();
  const read = async (absolute: string): Promise<FileState> => {
    let state = states.get(absolute);
    if (!state) {
      state = await readAndCheck(absolute, displayPath(absolute, options.cwd));
      states.set(absolute, state);
    }
    return state;
  };

  const inputs: FileState[] = [];
  for (const file of files) inputs.push(await read(resolve(options.cwd, file)));

  const context: RuleContext = {};
  if (options.termListFile) {
    const terms = await read(options.termListFile);
    if (terms.checked && terms.kind === 'term-list') context.terms = terms.data as TiraLanguageTermList;
  }

  const rubrics: LoadedRubric[] = [];
  for (const state of inputs) {
    if (state.checked && state.kind === 'rubric') {
      const loaded = await resolveAndNormalize(state, read);
      if (loaded) rubrics.push(loaded);
    }
  }

  const byDisplay = new Map([...states.values()].map((s) => [s.file, s]));
  const route = (finding: PathFinding) => byDisplay.get(finding.file)?.pending.push(finding);
  for (const state of states.values()) {
    if (!state.checked || !state.kind) continue;
    for (const rule of fileRules) rule.check(state.file, state.kind, state.data, context).forEach(route);
  }
  for (const rule of rubricRules) rule.check(rubrics, context).forEach(route);

  const inputSet = new Set(inputs);
  const reports = [...inputs, ...[...states.values()].filter((s) => !inputSet.has(s) && !s.missing)]
    .map(toReport)
    .filter((report, i) => i < inputs.length || report.findings.length > 0);
  return { reports, rubrics };
}

async function readAndCheck(absolute: string, file: string): Promise<FileState> {
  const state: FileState = { absolute, file, missing: false, checked: false, pending: [], located: [] };
  const fileProblem = (rule: string, message: string) => state.located.push({ rule, severity: 'error', file, line: 1, col: 1, message });

  const source = await readSourceText(absolute);
  if (!source.ok) {
    state.missing = source.rule === 'file-not-found';
    fileProblem(source.rule, `the file ${source.message}`);
    return state;
  }
  state.text = source.text;

  const parsed = parseYaml(source.text);
  if (!parsed.ok) {
    for (const p of parsed.problems) state.located.push({ rule: p.rule, severity: 'error', file, line: p.line, col: p.col, message: p.message });
    return state;
  }
  const data = parsed.data;
  if (data === null || data === undefined) {
    fileProblem('file-empty', 'the file holds only comments; a rubric needs at least id, version, title and indicators');
    return state;
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'a list' : `a single ${typeof data}`;
    state.pending.push({ rule: 'top-level-not-mapping', severity: 'error', file, path: [], message: `the top level must be a mapping of keys (id:, title:, ...), not ${found}` });
    return state;
  }
  state.data = data;

  const kind = (data as { kind?: unknown }).kind ?? 'rubric';
  if (!KINDS.includes(kind as FileKind)) {
    state.pending.push({
      rule: 'unknown-kind',
      severity: 'error',
      file,
      path: ['kind'],
      message: `kind "${String(kind)}" is not one tira reads; use one of: ${KINDS.join(', ')} (or leave it out for a rubric)`,
    });
    return state;
  }
  state.kind = kind as FileKind;
  const schemaFindings = checkSchema(state.kind, data, file);
  state.pending.push(...schemaFindings);
  state.checked = schemaFindings.length === 0;
  return state;
}

/** Reads the catalogs a rubric names and builds the normalized rubric, or reports why it cannot. */
async function resolveAndNormalize(state: FileState, read: (absolute: string) => Promise<FileState>): Promise<LoadedRubric | undefined> {
  const data = state.data as TiraRubric;
  const folder = dirname(state.absolute);
  let complete = true;

  const catalog = async <T>(path: JsonPath, relativePath: string, kind: FileKind): Promise<CheckedFile<T> | undefined> => {
    const target = await read(resolve(folder, relativePath));
    const where = describePath(path, data);
    if (target.missing) {
      state.pending.push({
        rule: 'catalog-not-found',
        severity: 'error',
        file: state.file,
        path,
        message: `${where} names "${relativePath}", which does not exist; the path is relative to this file`,
      });
    } else if (target.checked && target.kind !== kind) {
      state.pending.push({
        rule: 'catalog-wrong-kind',
        severity: 'error',
        file: state.file,
        path,
        message: `${where} names "${relativePath}", which is a ${target.kind ?? 'rubric'} file, not a ${kind} file`,
      });
    } else if (target.checked) {
      return { file: target.file, kind, data: target.data as T };
    }
    // A catalog with errors of its own reports them in its own file.
    complete = false;
    return undefined;
  };

  const resolved: ResolvedCatalogs = { frameworks: [] };
  if (typeof data.scale === 'string') resolved.scale = await catalog(['scale'], data.scale, 'scale');
  if (typeof data.domains === 'string') resolved.domains = await catalog(['domains'], data.domains, 'domain-catalog');
  for (const [i, path] of (data.frameworks ?? []).entries()) {
    const framework = await catalog<ResolvedCatalogs['frameworks'][number]['data']>(['frameworks', i], path, 'framework');
    if (framework) resolved.frameworks.push(framework);
  }
  return complete ? normalizeRubric({ file: state.file, kind: 'rubric', data }, resolved) : undefined;
}

function toReport(state: FileState): FileReport {
  const locate = state.pending.length > 0 && state.text !== undefined ? createLocator(state.text) : undefined;
  const located = state.pending.map((f): Finding => {
    const { line, col } = locate ? locate(f.path, { ...(f.atKey ? { atKey: true } : {}), ...(f.match ? { match: f.match } : {}) }) : { line: 1, col: 1 };
    return { rule: f.rule, severity: f.severity, file: f.file, line, col, message: f.message };
  });
  const seen = new Set<string>();
  const findings = [...state.located, ...located].sort(compareFindings).filter((f) => {
    const key = `${f.line}:${f.col}:${f.rule}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { file: state.file, ...(state.kind ? { kind: state.kind } : {}), findings };
}
