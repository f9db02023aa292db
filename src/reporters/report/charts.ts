// The HTML report's charts: a radar of a rubric's principles as inline SVG, with
// the target as a dashed ring, and a principle x domain heatmap as a table whose
// bands are the rubric's stages. Both print in grayscale (a light-to-dark ramp,
// a dash pattern for the target, a figure in every cell) and carry a text
// alternative.
import { html, raw, type SafeHtml } from './html-template.js';
import type { Withheld } from '../../model/score.js';
import { bandFor, formatPercent, groupFigure, withheldLabel, type Band, type RubricView } from './view.js';

/** Light to dark: lightness falls by about the same step each time, so bands stay apart in grayscale. */
const RAMP = [
  { background: '#eff3ff', text: '#1a1a1a' },
  { background: '#c6dbef', text: '#1a1a1a' },
  { background: '#9ecae1', text: '#1a1a1a' },
  { background: '#6baed6', text: '#1a1a1a' },
  { background: '#4a8cc4', text: '#111111' },
  { background: '#2f6fae', text: '#ffffff' },
  { background: '#1d4f87', text: '#ffffff' },
] as const;

/** The colours of each band when there are `count` bands, spread evenly over the ramp. */
export function bandColours(count: number): { background: string; text: string }[] {
  if (count <= 1) return [RAMP[RAMP.length - 1]!];
  return Array.from({ length: count }, (_, i) => RAMP[Math.round((i * (RAMP.length - 1)) / (count - 1))]!);
}

const n = (x: number) => (Math.round(x * 10) / 10).toString();

/** Wrap a label into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Beyond this many principles, axes carry numbers and a key names them. */
const MAX_NAMED_AXES = 8;

export function radarChart(r: RubricView, idPrefix: string): SafeHtml {
  const principles = r.score.principles;
  const count = principles.length;
  const named = count <= MAX_NAMED_AXES;
  const width = 460;
  const height = named ? 380 : 360;
  const cx = width / 2;
  const cy = height / 2 + (named ? 4 : 0);
  const radius = named ? 118 : 132;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / count;
  const point = (i: number, percent: number) => [cx + Math.cos(angle(i)) * radius * (percent / 100), cy + Math.sin(angle(i)) * radius * (percent / 100)] as const;
  const ring = (percent: number) => principles.map((_, i) => point(i, percent).map(n).join(',')).join(' ');

  const grid = [25, 50, 75, 100].map((p) => raw(`<polygon class="grid" points="${ring(p)}"/>`));
  const gridLabels = [25, 50, 75, 100].map((p) => {
    const [x, y] = point(0, p);
    return raw(`<text class="grid-label" x="${n(x + 4)}" y="${n(y + 3)}">${p}%</text>`);
  });
  const axes = principles.map((_, i) => {
    const [x, y] = point(i, 100);
    return raw(`<line class="axis" x1="${n(cx)}" y1="${n(cy)}" x2="${n(x)}" y2="${n(y)}"/>`);
  });
  const labels = principles.map((p, i) => {
    const a = angle(i);
    const [x, y] = point(i, named ? 112 : 114);
    const cos = Math.cos(a);
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    const lines = named ? wrap(p.name, 18) : [String(i + 1)];
    const dy = Math.sin(a) < -0.2 ? -(lines.length - 1) * 13 : Math.abs(Math.sin(a)) <= 0.2 ? -((lines.length - 1) * 13) / 2 : 0;
    return html`<text class="axis-label" x="${n(x)}" y="${n(y + dy + 4)}" text-anchor="${anchor}">${lines.map(
      (line, k) => html`<tspan x="${n(x)}" dy="${k === 0 ? 0 : 13}">${line}</tspan>`,
    )}</text>`;
  });

  const shown = principles.map((p, i) => ({ p, i })).filter(({ p }) => p.percent !== null);
  const dataPoints = shown.map(({ p, i }) => point(i, p.percent!));
  const shape =
    dataPoints.length >= 3
      ? raw(`<polygon class="data" points="${dataPoints.map((pt) => pt.map(n).join(',')).join(' ')}"/>`)
      : dataPoints.length === 2
        ? raw(`<polyline class="data" points="${dataPoints.map((pt) => pt.map(n).join(',')).join(' ')}"/>`)
        : raw('');
  const dots = dataPoints.map(([x, y]) => raw(`<circle class="dot" cx="${n(x)}" cy="${n(y)}" r="3.5"/>`));

  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const description = `${principles.map((p) => `${p.name}: ${groupFigure(p)}`).join('; ')}. Target: ${formatPercent(r.score.targetPercent)}.`;
  return html`<svg class="radar" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">${r.score.title}: percent by principle</title>
<desc id="${descId}">${description}</desc>
<g aria-hidden="true">${grid}${axes}<polygon class="target" points="${ring(r.score.targetPercent)}"/>${shape}${dots}${gridLabels}${labels}</g>
</svg>`;
}

