// The report as GitHub-flavored Markdown: what a consultant hands to a board,
// readable as plain text and on GitHub. Every text that comes from a rubric, a
// note or the agency goes through mdText/mdCell.
import type { ScoreResult } from '../../model/score.js';
import { mdCell, mdTable, mdText } from './markdown-escape.js';
import type { ReportFile, ReportMeta } from './types.js';
import {
  ACTION_PLAN_ROWS,
  AGENDA_ROWS,
  buildReportView,
  formatPercent,
  formatPoints,
  formatShare,
  groupFigure,
  NO_INDICATORS,
  methodology,
  plural,
  stageLabel,
  suppressedLabel,
  type IndicatorView,
  type ReportView,
} from './view.js';
import { belowTarget, describeGenerated, criticalMark, sectionIntro } from './words.js';

export function renderMarkdownReport(result: ScoreResult, meta: ReportMeta): ReportFile[] {
  return [{ path: 'report.md', content: markdownReport(buildReportView(result, meta)) }];
}

function where(v: IndicatorView): string {
  return `${mdText(v.rubricTitle)}, ${mdText(v.principleName)}, ${mdText(v.domainName)}`;
}

export function markdownReport(view: ReportView): string {
  const { result } = view;
  const out: string[] = [];
  const push = (...blocks: string[]) => out.push(...blocks);

  // ---------------------------------------------------------------- title block
  push(`# ${mdText(view.title)}`);
  push(
    [
      `**Cycle:** ${mdText(result.cycle)}  `,
      `**Assessment date:** ${mdText(result.date)}  `,
      `**Respondents:** ${result.coverage.respondents}  `,
      `**Rubrics:** ${result.rubrics.map((r) => `${mdText(r.title)} (${mdText(r.id)} ${mdText(r.version)})`).join('; ')}  `,
      `**Generated:** ${mdText(describeGenerated(view.meta))}`,
    ].join('\n'),
  );
  push(`> ${sectionIntro.stages}`);

  // ---------------------------------------------------------------- summary
  push('## Executive summary');
  push(
    mdTable(
      ['Rubric', 'Overall', 'Indicative stage', 'Target'],
      result.rubrics.map((r) => [mdCell(r.title), groupFigure(r), mdCell(stageLabel(r.stage)), formatPercent(r.targetPercent)]),
      ['left', 'right', 'left', 'right'],
    ),
  );
  if (view.lowCoverage) push(`**Read with care:** ${sectionIntro.lowCoverage(result.settings.lowCoverage)}`);
  push('### Strengths');
  push(
    view.strengths.length === 0
      ? 'No practice reached the target yet.'
      : view.strengths.map((s, i) => `${i + 1}. ${mdText(s.score.text)} (${where(s)}): ${formatPercent(s.score.percent!)}`).join('\n'),
  );
  push('### Top gaps');
  push(
    view.topGaps.length === 0
      ? 'No practice is below the target.'
      : view.topGaps
          .map((g, i) => `${i + 1}. ${g.priority.critical ? `**${criticalMark}** ` : ''}${mdText(g.score.text)} (${where(g)}): ${g.score.percent === null ? 'not rated' : formatPercent(g.score.percent)}, ${belowTarget(g.priority.gap)}`)
          .join('\n'),
  );

  // ---------------------------------------------------------------- matrix
  push('## Principles by service domain');
  push(sectionIntro.matrix);
  for (const r of view.rubrics) {
    push(`### ${mdText(r.score.title)}`);
    push(
      mdTable(
        ['Principle', 'Overall', ...r.domains.map((d) => mdCell(d.name))],
        r.score.principles.map((p) => [
          mdCell(p.name),
          groupFigure(p),
          ...r.domains.map((d) => {
            const cell = r.cell(p.id, d.id);
            return cell ? groupFigure(cell) : NO_INDICATORS;
          }),
        ]),
        ['left', 'right', ...r.domains.map(() => 'right' as const)],
      ),
    );
  }
  push('"·": the rubric has no practice for that principle in that domain. "too few answers": fewer than half of its practices were rated.');

  // ---------------------------------------------------------------- domains
  push('## Gaps by service domain');
  for (const d of view.domains) {
    push(`### ${mdText(d.name)}: ${d.score ? groupFigure(d.score) : 'not assessed'}`);
    const facts = [mdText(d.description)];
    if (d.coverage) facts.push(`Coverage: ${formatShare(d.coverage.share)} of expected answers${d.coverage.low ? ' (low: read with care)' : ''}.`);
    push(facts.filter(Boolean).join(' '));
    if (d.gaps.length === 0) {
      push('No practice in this domain is below the target.');
      continue;
    }
    push(
      d.gaps
        .map((g, i) => {
          const head = `${i + 1}. ${g.priority.critical ? `**${criticalMark}** ` : ''}**${mdText(g.score.text)}**  `;
          const figures = `   ${mdText(g.rubricTitle)}, ${mdText(g.principleName)}. Now ${g.score.percent === null ? 'not rated' : formatPercent(g.score.percent)} from ${plural(g.score.n, 'rating')}, ${belowTarget(g.priority.gap)}.`;
          const actions = g.source?.actions ?? [];
          const list = actions.length === 0 ? [] : ['', '   Recommended actions:', '', ...actions.map((a) => `   - ${mdText(a)}`)];
          const notes = g.notes.length === 0 ? [] : ['', `   ${sectionIntro.notes}`, '', ...g.notes.map((n) => `   - "${mdText(n)}"`)];
          return [head, figures, ...list, ...notes].join('\n');
        })
        .join('\n\n'),
    );
  }

  // ---------------------------------------------------------------- action plan
  push('## Action plan');
  push(sectionIntro.actionPlan(Math.min(ACTION_PLAN_ROWS, view.priorities.length), view.priorities.length));
  push(
    view.priorities.length === 0
      ? 'No practice is below the target.'
      : mdTable(
          ['#', 'Practice', 'Gap (points)', 'Recommended action', 'Owner', 'Due date'],
          view.priorities.slice(0, ACTION_PLAN_ROWS).map((p) => [
            String(p.priority.rank),
            `${p.priority.critical ? `**${criticalMark}** ` : ''}${mdCell(p.score.text)}`,
            formatPoints(p.priority.gap),
            mdCell(p.source?.actions[0] ?? ''),
            ' ',
            ' ',
          ]),
          ['right', 'left', 'right', 'left', 'left', 'left'],
        ),
  );

  // ---------------------------------------------------------------- disagreements
  push('## Where the team disagrees');
  const agenda = view.disagreements.slice(0, AGENDA_ROWS);
  push(sectionIntro.disagreements(agenda.length, view.disagreements.length));
  push(
    agenda.length === 0
      ? 'Ratings were close on every practice.'
      : mdTable(
          ['Practice', 'Ratings', 'Lowest', 'Highest', 'Agreement (r_wg)'],
          agenda.map((d) => [
            mdCell(d.score.text),
            String(d.disagreement.n),
            String(d.disagreement.min),
            String(d.disagreement.max),
            d.disagreement.rwg === null ? 'n/a' : d.disagreement.rwg.toFixed(2),
          ]),
          ['left', 'right', 'right', 'right', 'right'],
        ),
  );

  // ---------------------------------------------------------------- don't know
  push('## What staff do not know');
  const unknown = view.dontKnow.slice(0, AGENDA_ROWS);
  push(sectionIntro.dontKnow(unknown.length, view.dontKnow.length, result.settings.dontKnowRate));
  push(
    unknown.length === 0
      ? 'Few "don\'t know" answers: respondents knew the practices they rated.'
      : mdTable(
          ['Practice', 'Staff who answered "don\'t know"', 'Share of staff answers'],
          unknown.map((f) => [mdCell(f.score.text), `${f.finding.unknown} of ${f.finding.answers}`, formatShare(f.finding.rate)]),
          ['left', 'right', 'right'],
        ),
  );

  // ---------------------------------------------------------------- perspectives
  push('## Perspectives');
  push(sectionIntro.perspectives(result.perspectives.smallCellThreshold));
  push(
    mdTable(
      ['Role', 'Respondents', ...result.rubrics.map((r) => mdCell(r.title))],
      view.roles.map((role) =>
        role.reportable
          ? [mdCell(role.name), String(role.respondents), ...result.rubrics.map((r) => {
              const p = role.rubrics.find((x) => x.id === r.id)?.percent ?? null;
              return p === null ? 'too few answers' : formatPercent(p);
            })]
          : [mdCell(role.name), suppressedLabel(result.perspectives.smallCellThreshold, role.hidden), ...result.rubrics.map(() => 'not shown')],
      ),
      ['left', 'right', ...result.rubrics.map(() => 'right' as const)],
    ),
  );
  push('### Perception gaps');
  const perceptionGaps = view.perceptionGaps.slice(0, AGENDA_ROWS);
  if (perceptionGaps.length > 0) push(sectionIntro.perceptionGaps(perceptionGaps.length, view.perceptionGaps.length, result.settings.perceptionGap));
  push(
    perceptionGaps.length === 0
      ? 'No large differences between roles that can be reported.'
      : mdTable(
          ['Rubric or framework', 'Principle', 'Rated higher', 'Rated lower', 'Difference (points)', 'Practices both rated'],
          perceptionGaps.map((g) => [
            mdCell(g.context),
            mdCell(g.principleName),
            mdCell(g.roleNames[g.difference >= 0 ? 0 : 1]),
            mdCell(g.roleNames[g.difference >= 0 ? 1 : 0]),
            formatPoints(Math.abs(g.difference)),
            // What the difference rests on: one shared practice is thinner ground than ten.
            String(g.indicators),
          ]),
          ['left', 'left', 'left', 'left', 'right', 'right'],
        ),
  );

  // ---------------------------------------------------------------- coverage
  push('## Coverage');
  push(`${plural(result.coverage.respondents, 'respondent')} took part. ${sectionIntro.coverage}`);
  const coverageRow = (name: string, c: ScoreResult['coverage']['rubrics'][number]) => [
    mdCell(name),
    `${formatShare(c.share)}${c.low ? ' (low)' : ''}`,
    String(c.answered),
    String(c.na),
    String(c.unknown),
    String(c.skipped),
    String(c.unanswered),
  ];
  const coverageHeader = ['', 'Coverage', 'Rated', 'Not applicable', "Don't know", 'Skipped', 'Not yet answered'];
  const coverageAlign = ['left', 'right', 'right', 'right', 'right', 'right', 'right'] as const;
  push(
    mdTable(
      ['Rubric', ...coverageHeader.slice(1)],
      result.coverage.rubrics.map((c) => coverageRow(result.rubrics.find((r) => r.id === c.id)?.title ?? c.id, c)),
      coverageAlign,
    ),
  );
  push(
    mdTable(
      ['Domain', ...coverageHeader.slice(1)],
      view.domains.flatMap((d) => (d.coverage ? [coverageRow(d.name, d.coverage)] : [])),
      coverageAlign,
    ),
  );

  // ---------------------------------------------------------------- lens
  if (result.lens) {
    push(`## Through another framework: ${mdText(result.lens.title)}`);
    const m = result.lens.matrix;
    const rowFacet = m ? result.lens.facets.find((f) => f.id === m.rows) : undefined;
    const columnFacet = m ? result.lens.facets.find((f) => f.id === m.columns) : undefined;
    if (m && rowFacet && columnFacet) {
      const cells = new Map(m.cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
      // Transposed, as in the HTML: the facet with the longer names reads down the side.
      push(`### ${mdText(columnFacet.name)} by ${mdText(rowFacet.name.toLowerCase())}`);
      push(
        mdTable(
          [mdCell(columnFacet.name), 'Overall', ...rowFacet.groups.map((g) => mdCell(g.name))],
          columnFacet.groups.map((col) => [mdCell(col.name), groupFigure(col), ...rowFacet.groups.map((row) => {
            const cell = cells.get(`${row.id}\u0000${col.id}`);
            return cell ? groupFigure(cell) : NO_INDICATORS;
          })]),
          ['left', 'right', ...rowFacet.groups.map(() => 'right' as const)],
        ),
      );
    }
    for (const facet of result.lens.facets) {
      push(`### ${mdText(facet.name)}`);
      push(mdTable([mdCell(facet.name), 'Overall', 'Rated practices'], facet.groups.map((g) => [mdCell(g.name), groupFigure(g), `${g.rated} of ${g.applicable}`]), ['left', 'right', 'right']));
    }
  }

  // ---------------------------------------------------------------- methodology
  push('## Methodology');
  for (const part of methodology(view)) {
    push(`### ${mdText(part.heading)}`);
    push(part.heading === 'Sources' ? part.paragraphs.map((p) => `- ${mdText(p)}`).join('\n') : part.paragraphs.map(mdText).join('\n\n'));
  }

  return `${out.join('\n\n')}\n`;
}
