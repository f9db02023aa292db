// Checks one file on its own: read, parse, schema, catalogs, file rules and rubric
// rules, then line and column for every finding. The checks across files (ids
// used twice) run afterwards on the summary this returns. A checker caches the
// catalogs and the term list it reads, so a run reads each of them once.
import { dirname } from 'node:path';
import { compareFindings, MAX_FINDINGS_PER_FILE, type FileKind, type FileReport, type Finding, type JsonPath, type PathFinding } from '../model/finding.js';
import type { CatalogPart, LoadedRubric } from '../model/rubric.js';
import type { TiraLanguageTermList, TiraRoleCatalog, TiraRubric } from '../model/schema-types.generated.js';
import { BUNDLED_PREFIX, bundledCatalogNames, bundledRoleCatalog, displayPath, resolveCatalogPath } from '../paths.js';
import { createLocator } from './locate.js';
import { normalizeRubric, type CheckedFile, type ResolvedCatalogs } from './normalize.js';
import { parseYaml } from './parse-yaml.js';
import { readSourceText } from './read-source.js';
import { fileRules, rubricRules, type RubricSummary, type RuleContext } from './rules/index.js';
import { describePath } from './json-path.js';
import { checkSchema } from './schema-check.js';

export interface CheckOptions {
  /** Paths in findings are shown relative to this folder. */
  cwd: string;
  /** The term list for the language lint; no lint without one. */
  termListFile?: string;
  /**
   * The role catalog that indicators' `raters` and `experience` keys are checked
   * against; tira's own (rubrics/catalogs/roles.yaml) unless another is given.
   */
  roleCatalogFile?: string;
}

export interface FileCheck {
  report: FileReport;
  /** Reports of catalogs (or the term list) this checker read for the first time, when they have findings. */
  otherReports: FileReport[];
  /** For the checks across files; for every rubric that passed its schema check. */
  summary?: RubricSummary;
  rubric?: LoadedRubric;
  /** The file's data, once it has passed the schema of its kind (for files other than rubrics: an assessment, a role catalog). */
  data?: unknown;
}

const KINDS: readonly FileKind[] = ['rubric', 'domain-catalog', 'scale', 'framework', 'term-list', 'role-catalog', 'assessment'];

/** What is known of a file while it is being checked. */
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

export class FileChecker {
  /** Catalogs and the term list, read once per run and shared by every rubric that names them. */
  private readonly shared = new Map<string, Promise<FileState>>();
  private readonly sharedByFile = new Map<string, FileState>();
  private readonly reported = new Set<string>();
  private context: Promise<RuleContext> | undefined;

  constructor(private readonly options: CheckOptions) {}

  async check(absolute: string): Promise<FileCheck> {
    const context = await (this.context ??= this.loadContext());
    const cached = this.shared.get(absolute);
    let state: FileState;
    if (cached) state = await cached;
    else {
      state = await this.readAndCheck(absolute);
      this.applyFileRules(state, context);
      // A catalog given as an input may also be named by a rubric: keep it, like any catalog.
      if (state.kind && state.kind !== 'rubric') this.share(state);
    }
    this.reported.add(absolute);

    let loaded: LoadedRubric | undefined;
    if (state.checked && state.kind === 'rubric') {
      loaded = await this.resolveAndNormalize(state, context);
      for (const rule of rubricRules) this.route(state, rule.check(loaded, context));
    }
    const check: FileCheck = { report: toReport(state), otherReports: this.newSharedReports() };
    if (state.checked && state.kind !== 'rubric') check.data = state.data;
    if (loaded) {
      const { rubric, origins } = loaded;
      check.rubric = loaded;
      check.summary = {
        file: state.file,
        id: rubric.id,
        indicators: rubric.indicators.map((indicator, i) => ({ id: indicator.id, path: [...origins.indicators[i]!.path, 'id'] })),
      };
    }
    return check;
  }

  private async loadContext(): Promise<RuleContext> {
    const context: RuleContext = {};
    if (this.options.termListFile) {
      const terms = await this.readShared(this.options.termListFile, {});
      if (terms.checked && terms.kind === 'term-list') context.terms = terms.data as TiraLanguageTermList;
    }
    // Read with the term list in hand, so the catalog's own text is linted too.
    const roles = await this.readShared(this.options.roleCatalogFile ?? bundledRoleCatalog, { ...context });
    if (roles.checked && roles.kind === 'role-catalog') context.roles = roles.data as TiraRoleCatalog;
    return context;
  }

  private readShared(absolute: string, context: RuleContext): Promise<FileState> {
    let promise = this.shared.get(absolute);
    if (!promise) {
      promise = this.readAndCheck(absolute).then((state) => {
        this.applyFileRules(state, context);
        this.sharedByFile.set(state.file, state);
        return state;
      });
      this.shared.set(absolute, promise);
    }
    return promise;
  }

  private share(state: FileState): void {
    this.shared.set(state.absolute, Promise.resolve(state));
    this.sharedByFile.set(state.file, state);
  }

  private applyFileRules(state: FileState, context: RuleContext): void {
    if (!state.checked || !state.kind) return;
    for (const rule of fileRules) this.route(state, rule.check(state.file, state.kind, state.data, context));
  }

