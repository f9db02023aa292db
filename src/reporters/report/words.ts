// The report's own sentences, shared by Markdown and HTML so that both say the
// same thing. Plain text: each format escapes it like any other text.
import type { ReportMeta } from './types.js';

export const criticalMark = 'Critical:';

/** "2025-03-15 09:30 UTC by tira 0.1.0" */
export function describeGenerated(meta: ReportMeta): string {
  const at = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(meta.generatedAt);
  const when = at ? `${at[1]} ${at[2]} UTC` : meta.generatedAt;
  return `${when} by tira ${meta.tiraVersion}`;
}

export const sectionIntro = {
  stages:
    'Stages in this report are indicative, not validated. They help a team see where to start and track change over time; they do not certify the agency or rank it against others.',
  lowCoverage: (share: number) =>
    `fewer than ${Math.round(share * 100)}% of the expected answers came in for at least one rubric (see Coverage). Figures resting on few answers can move a lot when more come in.`,
  matrix: 'Each cell is the percent for the practices of one principle in one service domain, where 100% means every practice is in place, monitored and improved.',
  actionPlan: (shown: number, all: number) =>
    shown === all
      ? 'Practices below the target, critical ones first, then by the size of the gap. Fill in an owner and a due date for the ones the team takes on.'
      : `The ${shown} most pressing of ${all} practices below the target, critical ones first, then by the size of the gap. Fill in an owner and a due date for the ones the team takes on. All ${all}, with every recommended action, are in action-plan.csv.`,
  disagreements: (shown: number, all: number) =>
    `${shown === all ? 'These practices' : `These ${shown} of ${all} practices`} got staff ratings far apart (people served are not counted here; see Perception gaps). Talk them through before planning: staff may work in different programs or shifts, or know different facts. Lowest and highest are points on the rubric's scale; agreement (r_wg) runs from 0 (no more agreement than chance) to 1 (full agreement).${shown === all ? '' : ' All of them are flagged in indicators.csv (column disagreement).'}`,
  dontKnow: (shown: number, all: number, rate: number) =>
    all === 0
      ? `A practice is listed here when ${Math.round(rate * 100)}% or more of staff answers to it are "don't know".`
      : `${Math.round(rate * 100)}% or more of staff answers to ${shown === all ? 'these practices' : `these ${shown} of ${all} practices`} were "don't know"; the table gives the count. That is a finding in itself: a practice that staff do not know about cannot be relied on. Share what exists, or build it.${shown === all ? '' : ' All of them are flagged in indicators.csv (column dont_know_finding).'}`,
  notes: 'What respondents noted:',
  perceptionGaps: (shown: number, all: number, gap: number) =>
    `${shown === all ? 'Differences' : `The first ${shown} of ${all} differences`} of ${gap} points or more between roles on a principle: leadership against people served first, then the largest. Each pair is compared over the practices of the principle that both roles rated, so both figures answer the same questions. perspectives.csv has every role's figures by rubric and principle.`,
  perspectives: (threshold: number) =>
    `How each role rated the agency. People served and family members rate statements about their own experience. Roles with fewer than ${threshold} respondents are named but not shown, to keep answers private.`,
  coverage: 'Coverage is the share of expected answers that came in.',
} as const;

/** "12 points below the target": whole points in prose; the tables and CSV keep a decimal. */
export function belowTarget(gap: number): string {
  const points = Math.round(gap);
  return points === 0 ? 'just below the target' : `${points} ${points === 1 ? 'point' : 'points'} below the target`;
}
