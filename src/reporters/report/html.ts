// The report as one self-contained HTML page: the Markdown report's content, with
// a radar per rubric and a principle x domain heatmap. Static: no script, no
// network, no fonts or images to fetch, so it works from a file:// URL and as an
// e-mail attachment; a Content-Security-Policy makes sure of it. Printing it from
// a browser gives the board packet (and `--format pdf` does just that).
import type { ScoreResult } from '../../model/score.js';
import { bandStyles, heatmap, heatmapTable, radarChart, radarKey } from './charts.js';
import { html, htmlPage, raw, type SafeHtml } from './html-template.js';
import { reportCss } from './html-style.js';
import type { ReportFile, ReportMeta } from './types.js';
import {
  ACTION_PLAN_ROWS,
  AGENDA_ROWS,
  buildReportView,
  formatPercent,
  formatPoints,
  formatShare,
  groupFigure,
  methodology,
  plural,
  suppressedLabel,
  type IndicatorView,
  type ReportView,
} from './view.js';
import { belowTarget, describeGenerated, sectionIntro } from './words.js';

export function renderHtmlReport(result: ScoreResult, meta: ReportMeta): ReportFile[] {
  return [{ path: 'report.html', content: htmlReport(buildReportView(result, meta)) }];
}

const critical = html`<span class="badge">Critical</span>`;

function where(v: IndicatorView): SafeHtml {
  return html`<span class="where">${v.rubricTitle} · ${v.principleName} · ${v.domainName}</span>`;
}

const num = (text: string) => html`<td class="num">${text}</td>`;

const SECTIONS = [
  ['summary', 'Executive summary'],
  ['matrix', 'Principles by service domain'],
  ['domains', 'Gaps by service domain'],
  ['action-plan', 'Action plan'],
  ['disagreements', 'Where the team disagrees'],
  ['dont-know', 'What staff do not know'],
  ['perspectives', 'Perspectives'],
  ['coverage', 'Coverage'],
  ['lens', 'Through another framework'],
  ['methodology', 'Methodology'],
] as const;

export function htmlReport(view: ReportView): string {
  const { result } = view;
  const sections = SECTIONS.filter(([id]) => id !== 'lens' || result.lens !== null);
  const body = html`
<header class="cover">
<p class="kicker">Trauma-informed and recovery-oriented assessment</p>
<h1>${result.agency}</h1>
<dl class="meta">
<dt>Cycle</dt><dd>${result.cycle}</dd>
<dt>Assessment date</dt><dd>${result.date}</dd>
<dt>Respondents</dt><dd>${result.coverage.respondents}</dd>
<dt>Rubrics</dt><dd>${result.rubrics.map((r, i) => html`${i > 0 ? '; ' : ''}${r.title} (${r.id} ${r.version})`)}</dd>
<dt>Generated</dt><dd>${describeGenerated(view.meta)}</dd>
</dl>
<p class="callout">${sectionIntro.stages}</p>
</header>
<nav class="toc" aria-label="Contents"><h2 class="toc-title">Contents</h2><ol>${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ol></nav>
<main>
${summary(view)}
${matrix(view)}
${domains(view)}
${actionPlan(view)}
${disagreements(view)}
${dontKnow(view)}
${perspectives(view)}
${coverage(view)}
${result.lens ? lens(view) : ''}
${methodologySection(view)}
</main>
<footer>${view.title}. ${result.cycle}, ${result.date}. Generated ${describeGenerated(view.meta)}.</footer>`;

  const css = reportCss + bandStyles(view.rubrics.map((r) => r.bands.length));
  return htmlPage({ title: view.title, tiraVersion: view.meta.tiraVersion, css, body });
}

function section(id: string, title: string, content: SafeHtml, first = false): SafeHtml {
  return html`<section id="${id}"${raw(first ? ' class="first"' : '')} aria-labelledby="${id}-h"><h2 id="${id}-h">${title}</h2>
${content}
</section>`;
}

