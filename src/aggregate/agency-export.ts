// The agency export: what an agency sends to a network roll-up (`tira export`,
// schemas/agency-export.schema.json), made from its score result; and the checks
// that turn a file an agency sent (that export, or a whole `tira score --json` or
// `tira report` JSON) into the record the roll-up reads. Pure: no I/O (but see
// recordOfExport, which takes over the parsed export it is given).
import type {
  AgencyCell,
  AgencyExport,
  AgencyGroup,
  AgencyIndicator,
  AgencyRecord,
  AgencyRole,
  InputKind,
  InputProblem,
  RubricTagIndex,
} from '../model/aggregate.js';
import type { IndicatorTags } from '../model/rubric.js';
import type { CellScore, GroupScore, ScoreResult } from '../model/score.js';
import { agencyExport as validateAgencyExport } from '../rubric/schema-validators.generated.js';

/** The format versions this tira reads. */
export const KNOWN_EXPORT_FORMAT_VERSIONS: readonly number[] = [1];
export const KNOWN_SCORE_FORMAT_VERSIONS: readonly number[] = [1];
export const KNOWN_REPORT_FORMAT_VERSIONS: readonly number[] = [1];

export const EXPORT_ABOUT =
  'Figures from tira for a network roll-up (tira aggregate). Roles with fewer respondents than the small-cell threshold have no figures; there are no respondent codes, answers or notes.';

// ---------------------------------------------------------------- making an export

/** Two decimals: finer than any report shows, and no more precise than the agency needs to send. */
const round = (x: number): number => Math.round(x * 100) / 100;
const roundOrNull = (x: number | null): number | null => (x === null ? null : round(x));

// NOTE: a conditional spread in an object literal costs about ten times a plain
// literal; these run hundreds of times per agency, so the optional key is set after.
function group(g: GroupScore): AgencyGroup {
  const out: AgencyGroup = { id: g.id, name: g.name, percent: roundOrNull(g.percent), gap: roundOrNull(g.gap) };
  if (g.withheld) out.withheld = g.withheld;
  return out;
}

function cell(c: CellScore): AgencyCell {
  const out: AgencyCell = { principle: c.principle, domain: c.domain, percent: roundOrNull(c.percent), gap: roundOrNull(c.gap) };
  if (c.withheld) out.withheld = c.withheld;
  return out;
}

/**
 * Indicators' framework tags turned around: by tag, the indicators that carry it.
 * Once per rubric rather than once per indicator, which keeps an export a third
 * smaller and quick to read.
 */
export function tagIndex(indicators: readonly { id: string; tags?: IndicatorTags }[]): RubricTagIndex {
  // NOTE: objects without a prototype, since the keys come from a file: a key
  // "__proto__" on a plain object would write onto every object in the process.
  const index: RubricTagIndex = Object.create(null);
  for (const i of indicators) {
    for (const [framework, facets] of Object.entries(i.tags ?? {})) {
      for (const [facet, tags] of Object.entries(facets ?? {})) {
        if (!Array.isArray(tags)) continue;
        for (const tag of tags) ((((index[framework] ??= Object.create(null))[facet] ??= Object.create(null))[tag] ??= [])).push(i.id);
      }
    }
  }
  return index;
}

/** The tags of each indicator, from a rubric's tag index. */
export function tagsByIndicator(index: RubricTagIndex): Map<string, IndicatorTags> {
  const out = new Map<string, IndicatorTags>();
  for (const [framework, facets] of Object.entries(index)) {
    for (const [facet, tags] of Object.entries(facets)) {
      for (const [tag, ids] of Object.entries(tags)) {
        for (const id of ids) {
          const own: IndicatorTags = out.get(id) ?? Object.create(null);
          ((own[framework] ??= Object.create(null))[facet] ??= []).push(tag);
          out.set(id, own);
        }
      }
    }
  }
  return out;
}

/**
 * An agency's export, from its score result: group and indicator figures, the
 * reportable roles' principle figures and the perception gaps between them. The
 * score result has already withheld small cells; this keeps no ratings,
 * respondents, notes or agenda lists. Empty principle x domain cells and lens
 * groups are left out: the roll-up does not count them.
 */