/** The key under a radar: numbers for crowded axes, then what the lines mean. */
export function radarKey(r: RubricView): SafeHtml {
  const named = r.score.principles.length <= MAX_NAMED_AXES;
  const withheld = r.score.principles.filter((p) => p.percent === null);
  return html`<div class="radar-key">
<p class="legend"><span class="swatch line-data" aria-hidden="true"></span> this assessment <span class="swatch line-target" aria-hidden="true"></span> target, ${formatPercent(r.score.targetPercent)}</p>
<ol class="axis-key${named ? ' named' : ''}">${r.score.principles.map((p) => html`<li>${p.name}: ${groupFigure(p)}</li>`)}</ol>
${withheld.length > 0 ? html`<p class="note">Not plotted, too few answers: ${withheld.map((p) => p.name).join(', ')}.</p>` : ''}
</div>`;
}

function bandRange(b: Band, last: boolean): string {
  return last ? `${b.from}% to 100%` : `${b.from}% to under ${b.to}%`;
}

type Figure = { percent: number | null; withheld?: string | undefined };

/** What a heatmap shows: rows with an overall figure, columns, and the figure where they meet. */
export interface HeatmapSpec {
  caption: string;
  rowHeader: string;
  rows: ({ id: string; name: string } & Figure)[];
  columns: { id: string; name: string }[];
  cell(row: string, column: string): Figure | undefined;
  bands: Band[];
}

/** A principle x domain table, each figure coloured by the stage band it falls in. */
export function heatmap(r: RubricView, captionId: string): SafeHtml {
  return heatmapTable(
    {
      caption: `${r.score.title}: percent by principle and service domain`,
      rowHeader: 'Principle',
      rows: r.score.principles,
      columns: r.domains,
      cell: (p, d) => r.cell(p, d),
      bands: r.bands,
    },
    captionId,
  );
}

export function heatmapTable(r: HeatmapSpec, captionId: string): SafeHtml {
  const colours = bandColours(r.bands.length);
  const cell = (figure: Figure | undefined, header: string) => {
    if (!figure || figure.withheld === 'no-indicators') return html`<td class="hm-none" aria-label="no practices">·</td>`;
    if (figure.percent === null) return html`<td class="hm-withheld">${withheldLabel(figure.withheld as Withheld | undefined)}</td>`;
    const band = bandFor(figure.percent, r.bands);
    return html`<td class="hm band-${colours.length}-${band.index}" title="${header}: ${band.name}">${formatPercent(figure.percent)}</td>`;
  };
  // NOTE: the title sits outside the scrolling wrapper: a <caption> is as wide as
  // its table and would be cut off on a phone.
  return html`<div class="heatmap-block"><p class="table-title" id="${captionId}">${r.caption}</p>
<div class="table-wrap"><table class="heatmap" aria-labelledby="${captionId}">
<thead><tr><th scope="col">${r.rowHeader}</th><th scope="col">Overall</th>${r.columns.map((d) => html`<th scope="col">${d.name}</th>`)}</tr></thead>
<tbody>${r.rows.map(
    (p) => html`<tr><th scope="row">${p.name}</th>${cell(p, p.name)}${r.columns.map((d) => cell(r.cell(p.id, d.id), `${p.name}, ${d.name}`))}</tr>`,
  )}</tbody>
</table></div>
<ul class="heatmap-legend" aria-label="Colour key">
${r.bands.map((b, i) => html`<li><span class="key band-${colours.length}-${b.index}" aria-hidden="true"></span> ${b.name}: ${bandRange(b, i === r.bands.length - 1)}</li>`)}
<li><span class="key hm-withheld" aria-hidden="true"></span> too few answers</li>
<li><span class="key hm-none" aria-hidden="true">·</span> no practices in this cell</li>
</ul></div>`;
}

/** CSS for every band count the rubrics use. */
export function bandStyles(counts: Iterable<number>): string {
  const rules: string[] = [];
  for (const count of new Set(counts)) {
    bandColours(count).forEach((c, i) => rules.push(`.band-${count}-${i}{background:${c.background};color:${c.text}}`));
  }
  return rules.join('\n');
}
