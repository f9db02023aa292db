// What changed between two cycles, for a terminal: per rubric, principle and
// domain the figure before and after, then gaps closed, new gaps and regressions.
// Pure: (result, options) => string. Each change carries a word or mark as well
// as a colour; changes within the noise say so.
import type { Change, CompareResult, GroupChange, IndicatorChange } from '../model/compare.js';
import { EPSILON } from '../scoring/settings.js';
import type { TextStyle } from './findings/types.js';

export interface CompareTerminalOptions {
  style: TextStyle;
  /** How many indicators to list per section (10). */
  top?: number;
  width?: number;
}

const pct = (p: number | null) => (p === null ? '–' : `${Math.round(p)}%`);

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** The change as the rounded figures beside it show it: round(after) - round(before); null when a side has none. */
export function displayedChange(c: Pick<Change, 'before' | 'after'>): number | null {
  if (c.before === null || c.after === null) return null;
  return Math.round(c.after) - Math.round(c.before);
}

/**
 * One decimal, cut toward zero: 4.96 reads 4.9, never 5.0, so that a change under a
 * threshold never reads as reaching it. EPSILON first, as the scoring core adds it,
 * so that 62.3 - 57.4 (4.8999999999999995 in floating point) reads 4.9.
 */
const cut = (n: number) => (Math.trunc((n + Math.sign(n) * EPSILON) * 10) / 10).toFixed(1);
/** One decimal, rounded up: the noise band never reads smaller than it is. */
const up = (n: number) => (Math.ceil(n * 10 - 1e-9) / 10).toFixed(1);

/**
 * The words for a change, without colour: the displayed change (see displayedChange)
 * and, within the noise, why, in terms that agree with the number shown. A change
 * that shows as 5 points or more yet is within the noise names the line it did not
 * reach: the noise band (±, from n and sd), rounded up; and where the rounded
 * figures make the change look as large as that line (57.4% → 62.3% shows as +5
 * while the change is 4.9 and the minimum is 5), the change is shown unrounded to
 * one decimal, cut rather than rounded, so that it stays visibly under the line.
 */
export function describeChange(c: Change, settings: Pick<CompareResult['settings'], 'minChange'>): string {
  if (c.status === 'not-rated') return 'not rated in both';
  const n = displayedChange(c)!;
  const text = `${n > 0 ? '+' : ''}${n} pts`;
  if (c.status === 'up') return `▲ ${text}`;
  if (c.status === 'down') return `▼ ${text}`;
  if (Math.abs(n) < settings.minChange || c.change === null) return `≈ ${text} (within noise)`;
  const exact = `${c.change > 0 ? '+' : ''}${cut(c.change)} pts`;
  // NOTE: the same test as the scoring core's classify (src/scoring/compare.ts), which decided the status.
  const underMinimum = Math.abs(c.change) + EPSILON < settings.minChange;
  if (underMinimum || c.noise === null) return `≈ ${exact} (within noise: under ${settings.minChange})`;
  const band = Math.ceil(c.noise - EPSILON);
  return Math.abs(n) < band ? `≈ ${text} (within noise of ±${band})` : `≈ ${exact} (within noise of ±${up(c.noise)})`;
}

