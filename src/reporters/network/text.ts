// The network report for a terminal or a plain-text e-mail: fixed-width tables
// that fit 100 columns, no colour, so that it reads the same in a pipe.
import type { NetworkFigure, NetworkResult } from '../../model/aggregate.js';
import type { ReportFile } from '../report/types.js';
import {
  agencyCount,
  describeGenerated,
  formatCount,
  formatPercent,
  formatShare,
  leftOutWords,
  LISTED_GAPS,
  networkMean,
  networkTitle,
  plural,
  principleName,
  problemWords,
  rubricTitle,
  sentences,
  spread,
} from './view.js';

const WIDTH = 100;

function fit(text: string, width: number): string {
  const oneLine = text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  return oneLine.length <= width ? oneLine.padEnd(width) : `${oneLine.slice(0, Math.max(0, width - 1))}…`;
}

const right = (text: string, width: number) => text.padStart(width);

function wrap(text: string, width = WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function figureTable(label: string, rows: readonly { name: string; f: NetworkFigure }[], min: number): string {
  const nameWidth = 40;
  const head = `${fit(label, nameWidth)} ${right('Agencies', 10)} ${right('Mean', 20)} ${['Min', 'Q1', 'Med', 'Q3', 'Max'].map((h) => right(h, 5)).join('')}`;
  const body = rows.map(({ name, f }) => `${fit(name, nameWidth)} ${right(agencyCount(f), 10)} ${right(networkMean(f, min), 20)} ${spread(f).map((v) => right(v, 5)).join('')}`);
  return [head, '-'.repeat(head.length), ...body].join('\n');
}

function heading(text: string, rule = '='): string {
  return `${text}\n${rule.repeat(Math.min(WIDTH, text.length))}`;
}

export function renderNetworkText(result: NetworkResult): ReportFile[] {
  return [{ path: 'network.txt', content: networkText(result) }];
}

export function networkText(result: NetworkResult): string {
  const min = result.settings.minAgencies;
  const { coverage } = result;
  const out: string[] = [];
  out.push(heading(networkTitle(result)));
  out.push(
    [
      `Agencies:    ${coverage.agencies} (of ${plural(coverage.inputs, 'input')})`,
      `Respondents: ${formatCount(coverage.respondents)}`,
      `Rubrics:     ${result.rubrics.map((r) => `${r.id} ${r.versions.map((v) => v.version).join(', ')}`).join('; ') || 'none'}`,
      `Generated:   ${describeGenerated(result)}`,
    ]
      .map((l) => fit(l, WIDTH).trimEnd())
      .join('\n'),
  );
  out.push(wrap(sentences.intro(result)));
  if (result.settings.anonymized) out.push(wrap(sentences.anonymized));
  if (coverage.failed > 0) out.push(`Read with care: ${plural(coverage.failed, 'input')} could not be included (see Coverage).`);

  out.push(heading('Rubrics'));
  out.push(figureTable('Rubric', result.rubrics.map((r) => ({ name: r.name, f: r })), min));
  if (result.domains.length > 0) {
    out.push(heading('Service domains across rubrics'));
    out.push(figureTable('Domain', result.domains.map((d) => ({ name: d.name, f: d })), min));
  }
  for (const r of result.rubrics) {
    out.push(heading(r.name));
    out.push(figureTable('Principle', r.principles.map((p) => ({ name: p.name, f: p })), min));
    out.push(figureTable('Service domain', r.domains.map((d) => ({ name: d.name, f: d })), min));
  }
  if (result.lens) {
    out.push(heading(`Through ${result.lens.title}`));
    for (const facet of result.lens.facets) out.push(figureTable(facet.name, facet.groups.map((g) => ({ name: g.name, f: g })), min));
  }

  out.push(heading('Agencies by principle'));
  out.push(wrap(`${sentences.heatmap} Percents; "-": not shown (too few answers, or not in the agency's version).`));
  for (const h of result.heatmaps) {
    const nameWidth = 24;
    const head = `${fit(h.title, nameWidth)} ${right('All', 4)}${h.principles.map((_, i) => right(`P${i + 1}`, 4)).join('')}`;
    const rows = h.rows.map(
      (row) =>
        `${fit(row.agency, nameWidth)} ${right(row.percent === null ? '-' : String(Math.round(row.percent)), 4)}${row.principles.map((c) => right(c.percent === null ? '-' : String(Math.round(c.percent)), 4)).join('')}`,
    );
    const network = result.rubrics.find((r) => r.id === h.rubric);
    const whole = (f: NetworkFigure | undefined) => right(f?.mean == null ? '-' : String(Math.round(f.mean)), 4);
    const networkRow = network ? [`${fit('Network mean', nameWidth)} ${whole(network)}${h.principles.map((p) => whole(network.principles.find((q) => q.id === p.id))).join('')}`] : [];
    out.push([head, '-'.repeat(head.length), ...networkRow, ...(networkRow.length > 0 ? ['-'.repeat(head.length)] : []), ...rows].join('\n'));
    out.push(h.principles.map((p, i) => fit(`P${i + 1} ${p.name}`, WIDTH).trimEnd()).join('\n'));
  }

  out.push(heading('Where support would help most'));
  out.push(wrap(sentences.lagging));
  for (const l of result.lagging) {
    out.push(`${l.name}: ${l.below} of ${plural(l.assessed, 'agency', 'agencies')} below target${l.agencies.length > 0 ? '' : '.'}`);
    if (l.agencies.length > 0) out.push(l.agencies.map((a, i) => `  ${right(String(i + 1), 2)}. ${fit(a.agency, 50)} ${right(formatPercent(a.percent), 5)}  ${right(String(Math.round(a.gap)), 3)} points below`).join('\n'));
  }

  out.push(heading('Gaps in the most agencies'));
  out.push(wrap(sentences.indicatorGaps));
  const gaps = result.indicatorGaps.filter((g) => g.withheld === undefined && g.below > 0).slice(0, LISTED_GAPS);
  if (gaps.length === 0) out.push('No practice is below target in enough agencies to show.');
  else {
    const head = `${fit('Practice', 58)} ${right('Below', 11)} ${right('Share', 6)} ${right('Mean', 5)} ${right('Gap', 4)}`;
    out.push(
      [
        head,
        '-'.repeat(head.length),
        ...gaps.map(
          (g) =>
            `${fit(`${g.critical ? '! ' : ''}${g.indicator} ${g.text}`, 58)} ${right(`${g.below} of ${g.rated}`, 11)} ${right(g.share === null ? '' : formatShare(g.share), 6)} ${right(g.mean === null ? '' : formatPercent(g.mean), 5)} ${right(g.meanGap === null ? '' : String(Math.round(g.meanGap)), 4)}`,
        ),
      ].join('\n'),
    );
    if (gaps.some((g) => g.critical)) out.push('"!": a critical practice.');
  }

  out.push(heading('Perception gaps that recur'));
  out.push(wrap(sentences.perceptionGaps(result)));
  const recurring = result.perceptionGaps.slice(0, LISTED_GAPS);
  if (recurring.length === 0) out.push(sentences.noPerceptionGaps(result));
  else
    // Two lines a gap, so that neither the principle nor the roles are cut.
    out.push(
      recurring
        .map((g) =>
          [
            `- ${rubricTitle(result, g.rubric)}: ${principleName(result, g.rubric, g.principle)}`,
            `  ${g.roleNames[0]} above ${g.roleNames[1]} by ${Math.round(g.meanDifference)} points on average, in ${g.agencies} of ${g.comparable} agencies`,
          ].join('\n'),
        )
        .join('\n'),
    );

  out.push(heading('Coverage'));
  const byKind = (kind: string) => coverage.included.filter((a) => a.kind === kind).length;
  out.push(`${plural(coverage.inputs, 'input')}: ${coverage.agencies} included (${byKind('export')} exports, ${byKind('workspace')} workspaces), ${coverage.failed} not included.`);
  const warned = coverage.included.filter((a) => a.warnings.length > 0);
  for (const a of warned) for (const w of a.warnings) out.push(wrap(`  warning: ${a.source ?? a.agency}: ${problemWords[w.code]}${w.detail ? ` (${w.detail})` : ''}`));
  for (const f of coverage.faults) out.push(wrap(`  not included: ${f.source}: ${problemWords[f.problem.code]}${f.problem.detail ? ` (${f.problem.detail})` : ''}`));
  for (const c of coverage.rubrics.filter((c) => c.versions.length > 1)) {
    out.push(wrap(`${c.rubric}: ${c.versions.map((v) => `${v.version} (${plural(v.agencies, 'agency', 'agencies')})`).join(', ')}; compared on the ${c.shared} practices they share; left out: ${c.leftOut.map((l) => `${l.indicator} (${leftOutWords[l.reason]})`).join(', ') || 'none'}.`));
  }

  out.push(heading('Methodology'));
  out.push(sentences.methodology(result).map((s) => wrap(`- ${s}`)).join('\n'));
  return `${out.join('\n\n')}\n`;
}
