// The score as a room sees it on one screen: per rubric the percent and the
// (indicative) stage, a principle x domain table, then what to do first, where
// people disagree or do not know, how roles see it, and how much was answered.
// Pure: (result, options) => string; colour comes in as a style, and every band
// also carries a mark, so the text reads the same without colour. Fits 100 columns.
import Table from 'cli-table3';
import type { GroupScore, RubricScore, ScoreResult } from '../model/score.js';
import { bandFor, type Band } from '../scoring/bands.js';
import { namedDomains } from '../scoring/settings.js';
import type { TextStyle } from './findings/types.js';

export interface ScoreTerminalOptions {
  style: TextStyle;
  /** How many priorities to list (10). */
  top?: number;
  /** Columns to fit (100). */
  width?: number;
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
  const width = options.width ?? 100;
  const top = options.top ?? 10;
  const out: string[] = [];
  const paint = (band: Band | null, text: string) => (band === 'met' ? style.green(text) : band === 'far' ? style.red(text) : band === 'near' ? style.yellow(text) : style.dim(text));
  const cell = (g: Pick<GroupScore, 'percent' | 'withheld'>, target: number) => {
    if (g.percent === null) return style.dim(g.withheld === 'no-indicators' ? '·' : g.withheld === 'not-applicable' ? 'n/a' : '–');
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
      `${plural(result.coverage.respondents, 'respondent')} · target level ${result.targetLevel} · percents rounded · stages are indicative, not a certification`,
    ),
  );

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
        out.push(style.yellow(wrap(held, width - 2)));
      }
    }
    if (!result.lens) out.push(matrixTable(rubric, width, cell));
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
    out.push(style.dim('  ! critical: its absence risks re-traumatizing people served. Gap: points below target (scale).'));
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
  else out.push('  Staff do not know whether these happen: a communication gap, not a practice gap.');
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
    for (const g of result.perspectives.gaps.slice(0, top)) {
      const where = g.rubric ? `${g.rubric}: ${principleName.get(`${g.rubric}/${g.principle}`) ?? g.principle}` : (lensName.get(g.principle) ?? g.principle);
      out.push(
        `  ${truncate(where, 36).padEnd(36)} ${names.get(g.roles[0])} ${formatPercent(g.percents[0])} vs ${names.get(g.roles[1])} ${formatPercent(g.percents[1])} (${g.difference > 0 ? '+' : ''}${round(g.difference)}, ${g.indicators} shared)`,
      );
    }
    out.push(style.dim('  Each pair is compared over the indicators of the principle that both roles rated (shared).'));
  }

  heading('Coverage: share answered (rated, not applicable or don\'t know) of the answers expected');
  for (const c of result.coverage.rubrics) out.push(coverageLine(c.id, c));
  const domainName = new Map(result.domains.map((d) => [d.id, d.name]));
  for (const c of orderDomains(result.coverage.domains)) out.push(coverageLine(domainName.get(c.id) ?? c.id, c));
  for (const c of result.coverage.lens) out.push(coverageLine(lensGroupName.get(`${c.facet}/${c.id}`) ?? c.id, c));
  function coverageLine(id: string, c: ScoreResult['coverage']['rubrics'][number]): string {
    if (c.share === null) return `  ${truncate(id, 28).padEnd(28)} ${style.dim('nothing to answer')}`;
    const share = `${String(Math.round(c.share * 100)).padStart(3)}%`;
    const parts = `${c.answered} rated, ${c.na} n/a, ${c.unknown} don't know, ${c.skipped} skipped, ${c.unanswered} open`;
    return `  ${truncate(id, 28).padEnd(28)} ${c.low ? style.yellow(`${share} low`) : `${share}    `}  ${style.dim(parts)}`;
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

function matrixTable(rubric: RubricScore, width: number, cell: (g: Pick<GroupScore, 'percent' | 'withheld'>, target: number) => string): string {
  const domains = orderDomains(rubric.domains);
  const columns = domains.length + 2;
  const available = width - (columns + 1);
  const domainWidth = Math.max(6, Math.min(12, Math.floor((available - 18) / (domains.length + 1))));
  const principleWidth = Math.min(30, available - domainWidth * (domains.length + 1));
  const short = (name: string) => truncate(name.split(/\s+/)[0]!, domainWidth - 2);
  const table = new Table({
    head: ['principle', ...domains.map((d) => short(d.name)), 'all'],
    colWidths: [principleWidth, ...domains.map(() => domainWidth), domainWidth],
    colAligns: ['left', ...domains.map(() => 'right' as const), 'right'],
    style: { head: [], border: [], compact: true },
  });
  for (const p of rubric.principles) {
    const row = domains.map((d) => cell(rubric.matrix.find((c) => c.principle === p.id && c.domain === d.id)!, rubric.targetPercent));
    table.push([truncate(p.name, principleWidth - 2), ...row, cell(p, rubric.targetPercent)]);
  }
  table.push(['all principles', ...domains.map((d) => cell(d, rubric.targetPercent)), cell(rubric, rubric.targetPercent)]);
  const legend = `  ✓ at or above target  ! 25+ points below  – too few answers  · no indicators  n/a not applicable`;
  const names = `Columns: ${domains.map((d) => d.name).join(' · ')}`;
  return `${table.toString()}\n${wrap(names, width - 2)}\n${legend}`;
}

function wrap(text: string, width: number): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length + word.length + 1 > width && line.trim() !== '') {
      lines.push(`  ${line}`);
      line = `  ${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line) lines.push(`  ${line}`);
  return lines.join('\n');
}
