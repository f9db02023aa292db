// The score as a room sees it on one screen: per rubric the percent and the
// (indicative) stage, a principle x domain table, then what to do first, where
// people disagree or do not know, how roles see it, and how much was answered.
// Pure: (result, options) => string; colour comes in as a style, and every band
// also carries a mark, so the text reads the same without colour. Fits the width
// it is given, 80 columns or more (100 unless the command says otherwise).
import Table from 'cli-table3';
import type { GroupScore, RubricScore, ScoreResult } from '../model/score.js';
import { bandFor, type Band } from '../scoring/bands.js';
import { namedDomains } from '../scoring/settings.js';
import { shortDomainLabels } from './domain-labels.js';
import type { TextStyle } from './findings/types.js';

export interface ScoreTerminalOptions {
  style: TextStyle;
  /** How many priorities to list (10). */
  top?: number;
  /** Columns to fit (100); anything under 80 is taken as 80. */
  width?: number;
  /**
   * The short column labels the rubrics' domains declare, by domain id
   * (`declaredShortLabels`): the score result does not carry them. A domain
   * without one is labelled from its name.
   */
  domainLabels?: ReadonlyMap<string, string>;
}

const marks: Record<Band, string> = { met: '✓', near: ' ', far: '!' };

export function round(value: number): number {
  return Math.round(value);
}

