// Turns what an agency sends (a `tira score --json` result, or the `tira report`
// JSON that wraps one) into the compact record the roll-up reads, and says what
// is wrong with a file that is not such an export. Pure: parsed JSON in, data out.
import type { AgencyCell, AgencyGroup, AgencyIndicator, AgencyRecord, InputKind, InputProblem } from '../model/aggregate.js';
import type { CellScore, GroupScore, ScoreResult } from '../model/score.js';

/** The export format versions this tira reads. */
export const KNOWN_SCORE_FORMAT_VERSIONS: readonly number[] = [1];
export const KNOWN_REPORT_FORMAT_VERSIONS: readonly number[] = [1];

export type CheckedExport = { ok: true; score: ScoreResult } | { ok: false; problem: InputProblem };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether parsed JSON is an agency's export. The format and its version are
 * checked first, so that a newer export is named as such rather than read by
 * guesswork; then the parts the roll-up reads, so that a damaged file is named
 * rather than half-read.
 */
export function checkExport(data: unknown, tiraVersion: string): CheckedExport {
  if (!isObject(data) || typeof data.format !== 'string') {
    return { ok: false, problem: { code: 'not-an-export', detail: 'it has no "format" field (an agency makes an export with `tira score <workspace> --json`)' } };
  }
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
  const missing = missingParts(s);
  if (missing.length > 0) return { ok: false, problem: { code: 'export-invalid', detail: `a tira-score export without ${missing.join(', ')}` } };
  return { ok: true, score: score as ScoreResult };
}

function unknownVersion(format: string, version: unknown, tiraVersion: string): CheckedExport {
  const shown = typeof version === 'number' || typeof version === 'string' ? String(version).slice(0, 20) : 'none';
  return {
    ok: false,
    problem: {
      code: 'export-version-unknown',
      detail: `${format} format version ${shown}, which tira ${tiraVersion} does not read (it reads version ${(format === 'tira-score' ? KNOWN_SCORE_FORMAT_VERSIONS : KNOWN_REPORT_FORMAT_VERSIONS).join(', ')}); update tira, or ask for an export made with this version`,
    },
  };
}

function missingParts(s: Record<string, unknown>): string[] {
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

export interface SummarizeOptions {
  source: string;
  kind: InputKind;
  /** Keep the indicators' framework tags (for `--by`). */
  keepTags?: boolean;
  /** Returns one shared copy of a repeated string, so that 2,000 agencies' indicator texts take the room of one. */
  intern?: (text: string) => string;
  warnings?: InputProblem[];
}

const same = (text: string) => text;

// NOTE: a conditional spread in an object literal costs about ten times a plain
// literal; these run hundreds of times per agency, so the optional key is set after.
function group(g: GroupScore, intern: (t: string) => string): AgencyGroup {
  const out: AgencyGroup = { id: intern(g.id), name: intern(g.name), percent: g.percent, gap: g.gap };
  if (g.withheld) out.withheld = g.withheld;
  return out;
}

function cell(c: CellScore, intern: (t: string) => string): AgencyCell {
  const out: AgencyCell = { principle: intern(c.principle), domain: intern(c.domain), percent: c.percent, gap: c.gap };
  if (c.withheld) out.withheld = c.withheld;
  return out;
}

/** One agency's result as the roll-up keeps it: figures, never ratings, respondents or notes. */
export function summarizeScore(score: ScoreResult, options: SummarizeOptions): AgencyRecord {
  const intern = options.intern ?? same;
  return {
    source: options.source,
    kind: options.kind,
    agency: score.agency.trim(),
    cycle: String(score.cycle ?? ''),
    date: String(score.date ?? ''),
    tiraVersion: String(score.tiraVersion ?? 'unknown'),
    respondents: typeof score.coverage?.respondents === 'number' ? score.coverage.respondents : 0,
    settings: score.settings,
    rubrics: score.rubrics.map((r) => ({
      id: intern(r.id),
      version: intern(r.version),
      title: intern(r.title),
      targetPercent: r.targetPercent,
      percent: r.percent,
      ...(r.withheld ? { withheld: r.withheld } : {}),
      principles: r.principles.map((p) => group(p, intern)),
      domains: r.domains.map((d) => group(d, intern)),
      matrix: r.matrix.map((c) => cell(c, intern)),
    })),
    domains: score.domains.map((d) => group(d, intern)),
    indicators: score.indicators.map((i) => {
      const out: AgencyIndicator = {
        id: intern(i.id),
        rubric: intern(i.rubric),
        principle: intern(i.principle),
        domain: intern(i.domain),
        text: intern(i.text ?? ''),
        weight: i.weight,
        critical: i.critical === true,
        n: i.n,
        percent: i.percent,
        targetPercent: i.targetPercent,
        gap: i.gap,
        applicable: i.applicable !== false,
      };
      if (options.keepTags && i.tags) out.tags = i.tags;
      return out;
    }),
    roles: score.perspectives.roles
      .filter((role) => role.reportable)
      .map((role) => {
        const principles: Record<string, number | null> = {};
        for (const r of role.rubrics) for (const p of r.principles) principles[`${r.id}/${p.id}`] = p.percent;
        return { role: intern(role.role), name: intern(role.name), principles };
      }),
    perceptionGaps: score.perspectives.gaps.map((g) => ({ ...g })),
    warnings: options.warnings ?? [],
  };
}
