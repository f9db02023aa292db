// The network report as GitHub-flavored Markdown, with the report's own escaping
// (every name and text from an agency or a rubric goes through mdText/mdCell).
import type { NetworkFigure, NetworkResult } from '../../model/aggregate.js';
import { mdCell, mdTable, mdText } from '../report/markdown-escape.js';
import type { ReportFile } from '../report/types.js';
import { agencyCount, agencyWithheldLabel, assessedWhen, describeGenerated, formatCount, formatPercent, formatShare, leftOutWords, LISTED_GAPS, networkMean, networkTitle, plural, principleName, problemWords, rubricTitle, sentences, spread } from './view.js';

const FIGURE_HEADER = ['Agencies', 'Mean', 'Min', 'Q1', 'Median', 'Q3', 'Max'];
const RIGHT = (n: number) => Array.from({ length: n }, () => 'right' as const);

function figureRow(name: string, f: NetworkFigure, min: number): string[] {
  return [mdCell(name), agencyCount(f), mdCell(networkMean(f, min)), ...spread(f).map((v) => v || ' ')];
}

export function renderNetworkMarkdown(result: NetworkResult): ReportFile[] {
  return [{ path: 'network.md', content: networkMarkdown(result) }];
}

export function networkMarkdown(result: NetworkResult): string {
  const min = result.settings.minAgencies;
  const out: string[] = [];
  const push = (...blocks: string[]) => out.push(...blocks);
  const { coverage } = result;

  push(`# ${mdText(networkTitle(result))}`);
  push(
    [
      `**Agencies:** ${coverage.agencies} (of ${plural(coverage.inputs, 'input')})  `,
      `**Respondents:** ${formatCount(coverage.respondents)}  `,
      `**Rubrics:** ${result.rubrics.map((r) => `${mdText(r.name)} (${mdText(r.id)} ${r.versions.map((v) => mdText(v.version)).join(', ')})`).join('; ') || 'none'}  `,
      `**Generated:** ${mdText(describeGenerated(result))}`,
    ].join('\n'),
  );
  push(`> ${mdText(sentences.intro(result))}`);
  if (result.settings.anonymized) push(`> ${sentences.anonymized}`);
  if (coverage.failed > 0) push(`**Read with care:** ${plural(coverage.failed, 'input')} could not be included; see Coverage.`);

  push('## Rubrics');
  push(mdTable(['Rubric', ...FIGURE_HEADER], result.rubrics.map((r) => figureRow(r.name, r, min)), ['left', ...RIGHT(7)]));
  if (result.domains.length > 0) {
    push('## Service domains across rubrics');
    push(mdTable(['Domain', ...FIGURE_HEADER], result.domains.map((d) => figureRow(d.name, d, min)), ['left', ...RIGHT(7)]));
  }

  for (const r of result.rubrics) {
    push(`## ${mdText(r.name)}`);
    push('### Principles');
    push(mdTable(['Principle', ...FIGURE_HEADER], r.principles.map((p) => figureRow(p.name, p, min)), ['left', ...RIGHT(7)]));
    push('### Service domains');
    push(mdTable(['Domain', ...FIGURE_HEADER], r.domains.map((d) => figureRow(d.name, d, min)), ['left', ...RIGHT(7)]));
    push('### Principles by service domain (network mean)');
    const cell = (p: string, d: string) => {
      const c = r.matrix.find((m) => m.principle === p && m.domain === d);
      return !c || c.assessed === 0 ? '·' : mdCell(networkMean(c, min));
    };
    push(
      mdTable(
        ['Principle', ...r.domains.map((d) => mdCell(d.name))],
        r.principles.map((p) => [mdCell(p.name), ...r.domains.map((d) => cell(p.id, d.id))]),
        ['left', ...RIGHT(r.domains.length)],
      ),
    );
    push('"·": no agency\'s rubric has a practice for that principle in that domain.');
  }

  if (result.lens) {
    push(`## Through ${mdText(result.lens.title)}`);
    for (const facet of result.lens.facets) {
      push(`### ${mdText(facet.name)}`);
      push(mdTable([mdCell(facet.name), ...FIGURE_HEADER], facet.groups.map((g) => figureRow(g.name, g, min)), ['left', ...RIGHT(7)]));
    }
  }

  push('## Agencies by principle');
  push(sentences.heatmap);
  for (const h of result.heatmaps) {
    push(`### ${mdText(h.title)}`);
    const network = result.rubrics.find((r) => r.id === h.rubric);
    const networkRow = network
      ? [['**Network mean**', mdCell(networkMean(network, min)), ...h.principles.map((p) => {
          const f = network.principles.find((q) => q.id === p.id);
          return f ? mdCell(networkMean(f, min)) : ' ';
        })]]
      : [];
    push(
      mdTable(
        ['Agency', 'Overall', ...h.principles.map((p) => mdCell(p.name))],
        [...networkRow, ...h.rows.map((row) => [
          mdCell(row.agency),
          row.percent === null ? mdCell(agencyWithheldLabel(row.withheld)) : formatPercent(row.percent),
          ...row.principles.map((c) => (c.percent === null ? mdCell(agencyWithheldLabel(c.withheld)) : formatPercent(c.percent))),
        ])],
        ['left', ...RIGHT(h.principles.length + 1)],
      ),
    );
  }

  push('## Where support would help most');
  push(sentences.lagging);
  for (const l of result.lagging) {
    push(`### ${mdText(l.name)}`);
    push(`${l.below} of ${plural(l.assessed, 'agency', 'agencies')} with a figure are below target.`);
    if (l.agencies.length > 0) {
      push(mdTable(['Agency', 'Percent', 'Below target (points)'], l.agencies.map((a) => [mdCell(a.agency), formatPercent(a.percent), String(Math.round(a.gap))]), ['left', 'right', 'right']));
    }
  }

  push('## Gaps in the most agencies');
  push(sentences.indicatorGaps);
  const gaps = result.indicatorGaps.filter((g) => g.withheld === undefined && g.below > 0).slice(0, LISTED_GAPS);
  push(
    gaps.length === 0
      ? 'No practice is below target in enough agencies to show.'
      : mdTable(
          ['Practice', 'Rubric', 'Below target', 'Share', 'Network mean', 'Mean gap'],
          gaps.map((g) => [
            `${g.critical ? '**Critical:** ' : ''}${mdCell(g.text)} (${mdText(g.indicator)})`,
            mdCell(g.rubric),
            `${g.below} of ${g.rated}`,
            g.share === null ? ' ' : formatShare(g.share),
            g.mean === null ? ' ' : formatPercent(g.mean),
            g.meanGap === null ? ' ' : String(Math.round(g.meanGap)),
          ]),
          ['left', 'left', 'right', 'right', 'right', 'right'],
        ),
  );

  push('## Perception gaps that recur');
  push(sentences.perceptionGaps(result));
  const recurring = result.perceptionGaps.slice(0, LISTED_GAPS);
  push(
    recurring.length === 0
      ? sentences.noPerceptionGaps(result)
      : mdTable(
          ['Rubric', 'Principle', 'Roles', 'Agencies', 'Mean difference'],
          recurring.map((g) => [
            mdCell(rubricTitle(result, g.rubric)),
            mdCell(principleName(result, g.rubric, g.principle)),
            mdCell(`${g.roleNames[0]} above ${g.roleNames[1]}`),
            `${g.agencies} of ${g.comparable}`,
            `${Math.round(g.meanDifference)} points`,
          ]),
          ['left', 'left', 'left', 'right', 'right'],
        ),
  );

  push('## Coverage');
  push(`${plural(coverage.inputs, 'input')}: ${plural(coverage.agencies, 'agency', 'agencies')} included, ${coverage.failed} not included.`);
  push(
    mdTable(
      ['Agency', 'Assessed', 'From', 'Rubrics', 'Respondents', 'Warnings'],
      coverage.included.map((a) => [
        mdCell(a.agency),
        mdCell(assessedWhen(a) || ' '),
        mdCell(a.source ? `${a.kind}: ${a.source}` : a.kind),
        mdCell(a.rubrics.map((r) => `${r.id} ${r.version}`).join(', ')),
        String(a.respondents),
        mdCell(a.warnings.map((w) => problemWords[w.code]).join('; ') || ' '),
      ]),
      ['left', 'left', 'left', 'left', 'right', 'left'],
    ),
  );
  if (coverage.faults.length > 0) {
    push('### Not included');
    push(mdTable(['Input', 'Kind', 'Why'], coverage.faults.map((f) => [mdCell(f.source), f.kind, mdCell(f.problem.detail ? `${problemWords[f.problem.code]}: ${f.problem.detail}` : problemWords[f.problem.code])]), ['left', 'left', 'left']));
  }
  const mixed = coverage.rubrics.filter((c) => c.versions.length > 1);
  if (mixed.length > 0) {
    push('### Rubric versions');
    push(sentences.versions);
    for (const c of mixed) {
      push(`**${mdText(c.rubric)}**: ${c.versions.map((v) => `${mdText(v.version)} (${plural(v.agencies, 'agency', 'agencies')})`).join(', ')}; ${c.shared} practices shared, ${c.leftOut.length} left out.`);
      if (c.leftOut.length > 0) push(c.leftOut.map((l) => `- ${mdText(l.indicator)}: ${leftOutWords[l.reason]} (in ${l.versions.map(mdText).join(', ')})`).join('\n'));
    }
  }

  push('## Methodology');
  push(sentences.methodology(result).map((s) => `- ${s}`).join('\n'));
  return `${out.join('\n\n')}\n`;
}
