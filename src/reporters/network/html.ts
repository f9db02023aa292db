// The network report as one static HTML page, built from the agency report's
// blocks: its escaping template, stylesheet and colour bands. No script, no
// network, every figure written in its cell (so it prints in grayscale), a
// Content-Security-Policy that keeps it that way.
import type { Heatmap, NetworkFigure, NetworkResult, NetworkRubric } from '../../model/aggregate.js';
import { bandColours, bandStyles } from '../report/charts.js';
import { html, htmlPage, raw, type SafeHtml } from '../report/html-template.js';
import { reportCss } from '../report/html-style.js';
import type { ReportFile } from '../report/types.js';
import { agencyCount, agencyWithheldLabel, assessedWhen, describeGenerated, formatCount, formatPercent, formatShare, leftOutWords, LISTED_GAPS, networkMean, networkTitle, plural, principleName, problemWords, rubricTitle, sentences, spread } from './view.js';

/** Five bands of 20 points: figures across agencies with different stage lines share one key. */
const BANDS = [0, 20, 40, 60, 80].map((from, index) => ({ index, from, to: from + 20 }));
const BAND_COUNT = BANDS.length;
/** Beyond this many principles, heatmap columns carry numbers and a key names them. */
const MAX_NAMED_COLUMNS = 8;

function band(percent: number): number {
  let found = 0;
  for (const b of BANDS) if (percent >= b.from) found = b.index;
  return found;
}

const css = `${reportCss}
${bandStyles([BAND_COUNT])}
table.figures{table-layout:fixed}
table.figures th:first-child{width:38%}
.figures td.num{font-variant-numeric:tabular-nums}
.withheld{color:var(--muted);font-style:italic}
table.heatmap.agencies{font-size:.8rem;line-height:1.25}
table.heatmap.agencies th[scope=row]{min-width:9rem;font-weight:500;padding:.12rem .4rem}
table.heatmap.agencies td{min-width:2.3rem;padding:.12rem .15rem}
table.heatmap.agencies tr.network th,table.heatmap.agencies tr.network td{border-bottom:3px solid #8c8c8c;font-weight:700}
table.heatmap td.overall{border-right:3px solid #8c8c8c}
.hm-na{background:#fff;color:#767676;font-size:.75rem}
.key-list{columns:2;font-size:.88rem;padding-left:1.8rem;margin:.3rem 0 1rem}
@media (max-width:40rem){.key-list{columns:1}}
@media print{table.heatmap.agencies{font-size:7.5pt}table.heatmap.agencies td{min-width:0}}
`;

function section(id: string, title: string, content: SafeHtml, first = false): SafeHtml {
  return html`<section id="${id}"${raw(first ? ' class="first"' : '')} aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>
${content}
</section>`;
}

const num = (text: string) => html`<td class="num">${text}</td>`;

function figureTable(caption: string, label: string, rows: readonly { name: string; f: NetworkFigure }[], min: number): SafeHtml {
  return html`<div class="table-wrap"><table class="figures"><caption>${caption}</caption>
<thead><tr><th scope="col">${label}</th><th scope="col" class="num">Agencies</th><th scope="col" class="num">Mean</th><th scope="col" class="num">Min</th><th scope="col" class="num">Q1</th><th scope="col" class="num">Median</th><th scope="col" class="num">Q3</th><th scope="col" class="num">Max</th></tr></thead>
<tbody>${rows.map(
    ({ name, f }) =>
      html`<tr><th scope="row">${name}</th>${num(agencyCount(f))}${f.mean === null ? html`<td class="num withheld">${networkMean(f, min)}</td>` : num(networkMean(f, min))}${spread(f).map((v) => num(v))}</tr>`,
  )}</tbody></table></div>`;
}

function bandCell(percent: number | null, label: string, title: string, extraClass = '', bare = false): SafeHtml {
  if (percent === null) return html`<td class="hm-withheld${extraClass}">${label}</td>`;
  return html`<td class="hm band-${BAND_COUNT}-${band(percent)}${extraClass}" title="${title}: ${formatPercent(percent)}">${bare ? String(Math.round(percent)) : formatPercent(percent)}</td>`;
}