export function formatPercent(percent: number | null): string {
  return percent === null ? '–' : `${round(percent)}%`;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

function bar(percent: number, width = 20): string {
  const full = Math.round((Math.max(0, Math.min(100, percent)) / 100) * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function renderScoreTerminal(result: ScoreResult, options: ScoreTerminalOptions): string {
  const { style } = options;
  const width = Math.max(80, options.width ?? 100);
  const top = options.top ?? 10;
  const out: string[] = [];
  const paint = (band: Band | null, text: string) => (band === 'met' ? style.green(text) : band === 'far' ? style.red(text) : band === 'near' ? style.yellow(text) : style.dim(text));
  const cell = (g: Pick<GroupScore, 'percent' | 'withheld'>, target: number) => {
    // A trailing space where a figure has its mark, so that dots and dashes line up with the digits.
    if (g.percent === null) return `${style.dim(g.withheld === 'no-indicators' ? '·' : g.withheld === 'not-applicable' ? 'n/a' : '–')} `;
    const band = bandFor(g.percent, target);
    return paint(band, `${round(g.percent)}${marks[band!]}`);
  };
  const heading = (text: string) => out.push('', style.bold(truncate(text, width)));
  const indicator = new Map(result.indicators.map((i) => [i.id, i]));
  const lensGroupName = new Map((result.lens?.facets ?? []).flatMap((f) => f.groups.map((g) => [`${f.id}/${g.id}`, g.name] as const)));
  const withheldText = (g: Pick<GroupScore, 'withheld' | 'share'>) =>
    g.withheld === 'too-few-answers' ? `too few answers (${Math.round((g.share ?? 0) * 100)}% of indicators rated)` : g.withheld === 'not-applicable' ? 'not applicable' : 'no indicators';

  out.push(style.bold(`${result.agency} · ${result.cycle} · ${result.date}`));
  out.push(
    style.dim(
      wrap(`${plural(result.coverage.respondents, 'respondent')} · target level ${result.targetLevel} · percents rounded · stages are indicative, not a certification`, width, '', '', ' · '),
    ),
  );

  // The key to the matrix's columns and the legend are printed once, and again only under a table with other columns.
  let keyShown = '';
  for (const rubric of result.rubrics) {
    heading(`${rubric.title} (${rubric.id} ${rubric.version})`);
    const target = rubric.targetPercent;
    if (rubric.percent === null) out.push(`  ${style.dim(withheldText(rubric))}`);
    else {
      const stage = rubric.stage ? `stage: ${rubric.stage.name} (indicative)` : '';
      out.push(`  ${paint(bandFor(rubric.percent, target), `${formatPercent(rubric.percent)}`)}  ${bar(rubric.percent)}  ${stage}  ${style.dim(`target ${round(target)}%`)}`);
      if (rubric.stage?.cappedFrom) {
        const level = rubric.criticalGate ? ` ${rubric.criticalGate.minLevel}` : '';
        const held = `Held below ${rubric.stage.cappedFrom.name} (indicative) while critical practices are below level${level} or not rated: ${rubric.stage.heldBy.join(', ')}`;
        out.push(style.yellow(wrap(held, width, '  ', '    ')));
      }
    }
    if (!result.lens) {
      const columns = orderDomains(rubric.domains).map((d) => d.id).join(' ');
      out.push(matrixTable(rubric, width, cell, keyShown !== columns, options.domainLabels));
      keyShown = columns;
    }
  }

  if (result.lens) {
    out.push('', style.bold(truncate(`Through a framework's lens: ${result.lens.title}`, width)));
    for (const facet of result.lens.facets) {
      heading(`${facet.name} (${result.lens.framework})`);
      const nameWidth = Math.min(48, Math.max(...facet.groups.map((g) => g.name.length)));
      for (const g of facet.groups) out.push(groupLine(g, nameWidth, 75));
    }
    out.push(style.dim('  An indicator tagged with two elements counts in both; the groups overlap.'));
  } else {
    heading('Service domains across rubrics');
    const ordered = orderDomains(result.domains);
    const nameWidth = Math.min(40, Math.max(...ordered.map((g) => g.name.length)));
    for (const g of ordered) out.push(groupLine(g, nameWidth, targetOf(result)));
  }

  function groupLine(g: GroupScore, nameWidth: number, target: number): string {
    const name = truncate(g.name, nameWidth).padEnd(nameWidth);
    if (g.percent === null) return `  ${name}  ${style.dim(withheldText(g))}`;
    const band = bandFor(g.percent, target);
    return `  ${name}  ${paint(band, `${String(round(g.percent)).padStart(3)}%${marks[band!]}`)} ${bar(g.percent)}`;
  }

  heading(`What to do first: top ${Math.min(top, result.priorities.length)} of ${plural(result.priorities.length, 'gap')} (critical first)`);
  if (result.priorities.length === 0) out.push(style.dim('  No rated indicator is below the target.'));
  else {
    const textWidth = width - 4 - 18 - 6 - 14 - 6;
    const table = new Table({
      head: ['#', 'indicator', 'practice', 'now', 'gap (points)'],
      colWidths: [4, 18, textWidth, 6, 14],
      colAligns: ['right', 'left', 'left', 'right', 'right'],
      style: { head: [], border: [], compact: true },
    });
    for (const p of result.priorities.slice(0, top)) {
      const i = indicator.get(p.indicator)!;
      table.push([
        String(p.rank),
        p.critical ? style.red(`! ${p.indicator}`) : p.indicator,
        truncate(i.text, textWidth - 2),
        formatPercent(p.percent),
        `${round(p.gap)} (${p.gapPoints.toFixed(1)})`,
      ]);
    }
    out.push(table.toString());
    out.push(style.dim(wrap('! critical: its absence risks re-traumatizing people served. Gap: points below target (scale).', width, '  ', '    ')));
  }

  heading(`Where staff disagree (staff ratings: spread of ${result.settings.disagreementSpread}+ points or r_wg below ${result.settings.lowRwg})`);
  if (result.disagreements.length === 0) out.push(style.dim('  No indicator with a wide spread of ratings.'));
  for (const d of result.disagreements.slice(0, top)) {
    const rwg = d.rwg === null ? '' : `, r_wg ${d.rwg.toFixed(2)}`;
    out.push(`  ${d.indicator.padEnd(16)} ${d.min.toFixed(1)} to ${d.max.toFixed(1)} (n ${d.n}${rwg})  ${style.dim(truncate(indicator.get(d.indicator)!.text, width - 50))}`);
  }
  if (result.disagreements.length > top) out.push(style.dim(`  and ${result.disagreements.length - top} more (see --json)`));

  heading(`Do staff know? (don't know in ${Math.round(result.settings.dontKnowRate * 100)}% or more of staff answers)`);
  if (result.dontKnow.length === 0) out.push(style.dim(`  No indicator where ${Math.round(result.settings.dontKnowRate * 100)}% or more of staff answers were don't know.`));
  else out.push(wrap('Staff do not know whether these happen: a communication gap, not a practice gap.', width, '  ', '  '));
  for (const d of result.dontKnow.slice(0, top)) {
    out.push(`  ${d.indicator.padEnd(16)} ${String(Math.round(d.rate * 100)).padStart(3)}% (${d.unknown} of ${d.answers} answered don't know)  ${style.dim(truncate(indicator.get(d.indicator)!.text, width - 58))}`);
  }
  if (result.dontKnow.length > top) out.push(style.dim(`  and ${result.dontKnow.length - top} more (see --json)`));

  const k = result.perspectives.smallCellThreshold;
  heading(`Perspectives (roles with fewer than ${k} respondents show no figures)`);
  const columns = result.lens ? result.lens.facets[0]!.groups.map((g) => ({ id: g.id, name: g.name })) : result.rubrics.map((r) => ({ id: r.id, name: r.id }));
  const roleWidth = 22;
  let colWidth = Math.max(7, Math.min(12, Math.floor((width - roleWidth - 2 - columns.length - 1) / Math.max(1, columns.length))));
  const shownColumns = columns.slice(0, Math.floor((width - roleWidth - 2) / (colWidth + 1)));
  // Room for "hidden to protect a smaller role" across the figures' columns.
  if (shownColumns.length > 0 && shownColumns.length * (colWidth + 1) - 1 < 36) colWidth = Math.ceil((36 + 1) / shownColumns.length) - 1;
  const roleTable = new Table({
    head: ['role', ...shownColumns.map((c) => truncate(c.name, colWidth - 2))],
    colWidths: [roleWidth, ...shownColumns.map(() => colWidth)],
    style: { head: [], border: [], compact: true },
  });
  for (const role of result.perspectives.roles) {
    if (!role.reportable) {
      const why = role.hidden === 'no-respondents' ? 'no respondents' : role.hidden === 'complementary' ? 'hidden to protect a smaller role' : `fewer than ${k} respondents`;
      roleTable.push([truncate(role.name, roleWidth - 2), { colSpan: shownColumns.length, content: style.dim(why) }]);
      continue;
    }
    const figures = shownColumns.map((c) => {
      const g = result.lens ? role.lens.find((l) => l.id === c.id) : role.rubrics.find((r) => r.id === c.id);
      return g?.percent == null ? style.dim('–') : formatPercent(g.percent);
    });
    roleTable.push([truncate(`${role.name} (${role.respondents})`, roleWidth - 2), ...figures]);
  }
  if (shownColumns.length > 0) out.push(roleTable.toString());
  const names = new Map(result.perspectives.roles.map((r) => [r.role, r.name]));
  const principleName = new Map(result.rubrics.flatMap((r) => r.principles.map((p) => [`${r.id}/${p.id}`, p.name] as const)));
  const lensName = new Map((result.lens?.facets[0]?.groups ?? []).map((g) => [g.id, g.name]));
  if (result.perspectives.gaps.length > 0) {
    out.push(`  Perception gaps (${result.settings.perceptionGap}+ points apart; leadership vs people served first):`);
    const gaps = result.perspectives.gaps.slice(0, top).map((g) => ({
      where: g.rubric ? `${g.rubric}: ${principleName.get(`${g.rubric}/${g.principle}`) ?? g.principle}` : (lensName.get(g.principle) ?? g.principle),
      figures: `${names.get(g.roles[0])} ${formatPercent(g.percents[0])} vs ${names.get(g.roles[1])} ${formatPercent(g.percents[1])} (${g.difference > 0 ? '+' : ''}${round(g.difference)}, ${g.indicators} shared)`,
    }));
    // The principle's name gives way first: the figures are the finding.
    const whereWidth = Math.max(12, Math.min(36, width - 3 - Math.max(...gaps.map((g) => g.figures.length))));
    for (const g of gaps) out.push(`  ${truncate(g.where, whereWidth).padEnd(whereWidth)} ${g.figures}`);
    out.push(style.dim(wrap('Each pair is compared over the indicators of the principle that both roles rated (shared).', width, '  ', '  ')));
  }

  heading("Coverage (answered: rated, n/a or don't know, of the answers expected)");
  // Figures in columns of their own, so that the names keep their room at 80 columns.
  const figureColumns = [
    ['share', 5],
    ['rated', 5],
    ['n/a', 4],
    ["don't know", 10],
    ['skipped', 7],
    ['open', 5],
  ] as const;
  const coverageName = Math.max(20, Math.min(36, width - 2 - figureColumns.reduce((sum, [, w]) => sum + w + 1, 0) - 4));
  out.push(`  ${''.padEnd(coverageName)}${figureColumns.map(([head, w]) => ` ${head.padStart(w)}`).join('')}`);
  for (const c of result.coverage.rubrics) out.push(coverageLine(c.id, c));
  const domainName = new Map(result.domains.map((d) => [d.id, d.name]));
  for (const c of orderDomains(result.coverage.domains)) out.push(coverageLine(domainName.get(c.id) ?? c.id, c));
  for (const c of result.coverage.lens) out.push(coverageLine(lensGroupName.get(`${c.facet}/${c.id}`) ?? c.id, c));
  function coverageLine(id: string, c: ScoreResult['coverage']['rubrics'][number]): string {
    const name = truncate(id, coverageName).padEnd(coverageName);
    if (c.share === null) return `  ${name} ${style.dim('nothing to answer')}`;
    const figures = [`${Math.round(c.share * 100)}%`, c.answered, c.na, c.unknown, c.skipped, c.unanswered];
    const line = `  ${name}${figures.map((f, i) => ` ${String(f).padStart(figureColumns[i]![1])}`).join('')}`;
    return c.low ? `${line} ${style.yellow('low')}` : line;
  }
  if ([...result.coverage.rubrics, ...result.coverage.domains, ...result.coverage.lens].some((c) => c.low)) {
    out.push(style.yellow(`  low: under ${Math.round(result.settings.lowCoverage * 100)}% answered; the figures rest on few answers.`));
  }
  out.push('');
  return `${out.join('\n')}\n`;
}

/** The assessment's usual target percent, for groups that span rubrics. */
function targetOf(result: ScoreResult): number {
  return result.rubrics[0]?.targetPercent ?? 75;
}

/** The four named domains first, then the rest in catalog order. */
function orderDomains<T extends { id: string }>(groups: readonly T[]): T[] {
  const named = namedDomains as readonly string[];
  return [...groups].sort((a, b) => {
    const ia = named.indexOf(a.id);
    const ib = named.indexOf(b.id);
    return (ia === -1 ? named.length : ia) - (ib === -1 ? named.length : ib);
  });
}

/**
 * A principle x domain table without borders, so that nine domains and an
 * "all" column fit 80 columns: each column is as wide as "100✓" plus a space,
 * headed by a short label, with the key from label to domain name underneath.
 */
function matrixTable(rubric: RubricScore, width: number, cell: (g: Pick<GroupScore, 'percent' | 'withheld'>, target: number) => string, withKey: boolean, declaredLabels?: ReadonlyMap<string, string>): string {
  const domains = orderDomains(rubric.domains);
  const labels = shortDomainLabels(domains, declaredLabels);
  const column = 6;
  const principleWidth = Math.max(14, Math.min(36, width - 2 - column * (domains.length + 1)));
  const figure = (text: string) => padStartVisible(text, column);
  const row = (name: string, cells: string[]) => `  ${truncate(name, principleWidth - 1).padEnd(principleWidth)}${cells.map(figure).join('')}`;
  const rule = `  ${'─'.repeat(principleWidth + column * (domains.length + 1))}`;
  const lines = [row('principle', [...domains.map((d) => `${labels.get(d.id)}`), 'all']), rule];
  for (const p of rubric.principles) {
    lines.push(row(p.name, [...domains.map((d) => cell(rubric.matrix.find((c) => c.principle === p.id && c.domain === d.id)!, rubric.targetPercent)), cell(p, rubric.targetPercent)]));
  }
  lines.push(rule, row('all principles', [...domains.map((d) => cell(d, rubric.targetPercent)), cell(rubric, rubric.targetPercent)]));
  if (withKey) {
    lines.push(...domainKey(domains, labels, width));
    lines.push(...wrap('✓ at or above target  ! 25+ points below  – too few answers  · no indicators  n/a not applicable', width, '  ', '  ', '  ').split('\n'));
  }
  return lines.join('\n');
}

/** "Outr  Outreach and engagement", in two columns (read down) where they fit, else one. */
function domainKey(domains: readonly { id: string; name: string }[], labels: ReadonlyMap<string, string>, width: number): string[] {
  const labelWidth = Math.max(...domains.map((d) => labels.get(d.id)!.length));
  const entries = domains.map((d) => `${labels.get(d.id)!.padEnd(labelWidth)} ${d.name}`);
  const entryWidth = Math.max(...entries.map((e) => e.length));
  if (2 + entryWidth * 2 + 2 > width) return entries.map((e) => `  ${truncate(e, width - 2)}`);
  const half = Math.ceil(entries.length / 2);
  return entries.slice(0, half).map((e, i) => (entries[half + i] ? `  ${e.padEnd(entryWidth)}  ${entries[half + i]}` : `  ${e}`));
}

/** Pads on the left to a visible width: colour codes take no room on screen. */
function padStartVisible(text: string, width: number): string {
  // eslint-disable-next-line no-control-regex
  const visible = [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
  return `${' '.repeat(Math.max(0, width - visible))}${text}`;
}

/**
 * Text wrapped to `width` columns between its parts (words, or the items of a
 * legend when `separator` is two spaces): the first line after `indent`, the rest after `hang`.
 */
function wrap(text: string, width: number, indent: string, hang: string, separator = ' '): string {
  const lines: string[] = [];
  let line = '';
  for (const part of text.split(separator)) {
    if (line !== '' && [...line].length + separator.length + [...part].length > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? `${lines.length === 0 ? indent : hang}${part}` : `${line}${separator}${part}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