export function exportScore(score: ScoreResult): AgencyExport {
  return {
    format: 'tira-export',
    formatVersion: 1,
    about: EXPORT_ABOUT,
    tiraVersion: String(score.tiraVersion ?? 'unknown'),
    generatedAt: score.generatedAt ?? null,
    agency: score.agency.trim(),
    cycle: String(score.cycle ?? ''),
    date: String(score.date ?? ''),
    respondents: typeof score.coverage?.respondents === 'number' ? score.coverage.respondents : 0,
    settings: score.settings,
    rubrics: score.rubrics.map((r) => {
      const out: AgencyExport['rubrics'][number] = {
        id: r.id,
        version: r.version,
        title: r.title,
        targetPercent: round(r.targetPercent),
        percent: roundOrNull(r.percent),
        principles: r.principles.map(group),
        domains: r.domains.map(group),
        matrix: r.matrix.filter((c) => c.withheld !== 'no-indicators').map(cell),
      };
      if (r.withheld) out.withheld = r.withheld;
      const tags = tagIndex(score.indicators.filter((i) => i.rubric === r.id));
      if (Object.keys(tags).length > 0) out.tags = tags;
      return out;
    }),
    domains: score.domains.map(group),
    roles: score.perspectives.roles
      .filter((role) => role.reportable)
      .map((role) => {
        const principles: Record<string, number | null> = {};
        for (const r of role.rubrics) for (const p of r.principles) principles[`${r.id}/${p.id}`] = roundOrNull(p.percent);
        return { role: role.role, name: role.name, principles };
      }),
    perceptionGaps: score.perspectives.gaps
      .filter((g) => g.rubric !== null && g.facet === null)
      .map((g) => ({ ...g, percents: [round(g.percents[0]), round(g.percents[1])], difference: round(g.difference) })),
    indicators: score.indicators.map((i) => {
      const out: AgencyIndicator = {
        id: i.id,
        rubric: i.rubric,
        principle: i.principle,
        domain: i.domain,
        text: i.text ?? '',
        weight: i.weight,
        critical: i.critical === true,
        // A figure withheld by the small-cell rule keeps no count: "1 rated it" would say that the one person of a small role did.
        n: i.withheld === 'small-cell' ? 0 : i.n,
        percent: roundOrNull(i.percent),
        targetPercent: round(i.targetPercent),
        gap: roundOrNull(i.gap),
        applicable: i.applicable !== false,
      };
      if (i.withheld === 'small-cell') out.withheld = 'small-cell';
      return out;
    }),
  };
}

// ---------------------------------------------------------------- reading what an agency sent

export type CheckedExport = { ok: true; export: AgencyExport } | { ok: false; problem: InputProblem };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether parsed JSON is something an agency sends: a `tira export` file, or a
 * whole `tira score --json` result or `tira report` JSON (made into an export
 * here). The format and its version are checked first, so that a newer file is
 * named as such rather than read by guesswork; then its shape, so that a damaged
 * file is named rather than half-read.
 */
export function checkExport(data: unknown, tiraVersion: string): CheckedExport {
  if (!isObject(data) || typeof data.format !== 'string') {
    return { ok: false, problem: { code: 'not-an-export', detail: 'it has no "format" field (an agency makes an export with `tira export <workspace>`)' } };
  }
  if (data.format === 'tira-export') return checkAgencyExport(data, tiraVersion);
  let score: unknown = data;
  if (data.format === 'tira-report') {
    if (!KNOWN_REPORT_FORMAT_VERSIONS.includes(data.formatVersion as number)) return unknownVersion('tira-report', data.formatVersion, tiraVersion);
    score = data.score;
    if (!isObject(score)) return { ok: false, problem: { code: 'export-invalid', detail: 'a tira-report file without its "score" part' } };
  } else if (data.format !== 'tira-score') {
    const what = data.format === 'tira-network' ? 'it is a network report (tira aggregate --format json)' : `its format is "${String(data.format).slice(0, 40)}"`;
    return { ok: false, problem: { code: 'not-an-export', detail: what } };
  }
  const s = score as Record<string, unknown>;
  if (s.format !== 'tira-score') return { ok: false, problem: { code: 'export-invalid', detail: 'the report\'s "score" part is not a tira-score result' } };
  if (!KNOWN_SCORE_FORMAT_VERSIONS.includes(s.formatVersion as number)) return unknownVersion('tira-score', s.formatVersion, tiraVersion);
  const missing = missingScoreParts(s);
  if (missing.length > 0) return { ok: false, problem: { code: 'export-invalid', detail: `a tira-score result without ${missing.join(', ')}` } };
  let made: AgencyExport;
  try {
    made = exportScore(score as unknown as ScoreResult);
  } catch (error) {
    // Only its outline was checked above: a part inside it can still be missing or null.
    return { ok: false, problem: { code: 'export-invalid', detail: `a tira-score result with a damaged part (${error instanceof Error ? error.message.slice(0, 80) : 'unreadable'}); ask the agency for a new \`tira export\`` } };
  }
  // Checked as an export too: a hand-edited score result can hold a string where a figure belongs.
  return checkAgencyExport(made as unknown as Record<string, unknown>, tiraVersion);
}