function bandKey(): SafeHtml {
  const colours = bandColours(BAND_COUNT);
  return html`<ul class="heatmap-legend" aria-label="Colour key">
${BANDS.map((b, i) => html`<li><span class="key band-${colours.length}-${b.index}" aria-hidden="true"></span> ${i === BANDS.length - 1 ? `${b.from}% to 100%` : `${b.from}% to under ${b.to}%`}</li>`)}
<li><span class="key hm-withheld" aria-hidden="true"></span> not shown</li>
</ul>`;
}

function agencyHeatmap(h: Heatmap, network: NetworkRubric | undefined, min: number, index: number): SafeHtml {
  const named = h.principles.length <= MAX_NAMED_COLUMNS;
  const captionId = `heatmap-${index}`;
  return html`<h3>${h.title}</h3>
<div class="table-wrap"><table class="heatmap agencies" aria-describedby="${captionId}">
<caption id="${captionId}">${h.title}: each agency's percent by principle (${plural(h.rows.length, 'agency', 'agencies')}; figures are percents)</caption>
<thead><tr><th scope="col">Agency</th><th scope="col">Overall</th>${h.principles.map((p, i) => html`<th scope="col" title="${p.name}">${named ? p.name : `P${i + 1}`}</th>`)}</tr>
${network
  ? html`<tr class="network"><th scope="row">Network mean</th>${bandCell(network.mean, networkMean(network, min), 'Network mean, overall', ' overall', true)}${h.principles.map((p) => {
      const f = network.principles.find((q) => q.id === p.id);
      return f ? bandCell(f.mean, networkMean(f, min), `Network mean, ${p.name}`, '', true) : html`<td class="hm-none">·</td>`;
    })}</tr>`
  : ''}</thead>
<tbody>${h.rows.map(
    (row) =>
      html`<tr><th scope="row">${row.agency}</th>${bandCell(row.percent, agencyWithheldLabel(row.withheld), `${row.agency}, overall`, ' overall', true)}${row.principles.map((c, i) =>
        c.withheld === 'not-assessed'
          ? html`<td class="hm-na">not in its version</td>`
          : bandCell(c.percent, agencyWithheldLabel(c.withheld), `${row.agency}, ${h.principles[i]!.name}`, '', true),
      )}</tr>`,
  )}</tbody>
</table></div>
${named ? '' : html`<ol class="key-list">${h.principles.map((p) => html`<li>${p.name}</li>`)}</ol>`}`;
}

export function renderNetworkHtml(result: NetworkResult): ReportFile[] {
  return [{ path: 'network.html', content: networkHtml(result) }];
}