function summary(view: ReportView): SafeHtml {
  const { result } = view;
  return section(
    'summary',
    'Executive summary',
    html`<div class="rubric-cards">${result.rubrics.map(
      (r) => html`<div class="card"><div class="small">${r.title}</div>
<div class="figure">${groupFigure(r)}</div>
<div class="stage">${r.stage ? r.stage.name : 'No stage'}</div>
<div class="small">Indicative stage${r.stage?.cappedFrom ? html`, held below ${r.stage.cappedFrom.name} by critical gaps` : ''}. Target ${formatPercent(r.targetPercent)}.</div></div>`,
    )}</div>
${view.lowCoverage ? html`<p class="callout warn"><strong>Read with care:</strong> ${sectionIntro.lowCoverage(result.settings.lowCoverage)}</p>` : ''}
<div class="two-col">
<div><h3>Strengths</h3>${
      view.strengths.length === 0
        ? html`<p>No practice reached the target yet.</p>`
        : html`<ol>${view.strengths.map((s) => html`<li>${s.score.text} <strong>${formatPercent(s.score.percent!)}</strong><br>${where(s)}</li>`)}</ol>`
    }</div>
<div><h3>Top gaps</h3>${
      view.topGaps.length === 0
        ? html`<p>No practice is below the target.</p>`
        : html`<ol>${view.topGaps.map(
            (g) =>
              html`<li>${g.priority.critical ? critical : ''}${g.score.text} <strong>${g.score.percent === null ? 'not rated' : formatPercent(g.score.percent)}</strong>, ${belowTarget(g.priority.gap)}<br>${where(g)}</li>`,
          )}</ol>`
    }</div>
</div>`,
    true,
  );
}

function matrix(view: ReportView): SafeHtml {
  return section(
    'matrix',
    'Principles by service domain',
    html`<p>${sectionIntro.matrix} The radar shows each principle's percent; the dashed ring is the target.</p>
${view.rubrics.map(
  (r, i) => html`<h3>${r.score.title}</h3>
<figure class="chart-row"><div>${radarChart(r, `radar-${i}`)}</div><figcaption>${radarKey(r)}</figcaption></figure>
${heatmap(r, `heatmap-${i}`)}`,
)}`,
  );
}

function domains(view: ReportView): SafeHtml {
  return section(
    'domains',
    'Gaps by service domain',
    html`${view.domains.map(
      (d) => html`<h3>${d.name} <span class="pill">${d.score ? groupFigure(d.score) : 'not assessed'}</span></h3>
<p>${d.description}${d.coverage ? html` Coverage: ${formatShare(d.coverage.share)} of expected answers${d.coverage.low ? ' (low: read with care)' : ''}.` : ''}</p>
${
  d.gaps.length === 0
    ? html`<p>No practice in this domain is below the target.</p>`
    : html`<ol class="gap-list">${d.gaps.map(
        (g) => html`<li>${g.priority.critical ? critical : ''}<span class="text">${g.score.text}</span><br>
<span class="where">${g.rubricTitle} · ${g.principleName}. Now ${g.score.percent === null ? 'not rated' : formatPercent(g.score.percent)} from ${plural(g.score.n, 'rating')}, ${belowTarget(g.priority.gap)}.</span>
${(g.source?.actions ?? []).length > 0 ? html`<div>Recommended actions:</div><ul>${g.source!.actions.map((a) => html`<li>${a}</li>`)}</ul>` : ''}
${g.notes.length > 0 ? html`<div>${sectionIntro.notes}</div><ul class="notes">${g.notes.map((n) => html`<li><q>${n}</q></li>`)}</ul>` : ''}</li>`,
      )}</ol>`
}`,
    )}`,
  );
}

function actionPlan(view: ReportView): SafeHtml {
  const rows = view.priorities.slice(0, ACTION_PLAN_ROWS);
  return section(
    'action-plan',
    'Action plan',
    html`<p>${sectionIntro.actionPlan(rows.length, view.priorities.length)}</p>
${
  rows.length === 0
    ? html`<p>No practice is below the target.</p>`
    : html`<div class="table-wrap"><table class="plan"><thead><tr><th class="num" scope="col">#</th><th scope="col">Practice</th><th class="num" scope="col">Gap (points)</th><th scope="col">Recommended action</th><th scope="col">Owner</th><th scope="col">Due date</th></tr></thead>
<tbody>${rows.map(
        (p) =>
          html`<tr>${num(String(p.priority.rank))}<td>${p.priority.critical ? critical : ''}${p.score.text}</td>${num(formatPoints(p.priority.gap))}<td>${p.source?.actions[0] ?? ''}</td><td class="blank"></td><td class="blank"></td></tr>`,
      )}</tbody></table></div>`
}`,
  );
}