export function renderCompareTerminal(result: CompareResult, options: CompareTerminalOptions): string {
  const { style } = options;
  const top = options.top ?? 10;
  const width = options.width ?? 100;
  const out: string[] = [];
  const heading = (text: string) => out.push('', style.bold(text));
  const delta = (c: Change) => {
    // From the figures as printed, so that "57% → 67%" reads "+10", never "+9"; the status stays the unrounded one's.
    const text = describeChange(c, result.settings);
    if (c.status === 'not-rated' || c.status === 'within-noise') return style.dim(text);
    return c.status === 'up' ? style.green(text) : style.red(text);
  };
  const line = (name: string, c: Change, nameWidth: number) => `  ${truncate(name, nameWidth).padEnd(nameWidth)} ${pct(c.before).padStart(4)} → ${pct(c.after).padStart(4)}  ${delta(c)}`;
  const groups = (title: string, list: GroupChange[]) => {
    if (list.length === 0) return;
    out.push(style.dim(`  ${title}`));
    const w = Math.min(40, Math.max(...list.map((g) => g.name.length)));
    for (const g of list) out.push(`  ${line(g.name, g, w)}`);
  };
  const b = result.baseline;
  const f = result.followup;
  out.push(style.bold(`${f.agency}: ${b.cycle} (${b.date}) → ${f.cycle} (${f.date})`));
  out.push(style.dim(`${b.respondents} → ${f.respondents} respondents · percents rounded · a change counts from ${result.settings.minChange} points and ${result.settings.noiseFactor} standard errors`));
  if (b.targetLevel !== f.targetLevel) out.push(style.yellow(`The target level changed (${b.targetLevel} → ${f.targetLevel}); each cycle's gaps are against its own target.`));

  for (const r of result.rubrics) {
    heading(`${r.title} (${r.id})`);
    const versions = r.versions.baseline === r.versions.followup ? `version ${r.versions.baseline}` : `versions ${r.versions.baseline} → ${r.versions.followup}: only the indicators in both are compared`;
    out.push(style.dim(`  ${versions}`));
    if (r.majorChange) {
      out.push(style.yellow(`  A new major version: some indicators may have changed meaning. Check the rubric's changelog (rubrics/CHANGELOG.md for the bundled ones) before reading a trend.`.replace(/(.{1,96})(\s|$)/g, '$1\n  ').trimEnd()));
    }
    out.push(line('overall', r, 20));
    const stage = (s: typeof r.stageBefore) => (s ? s.name : '–');
    out.push(`  ${'stage (indicative)'.padEnd(20)} ${stage(r.stageBefore)} → ${stage(r.stageAfter)}`);
    groups('principles', r.principles);
    groups('domains', r.domains);
    if (r.onlyInBaseline.length > 0) out.push(style.dim(`  only in ${b.cycle} (not compared): ${r.onlyInBaseline.join(', ')}`));
    if (r.onlyInFollowup.length > 0) out.push(style.dim(`  only in ${f.cycle} (not compared): ${r.onlyInFollowup.join(', ')}`));
  }
  for (const id of result.rubricsOnlyIn.baseline) out.push(style.dim(`Rubric ${id} was scored in ${b.cycle} only.`));
  for (const id of result.rubricsOnlyIn.followup) out.push(style.dim(`Rubric ${id} was scored in ${f.cycle} only.`));

  if (result.domains.length > 0) {
    heading('Service domains across rubrics');
    const w = Math.min(40, Math.max(...result.domains.map((g) => g.name.length)));
    for (const g of result.domains) out.push(line(g.name, g, w));
  }

  const byId = new Map(result.indicators.map((i) => [i.id, i]));
  const list = (title: string, ids: string[], empty: string) => {
    heading(`${title} (${ids.length})`);
    if (ids.length === 0) out.push(style.dim(`  ${empty}`));
    for (const id of ids.slice(0, top)) {
      const i: IndicatorChange = byId.get(id)!;
      out.push(`  ${(i.critical ? `! ${id}` : id).padEnd(18)} ${pct(i.before).padStart(4)} → ${pct(i.after).padStart(4)}  ${delta(i)}`);
    }
    if (ids.length > top) out.push(style.dim(`  and ${ids.length - top} more (see --json)`));
  };
  list('Gaps closed: below target before, at or above it now, beyond the noise', result.gapsClosed, 'none');
  list('New gaps: at or above target before, below it now, beyond the noise', result.newGaps, 'none');
  const crossed = [...result.newGapsWithinNoise, ...result.gapsClosedWithinNoise];
  if (crossed.length > 0) list('Crossed the target within the noise: not counted as new gaps or gaps closed', crossed, 'none');
  list('Regressions: down by more than the noise', result.regressions, 'none');
  const gains = result.indicators
    .filter((i) => i.status === 'up')
    .sort((x, y) => y.change! - x.change!)
    .map((i) => i.id);
  list('Largest improvements beyond the noise', gains, 'none');

  const counts = { up: 0, down: 0, 'within-noise': 0, 'not-rated': 0 };
  for (const i of result.indicators) counts[i.status] += 1;
  heading('All indicators in both cycles');
  out.push(`  ${counts.up} up, ${counts.down} down, ${counts['within-noise']} within the noise, ${counts['not-rated']} not rated in both`);
  out.push(style.dim(truncate(`  ! critical. ≈ within the noise: under ${result.settings.minChange} points, or under ${result.settings.noiseFactor} standard errors (from n and sd).`, width)));
  out.push('');
  return `${out.join('\n')}\n`;
}