export function networkHtml(result: NetworkResult): string {
  const min = result.settings.minAgencies;
  const { coverage } = result;
  const title = networkTitle(result);
  const gaps = result.indicatorGaps.filter((g) => g.withheld === undefined && g.below > 0).slice(0, LISTED_GAPS);
  const recurring = result.perceptionGaps.slice(0, LISTED_GAPS);
  const mixed = coverage.rubrics.filter((c) => c.versions.length > 1);

  const body = html`
<header class="cover">
<p class="kicker">Trauma-informed and recovery-oriented assessment: the network</p>
<h1>${title}</h1>
<dl class="meta">
<dt>Agencies</dt><dd>${coverage.agencies} (of ${plural(coverage.inputs, 'input')})</dd>
<dt>Respondents</dt><dd>${formatCount(coverage.respondents)}</dd>
<dt>Rubrics</dt><dd>${result.rubrics.map((r, i) => html`${i > 0 ? '; ' : ''}${r.name} (${r.id} ${r.versions.map((v) => v.version).join(', ')})`)}</dd>
<dt>Generated</dt><dd>${describeGenerated(result)}</dd>
</dl>
<p class="callout">${sentences.intro(result)}${result.settings.anonymized ? html` ${sentences.anonymized}` : ''}</p>
${coverage.failed > 0 ? html`<p class="callout warn"><strong>Read with care:</strong> ${plural(coverage.failed, 'input')} could not be included; see <a href="#coverage">Coverage</a>.</p>` : ''}
</header>
<nav class="toc" aria-label="Contents"><h2 class="toc-title">Contents</h2><ol>${[
  ['rubrics', 'The network by rubric'],
  ...(result.lens ? [['lens', `Through ${result.lens.title}`]] : []),
  ['lagging', 'Where support would help most'],
  ['indicator-gaps', 'Gaps in the most agencies'],
  ['perception-gaps', 'Perception gaps that recur'],
  ['heatmap', 'Agencies by principle'],
  ['coverage', 'Coverage'],
  ['methodology', 'Methodology'],
].map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ol></nav>
<main>
${section(
  'rubrics',
  'The network by rubric',
  html`${figureTable('Each rubric: the mean of the agencies\' figures', 'Rubric', result.rubrics.map((r) => ({ name: r.name, f: r })), min)}
${result.domains.length > 0 ? figureTable('Service domains across rubrics', 'Domain', result.domains.map((d) => ({ name: d.name, f: d })), min) : ''}
${result.rubrics.length > 0 ? bandKey() : ''}
${result.rubrics.map(
  (r) => html`<h3>${r.name}</h3>
${figureTable(`${r.name}: principles`, 'Principle', r.principles.map((p) => ({ name: p.name, f: p })), min)}
${figureTable(`${r.name}: service domains`, 'Domain', r.domains.map((d) => ({ name: d.name, f: d })), min)}
<div class="table-wrap"><table class="heatmap"><caption>${r.name}: network mean by principle and service domain</caption>
<thead><tr><th scope="col">Principle</th>${r.domains.map((d) => html`<th scope="col">${d.name}</th>`)}</tr></thead>
<tbody>${r.principles.map(
    (p) =>
      html`<tr><th scope="row">${p.name}</th>${r.domains.map((d) => {
        const c = r.matrix.find((m) => m.principle === p.id && m.domain === d.id);
        if (!c || c.assessed === 0) return html`<td class="hm-none" aria-label="no practices">·</td>`;
        return bandCell(c.mean, networkMean(c, min), `${p.name}, ${d.name}: ${agencyCount(c)} agencies`);
      })}</tr>`,
  )}</tbody></table></div>`,
)}`,
  true,
)}
${result.lens
  ? section(
      'lens',
      `Through ${result.lens.title}`,
      html`${result.lens.facets.map((facet) => figureTable(facet.name, facet.name, facet.groups.map((g) => ({ name: g.name, f: g })), min))}`,
    )
  : ''}
${section(
  'lagging',
  'Where support would help most',
  html`<p>${sentences.lagging}</p>
<div class="two-col">${result.lagging.map(
    (l) => html`<div><h3>${l.name}</h3><p class="note">${l.below} of ${plural(l.assessed, 'agency', 'agencies')} with a figure are below target.</p>${
      l.agencies.length === 0
        ? ''
        : html`<ol>${l.agencies.map((a) => html`<li>${a.agency} <strong>${formatPercent(a.percent)}</strong>, ${Math.round(a.gap)} points below target</li>`)}</ol>`
    }</div>`,
  )}</div>`,
)}
${section(
  'indicator-gaps',
  'Gaps in the most agencies',
  html`<p>${sentences.indicatorGaps}</p>${
    gaps.length === 0
      ? html`<p>No practice is below target in enough agencies to show.</p>`
      : html`<div class="table-wrap"><table><thead><tr><th scope="col">Practice</th><th scope="col">Rubric</th><th scope="col" class="num">Below target</th><th scope="col" class="num">Share</th><th scope="col" class="num">Network mean</th><th scope="col" class="num">Mean gap</th></tr></thead>
<tbody>${gaps.map(
          (g) =>
            html`<tr><td>${g.critical ? html`<span class="badge">Critical</span>` : ''}${g.text} <span class="where">${g.indicator}</span></td><td>${rubricTitle(result, g.rubric)}</td>${num(`${g.below} of ${g.rated}`)}${num(g.share === null ? '' : formatShare(g.share))}${num(g.mean === null ? '' : formatPercent(g.mean))}${num(g.meanGap === null ? '' : String(Math.round(g.meanGap)))}</tr>`,
        )}</tbody></table></div>`
  }`,
)}
${section(
  'perception-gaps',
  'Perception gaps that recur',
  html`<p>${sentences.perceptionGaps(result)}</p>${
    recurring.length === 0
      ? html`<p>${sentences.noPerceptionGaps(result)}</p>`
      : html`<div class="table-wrap"><table><thead><tr><th scope="col">Rubric</th><th scope="col">Principle</th><th scope="col">Roles</th><th scope="col" class="num">Agencies</th><th scope="col" class="num">Mean difference</th></tr></thead>
<tbody>${recurring.map(
          (g) =>
            html`<tr><td>${rubricTitle(result, g.rubric)}</td><td>${principleName(result, g.rubric, g.principle)}</td><td>${g.roleNames[0]} above ${g.roleNames[1]}</td>${num(`${g.agencies} of ${g.comparable}`)}${num(`${Math.round(g.meanDifference)} points`)}</tr>`,
        )}</tbody></table></div>`
  }`,
)}
${section(
  'heatmap',
  'Agencies by principle',
  html`<p>${sentences.heatmap}</p>${bandKey()}${result.heatmaps.map((h, i) => agencyHeatmap(h, result.rubrics.find((r) => r.id === h.rubric), min, i))}`,
)}
${section(
  'coverage',
  'Coverage',
  html`<p>${plural(coverage.inputs, 'input')}: ${plural(coverage.agencies, 'agency', 'agencies')} included, ${coverage.failed} not included.</p>
${coverage.faults.length > 0
  ? html`<h3>Not included</h3><div class="table-wrap"><table><thead><tr><th scope="col">Input</th><th scope="col">Kind</th><th scope="col">Why</th></tr></thead>
<tbody>${coverage.faults.map((f) => html`<tr><td>${f.source}</td><td>${f.kind}</td><td>${problemWords[f.problem.code]}${f.problem.detail ? html`<br><span class="where">${f.problem.detail}</span>` : ''}</td></tr>`)}</tbody></table></div>`
  : ''}
${mixed.length > 0
  ? html`<h3>Rubric versions</h3><p>${sentences.versions}</p><ul>${mixed.map(
      (c) =>
        html`<li><strong>${c.rubric}</strong>: ${c.versions.map((v) => `${v.version} (${plural(v.agencies, 'agency', 'agencies')})`).join(', ')}; ${c.shared} practices shared. Left out: ${
          c.leftOut.length === 0 ? 'none' : c.leftOut.map((l) => `${l.indicator} (${leftOutWords[l.reason]}, in ${l.versions.join(', ')})`).join('; ')
        }.</li>`,
    )}</ul>`
  : ''}
<h3>Agencies included</h3>
<div class="table-wrap"><table><thead><tr><th scope="col">Agency</th><th scope="col">Assessed</th><th scope="col">From</th><th scope="col">Rubrics</th><th scope="col" class="num">Respondents</th><th scope="col">Warnings</th></tr></thead>
<tbody>${coverage.included.map(
    (a) =>
      html`<tr><td>${a.agency}</td><td>${assessedWhen(a)}</td><td>${a.source ? `${a.kind}: ${a.source}` : a.kind}</td><td>${a.rubrics.map((r) => `${r.id} ${r.version}`).join(', ')}</td>${num(String(a.respondents))}<td>${a.warnings.map((w) => problemWords[w.code]).join('; ')}</td></tr>`,
  )}</tbody></table></div>`,
)}
${section('methodology', 'Methodology', html`<ul>${sentences.methodology(result).map((s) => html`<li>${s}</li>`)}</ul>`)}
</main>
<footer>${title}. Generated ${describeGenerated(result)}.</footer>`;

  return htmlPage({ title: title, tiraVersion: result.tiraVersion, css, body });
}