function checkAgencyExport(data: Record<string, unknown>, tiraVersion: string): CheckedExport {
  if (!KNOWN_EXPORT_FORMAT_VERSIONS.includes(data.formatVersion as number)) return unknownVersion('tira-export', data.formatVersion, tiraVersion);
  if (!validateAgencyExport(data)) {
    const error = validateAgencyExport.errors?.[0];
    const where = error?.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the file';
    const what = error?.keyword === 'additionalProperties' ? `has an unknown field "${String(error.params.additionalProperty).slice(0, 40)}"` : (error?.message ?? 'is not what an export holds');
    return { ok: false, problem: { code: 'export-invalid', detail: `${where} ${what} (see schemas/agency-export.schema.json); ask the agency for a new \`tira export\`` } };
  }
  const exp = data as unknown as AgencyExport;
  const ids = exp.rubrics.map((r) => r.id);
  const twice = ids.find((id, k) => ids.indexOf(id) !== k);
  if (twice !== undefined) return { ok: false, problem: { code: 'export-invalid', detail: `rubric "${twice.slice(0, 40)}" is in it twice` } };
  const disagreeing = gapDisagreement(exp);
  if (disagreeing) {
    return { ok: false, problem: { code: 'export-invalid', detail: `${disagreeing}: its gap does not agree with its percent and target (was the file edited by hand?); ask the agency for a new \`tira export\`` } };
  }
  return { ok: true, export: exp };
}

/** Gaps agree with percents when they differ by no more than the two roundings to hundredths. */
const GAP_TOLERANCE = 0.011;

/**
 * The first figure whose gap is not its target minus its percent (0 at or above
 * target), as JSON path words; null when all agree. The roll-up ranks agencies by
 * their gaps, so a gap edited without its percent (or the other way round) would
 * mislead it. Groups are checked where every indicator of the rubric shares one
 * target, as the engine's group target is the weighted mean of theirs.
 */
function gapDisagreement(exp: AgencyExport): string | null {
  const wrong = (percent: number | null, gap: number | null, target: number) =>
    percent === null ? gap !== null : gap === null || Math.abs(gap - Math.max(0, target - percent)) > GAP_TOLERANCE;
  for (const [k, i] of exp.indicators.entries()) if (wrong(i.percent, i.gap, i.targetPercent)) return `indicators.${k} (${i.id.slice(0, 40)})`;
  for (const [k, r] of exp.rubrics.entries()) {
    if (!exp.indicators.every((i) => i.rubric !== r.id || Math.abs(i.targetPercent - r.targetPercent) <= GAP_TOLERANCE)) continue;
    for (const part of ['principles', 'domains', 'matrix'] as const) {
      for (const [j, g] of (r[part] as (AgencyGroup | AgencyCell)[]).entries()) if (wrong(g.percent, g.gap, r.targetPercent)) return `rubrics.${k}.${part}.${j}`;
    }
  }
  return null;
}

