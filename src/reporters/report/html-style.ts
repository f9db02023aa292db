// The HTML report's stylesheet: system fonts only (nothing to fetch), tables that
// scroll on a phone instead of squeezing, and print rules for a board packet:
// each main section on a new page, rows and cards never split, colours kept.
export const reportCss = `
:root{--ink:#1a1a1a;--muted:#4d4d4d;--rule:#c8c8c8;--soft:#f4f5f7;--accent:#1d4f87;--critical:#8a1c1c}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
.page{max-width:72rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1,h2,h3,h4{line-height:1.25;margin:1.6em 0 .5em}
h1{font-size:1.9rem;margin-top:0}
h2{font-size:1.45rem;border-bottom:2px solid var(--accent);padding-bottom:.2em}
h3{font-size:1.15rem}
p{margin:.5em 0 .9em}
.cover .kicker{color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;margin:0 0 .4rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:1rem 0;font-size:.95rem}
.meta dt{font-weight:600}
.meta dd{margin:0}
.callout{border-left:4px solid var(--accent);background:var(--soft);padding:.6rem .9rem;margin:1rem 0}
.callout.warn{border-left-color:var(--critical)}
nav.toc ol{columns:2;padding-left:1.2rem;margin:.3rem 0}
nav.toc a{color:var(--accent)}
.rubric-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem;margin:1rem 0}
.card{border:1px solid var(--rule);border-radius:6px;padding:.8rem 1rem;break-inside:avoid}
.card .figure{font-size:2.2rem;font-weight:700;line-height:1.1}
.card .stage{font-weight:600}
.card .small{color:var(--muted);font-size:.9rem}
.two-col{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.two-col ol{padding-left:1.3rem}
.two-col li{margin-bottom:.5rem}
.where{color:var(--muted);font-size:.9rem}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;border:1.5px solid var(--critical);color:var(--critical);border-radius:3px;padding:0 .3em;margin-right:.35em;vertical-align:.1em}
.badge::before{content:"\\25B2\\00a0"}
figure{margin:1rem 0}
.chart-row{display:grid;grid-template-columns:minmax(0,460px) minmax(0,1fr);gap:1rem;align-items:start;break-inside:avoid}
svg.radar{max-width:100%;height:auto;font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg.radar .grid{fill:none;stroke:#b5b5b5;stroke-width:1}
svg.radar .axis{stroke:#b5b5b5;stroke-width:1}
svg.radar .grid-label{fill:#595959;font-size:10px}
svg.radar .axis-label{fill:var(--ink);font-size:12px}
svg.radar .target{fill:none;stroke:#1a1a1a;stroke-width:1.5;stroke-dasharray:5 4}
svg.radar .data{fill:rgba(47,111,174,.28);stroke:#1d4f87;stroke-width:2.5}
svg.radar .dot{fill:#1d4f87}
.legend .swatch{display:inline-block;width:2rem;height:0;vertical-align:middle;margin:0 .3rem 0 .6rem}
.legend .line-data{border-top:3px solid #1d4f87}
.legend .line-target{border-top:2px dashed #1a1a1a}
.legend .swatch:first-child{margin-left:0}
.axis-key{display:grid;grid-template-columns:1fr 1fr;column-gap:2.2rem;font-size:.88rem;padding-left:1.6rem;margin:.3rem 0}
.axis-key.named{list-style:none;padding-left:0;grid-template-columns:1fr}
.note{color:var(--muted);font-size:.9rem}
.table-wrap{overflow-x:auto;margin:.6rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.2rem 0 .4rem}
th,td{border:1px solid var(--rule);padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:var(--soft)}
td.num{text-align:right;white-space:nowrap}
th.num{text-align:right}
table.heatmap td{text-align:center;white-space:nowrap;font-variant-numeric:tabular-nums;padding:.35rem .3rem}
table.heatmap thead th{font-size:.78rem;font-weight:600;padding:.3rem;vertical-align:bottom}
table.heatmap tbody th{font-weight:600;min-width:8rem;position:sticky;left:0;background:#fff}
.table-title{font-weight:600;margin:1rem 0 .3rem}
.hm-withheld{background:repeating-linear-gradient(135deg,#fff 0 5px,#d9d9d9 5px 7px);color:var(--ink);font-size:.75rem;white-space:normal!important}
.hm-none{background:#fff;color:#767676}
.heatmap-legend{list-style:none;padding:0;margin:.3rem 0 1rem;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.88rem}
.heatmap-legend .key{display:inline-block;width:1.6rem;height:1rem;border:1px solid #8c8c8c;vertical-align:-.15rem;text-align:center;line-height:.9rem}
table.plan td.blank{min-width:6rem}
.gap-list{padding-left:1.6rem}
.gap-list>li{break-inside:avoid;margin:0 0 1rem}
.gap-list .text{font-weight:600}
.gap-list ul{margin:.2rem 0 0;padding-left:1.2rem}
.pill{display:inline-block;border:1px solid var(--rule);border-radius:1rem;padding:0 .55rem;font-size:.95rem;font-weight:600;margin-left:.4rem;white-space:nowrap}
.suppressed{color:var(--muted);font-style:italic}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule);padding-top:.6rem}
${'' /* Phone width: one column, smaller title. */}
@media (max-width:40rem){
  .page{padding:1rem .8rem 3rem}
  h1{font-size:1.5rem}
  .two-col,.chart-row{grid-template-columns:1fr}
  nav.toc ol{columns:1}
  .axis-key{grid-template-columns:1fr}
  table{font-size:.85rem}
}
@page{size:letter;margin:16mm 14mm 18mm;@bottom-right{content:"Page " counter(page) " of " counter(pages);font:9pt system-ui,Arial,sans-serif;color:#4d4d4d}}
@media print{
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{font-size:10.5pt}
  .page{max-width:none;padding:0}
  nav.toc{display:none}
  h2{break-before:page;break-after:avoid}
  h3,h4{break-after:avoid}
  section.first h2{break-before:auto}
  .table-wrap{overflow:visible}
  table{font-size:9pt}
  thead{display:table-header-group}
  tr,li,.card,figure,.chart-row,.callout,.heatmap-block{break-inside:avoid}
  table.heatmap thead th{font-size:8pt}
  table.heatmap tbody th{min-width:11rem;position:static}
  .table-title{break-after:avoid}
  .chart-row{grid-template-columns:58% 1fr}
  svg.radar{width:100%}
  .axis-key{grid-template-columns:1fr;font-size:8.5pt}
  /* The cover and executive summary share the first page. */
  .cover h1{font-size:20pt}
  .cover .meta{margin:.5rem 0;font-size:9.5pt}
  .callout{padding:.4rem .7rem;margin:.6rem 0;font-size:9.5pt}
  .rubric-cards{margin:.6rem 0;gap:.6rem}
  .card{padding:.4rem .7rem}
  .card .figure{font-size:20pt}
  .two-col{font-size:9.5pt;gap:1rem}
  .two-col h3{margin-top:.6rem}
  .two-col li{margin-bottom:.3rem}
  .where{font-size:8.5pt}
  a{color:inherit;text-decoration:none}
}
`;