function disagreements(view: ReportView): SafeHtml {
  return section(
    'disagreements',
    'Where the team disagrees',
    html`<p>${sectionIntro.disagreements(Math.min(AGENDA_ROWS, view.disagreements.length), view.disagreements.length)}</p>
${
  view.disagreements.length === 0
    ? html`<p>Ratings were close on every practice.</p>`
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">Practice</th><th class="num" scope="col">Ratings</th><th class="num" scope="col">Lowest</th><th class="num" scope="col">Highest</th><th class="num" scope="col">Agreement (r<sub>wg</sub>)</th></tr></thead>
<tbody>${view.disagreements.slice(0, AGENDA_ROWS).map(
        (d) =>
          html`<tr><td>${d.score.text}<br>${where(d)}</td>${num(String(d.disagreement.n))}${num(String(d.disagreement.min))}${num(String(d.disagreement.max))}${num(d.disagreement.rwg === null ? 'n/a' : d.disagreement.rwg.toFixed(2))}</tr>`,
      )}</tbody></table></div>`
}`,
  );
}

function dontKnow(view: ReportView): SafeHtml {
  return section(
    'dont-know',
    'What staff do not know',
    html`<p>${sectionIntro.dontKnow(Math.min(AGENDA_ROWS, view.dontKnow.length), view.dontKnow.length, view.result.settings.dontKnowRate)}</p>
${
  view.dontKnow.length === 0
    ? html`<p>Few "don't know" answers: respondents knew the practices they rated.</p>`
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">Practice</th><th class="num" scope="col">Staff who answered "don't know"</th><th class="num" scope="col">Share of staff answers</th></tr></thead>
<tbody>${view.dontKnow.slice(0, AGENDA_ROWS).map((f) => html`<tr><td>${f.score.text}<br>${where(f)}</td>${num(`${f.finding.unknown} of ${f.finding.answers}`)}${num(formatShare(f.finding.rate))}</tr>`)}</tbody></table></div>`
}`,
  );
}

function perspectives(view: ReportView): SafeHtml {
  const { result } = view;
  const threshold = result.perspectives.smallCellThreshold;
  return section(
    'perspectives',
    'Perspectives',
    html`<p>${sectionIntro.perspectives(threshold)}</p>
<div class="table-wrap"><table><thead><tr><th scope="col">Role</th><th class="num" scope="col">Respondents</th>${result.rubrics.map((r) => html`<th class="num" scope="col">${r.title}</th>`)}</tr></thead>
<tbody>${view.roles.map((role) =>
      role.reportable
        ? html`<tr><th scope="row">${role.name}</th>${num(String(role.respondents))}${result.rubrics.map((r) => {
            const p = role.rubrics.find((x) => x.id === r.id)?.percent ?? null;
            return num(p === null ? 'too few answers' : formatPercent(p));
          })}</tr>`
        : html`<tr><th scope="row">${role.name}</th><td class="suppressed" colspan="${result.rubrics.length + 1}">${suppressedLabel(threshold, role.hidden)}: not shown</td></tr>`,
    )}</tbody></table></div>
<h3>Perception gaps</h3>
${
  view.perceptionGaps.length === 0
    ? html`<p>No large differences between roles that can be reported.</p>`
    : html`<p>${sectionIntro.perceptionGaps(Math.min(AGENDA_ROWS, view.perceptionGaps.length), view.perceptionGaps.length, result.settings.perceptionGap)}</p>${perceptionTable(view.perceptionGaps.slice(0, AGENDA_ROWS))}`
}`,
  );
}