function unknownVersion(format: string, version: unknown, tiraVersion: string): CheckedExport {
  const shown = typeof version === 'number' || typeof version === 'string' ? String(version).slice(0, 20) : 'none';
  const known = format === 'tira-score' ? KNOWN_SCORE_FORMAT_VERSIONS : format === 'tira-report' ? KNOWN_REPORT_FORMAT_VERSIONS : KNOWN_EXPORT_FORMAT_VERSIONS;
  return {
    ok: false,
    problem: {
      code: 'export-version-unknown',
      detail: `${format} format version ${shown}, which tira ${tiraVersion} does not read (it reads version ${known.join(', ')}); update tira, or ask for an export made with this version`,
    },
  };
}

function missingScoreParts(s: Record<string, unknown>): string[] {
  const missing: string[] = [];
  if (typeof s.agency !== 'string' || s.agency.trim() === '') missing.push('"agency"');
  if (!Array.isArray(s.rubrics) || !s.rubrics.every((r) => isObject(r) && typeof r.id === 'string' && typeof r.version === 'string' && Array.isArray(r.principles) && Array.isArray(r.domains) && Array.isArray(r.matrix))) missing.push('"rubrics"');
  if (!Array.isArray(s.indicators) || !s.indicators.every((i) => isObject(i) && typeof i.id === 'string' && typeof i.rubric === 'string')) missing.push('"indicators"');
  if (!Array.isArray(s.domains)) missing.push('"domains"');
  if (!isObject(s.settings)) missing.push('"settings"');
  if (!isObject(s.perspectives) || !Array.isArray(s.perspectives.roles) || !Array.isArray(s.perspectives.gaps)) missing.push('"perspectives"');
  if (!isObject(s.coverage)) missing.push('"coverage"');
  return missing;
}

// ---------------------------------------------------------------- the record the roll-up holds

export interface RecordOptions {
  source: string;
  kind: InputKind;
  /** Keep the indicators' framework tags (for `--by`). */
  keepTags?: boolean;
  /** Returns one shared copy of a repeated string, so that 2,000 agencies' indicator texts take the room of one. */
  intern?: (text: string) => string;
  warnings?: InputProblem[];
}

const same = (text: string) => text;

/**
 * One agency as the roll-up holds it: its export's figures, with repeated names shared.
 * NOTE: it takes over `exp` and changes it in place (names interned, tags moved
 * onto the indicators) rather than copy 2,000 agencies' figures; pass a fresh one.
 */
export function recordOfExport(exp: AgencyExport, options: RecordOptions): AgencyRecord {
  const intern = options.intern ?? same;
  const internGroup = (g: AgencyGroup): AgencyGroup => {
    g.id = intern(g.id);
    g.name = intern(g.name);
    return g;
  };
  for (const r of exp.rubrics) {
    r.id = intern(r.id);
    r.version = intern(r.version);
    r.title = intern(r.title);
    r.principles.forEach(internGroup);
    r.domains.forEach(internGroup);
    for (const c of r.matrix) {
      c.principle = intern(c.principle);
      c.domain = intern(c.domain);
    }
  }
  exp.domains.forEach(internGroup);
  // Tags go back on the indicators only for `--by`; otherwise the roll-up does not hold them.
  const tags = new Map<string, Map<string, IndicatorTags>>();
  for (const r of exp.rubrics) {
    if (options.keepTags && r.tags) tags.set(r.id, tagsByIndicator(r.tags));
    delete r.tags;
  }
  for (const i of exp.indicators) {
    i.id = intern(i.id);
    i.rubric = intern(i.rubric);
    i.principle = intern(i.principle);
    i.domain = intern(i.domain);
    i.text = intern(i.text);
    const own = tags.get(i.rubric)?.get(i.id);
    if (own) i.tags = own;
  }
  const roles: AgencyRole[] = exp.roles.map((r) => ({ role: intern(r.role), name: intern(r.name), principles: r.principles }));
  return {
    source: options.source,
    kind: options.kind,
    agency: exp.agency.trim(),
    cycle: exp.cycle,
    date: exp.date,
    tiraVersion: exp.tiraVersion,
    respondents: exp.respondents,
    settings: exp.settings,
    rubrics: exp.rubrics,
    domains: exp.domains,
    indicators: exp.indicators,
    roles,
    perceptionGaps: exp.perceptionGaps,
    warnings: options.warnings ?? [],
  };
}