  /**
   * Findings belong to the file they name: the one being checked, or a catalog it read.
   * NOTE: a catalog's report goes out with the first check that reads it; today only
   * file rules report in catalogs, and they run before that, so nothing comes later.
   */
  private route(state: FileState, findings: PathFinding[]): void {
    for (const finding of findings) (finding.file === state.file ? state : this.sharedByFile.get(finding.file))?.pending.push(finding);
  }

  /** Shared files that have findings and that no report has shown yet. */
  private newSharedReports(): FileReport[] {
    const reports: FileReport[] = [];
    for (const state of this.sharedByFile.values()) {
      if (this.reported.has(state.absolute) || state.missing) continue;
      this.reported.add(state.absolute);
      const report = toReport(state);
      if (report.findings.length > 0) reports.push(report);
    }
    return reports;
  }

  private async readAndCheck(absolute: string): Promise<FileState> {
    const file = displayPath(absolute, this.options.cwd);
    const state: FileState = { absolute, file, missing: false, checked: false, pending: [], located: [] };
    const fileProblem = (rule: string, message: string) => state.located.push({ rule, severity: 'error', file, line: 1, col: 1, message });

    const source = readSourceText(absolute);
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

  /** Reads the catalogs a rubric names and builds the normalized rubric, reporting any catalog it cannot use. */
  private async resolveAndNormalize(state: FileState, context: RuleContext): Promise<LoadedRubric> {
    const data = state.data as TiraRubric;
    const folder = dirname(state.absolute);
    const unresolved = new Set<CatalogPart>();

    const catalog = async <T>(part: CatalogPart, path: JsonPath, relativePath: string, kind: FileKind): Promise<CheckedFile<T> | undefined> => {
      const where = describePath(path, data);
      const problem = (rule: string, message: string) => state.pending.push({ rule, severity: 'error', file: state.file, path, message });
      const absolute = resolveCatalogPath(folder, relativePath);
      if (absolute === undefined) {
        // Refused before anything is read: nothing of a file outside the package may reach a finding.
        problem('catalog-not-bundled', `${where} names "${relativePath}", which is not one of tira's bundled files; ${BUNDLED_PREFIX} names only these: ${bundledCatalogNames().join(', ')}`);
        unresolved.add(part);
        return undefined;
      }
      const target = await this.readShared(absolute, context);
      if (target.missing) {
        problem('catalog-not-found', `${where} names "${relativePath}", which does not exist; the path is relative to this file`);
      } else if (target.checked && target.kind !== kind) {
        problem('catalog-wrong-kind', `${where} names "${relativePath}", which is a ${target.kind ?? 'rubric'} file, not a ${kind} file`);
      } else if (target.checked) {
        return { file: target.file, data: target.data as T };
      }
      // A catalog with errors of its own reports them in its own file.
      unresolved.add(part);
      return undefined;
    };

    const resolved: ResolvedCatalogs = { frameworks: [] };
    if (typeof data.scale === 'string') resolved.scale = await catalog('scale', ['scale'], data.scale, 'scale');
    if (typeof data.experienceScale === 'string') resolved.experienceScale = await catalog('experienceScale', ['experienceScale'], data.experienceScale, 'scale');
    if (typeof data.domains === 'string') resolved.domains = await catalog('domains', ['domains'], data.domains, 'domain-catalog');
    for (const [i, path] of (data.frameworks ?? []).entries()) {
      const framework = await catalog<ResolvedCatalogs['frameworks'][number]['data']>('frameworks', ['frameworks', i], path, 'framework');
      if (framework) resolved.frameworks.push(framework);
    }
    return normalizeRubric({ file: state.file, data }, resolved, [...unresolved]);
  }
}

/** The note at the top of a report that was cut short. A note, not a fault: the errors among the findings kept fail the file. */
export function tooManyFindings(file: string): Finding {
  return { rule: 'too-many-findings', severity: 'warning', file, line: 1, col: 1, message: `only the first ${MAX_FINDINGS_PER_FILE} problems are shown; fix these and run tira validate again` };
}

/** Locates pending findings in the file's text, sorts them and drops repeats. */
function toReport(state: FileState): FileReport {
  const locate = state.pending.length > 0 && state.text !== undefined ? createLocator(state.text) : undefined;
  const more = state.pending.length - MAX_FINDINGS_PER_FILE;
  if (more > 0) {
    // Errors first: they are what makes the file fail.
    const errors = state.pending.filter((f) => f.severity === 'error');
    state.pending = [...errors, ...state.pending.filter((f) => f.severity !== 'error')].slice(0, MAX_FINDINGS_PER_FILE);
    state.located.push(tooManyFindings(state.file));
  }
  const located = state.pending.map((f): Finding => {
    const { line, col } = locate ? locate(f.path, { ...(f.atKey ? { atKey: true } : {}), ...(f.match ? { match: f.match } : {}) }) : { line: 1, col: 1 };
    return { rule: f.rule, severity: f.severity, file: f.file, line, col, message: f.message };
  });
  state.pending = [];
  state.located = dedupe([...state.located, ...located].sort(compareFindings));
  return { file: state.file, ...(state.kind ? { kind: state.kind } : {}), findings: state.located };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.line}:${f.col}:${f.rule}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