function perceptionTable(gaps: ReportView['perceptionGaps']): SafeHtml {
  return html`${
  gaps.length === 0
    ? ''
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">Rubric or framework</th><th scope="col">Principle</th><th scope="col">Rated higher</th><th scope="col">Rated lower</th><th class="num" scope="col">Difference (points)</th><th class="num" scope="col">Practices both rated</th></tr></thead>
<tbody>${gaps.map(
        (g) =>
          html`<tr><td>${g.context}</td><td>${g.principleName}</td><td>${g.roleNames[g.difference >= 0 ? 0 : 1]}</td><td>${g.roleNames[g.difference >= 0 ? 1 : 0]}</td>${num(formatPoints(Math.abs(g.difference)))}${num(String(g.indicators))}</tr>`,
      )}</tbody></table></div>`
}`;
}

function coverage(view: ReportView): SafeHtml {
  const { result } = view;
  const head = (first: string) =>
    html`<thead><tr><th scope="col">${first}</th><th class="num" scope="col">Coverage</th><th class="num" scope="col">Rated</th><th class="num" scope="col">Not applicable</th><th class="num" scope="col">Don't know</th><th class="num" scope="col">Skipped</th><th class="num" scope="col">Not yet answered</th></tr></thead>`;
  const row = (name: string, c: ScoreResult['coverage']['rubrics'][number]) =>
    html`<tr><th scope="row">${name}</th>${num(`${formatShare(c.share)}${c.low ? ' (low)' : ''}`)}${num(String(c.answered))}${num(String(c.na))}${num(String(c.unknown))}${num(String(c.skipped))}${num(String(c.unanswered))}</tr>`;
  return section(
    'coverage',
    'Coverage',
    html`<p>${plural(result.coverage.respondents, 'respondent')} took part. ${sectionIntro.coverage}</p>
<div class="table-wrap"><table>${head('Rubric')}<tbody>${result.coverage.rubrics.map((c) => row(result.rubrics.find((r) => r.id === c.id)?.title ?? c.id, c))}</tbody></table></div>
<div class="table-wrap"><table>${head('Domain')}<tbody>${view.domains.flatMap((d) => (d.coverage ? [row(d.name, d.coverage)] : []))}</tbody></table></div>`,
  );
}

function lens(view: ReportView): SafeHtml {
  const l = view.result.lens!;
  const m = l.matrix;
  const rowFacet = m ? l.facets.find((f) => f.id === m.rows) : undefined;
  const columnFacet = m ? l.facets.find((f) => f.id === m.columns) : undefined;
  const cells = new Map((m?.cells ?? []).map((c) => [`${c.row}\u0000${c.column}`, c]));
  return section(
    'lens',
    'Through another framework',
    html`<p>The same answers, grouped by ${l.title}.</p>
${
  m && rowFacet && columnFacet
    ? heatmapTable(
        {
          // Transposed: the facet with the longer names (SAMHSA's implementation domains) reads down the side.
          caption: `${columnFacet.name} by ${rowFacet.name.toLowerCase()}`,
          rowHeader: columnFacet.name,
          rows: columnFacet.groups,
          columns: rowFacet.groups,
          cell: (row, column) => cells.get(`${column}\u0000${row}`),
          bands: view.lensBands,
        },
        'lens-heatmap',
      )
    : ''
}
${l.facets.map(
  (f) => html`<div class="table-wrap"><table><caption>${f.name}</caption><thead><tr><th scope="col">${f.name}</th><th class="num" scope="col">Overall</th><th class="num" scope="col">Rated practices</th></tr></thead>
<tbody>${f.groups.map((g) => html`<tr><th scope="row">${g.name}</th>${num(groupFigure(g))}${num(`${g.rated} of ${g.applicable}`)}</tr>`)}</tbody></table></div>`,
)}`,
  );
}

function methodologySection(view: ReportView): SafeHtml {
  return section(
    'methodology',
    'Methodology',
    html`${methodology(view).map(
      (part) =>
        html`<h3>${part.heading}</h3>${part.heading === 'Sources' ? html`<ul>${part.paragraphs.map((p) => html`<li>${p}</li>`)}</ul>` : part.paragraphs.map((p) => html`<p>${p}</p>`)}`,
    )}`,
  );
}
