// How tira computes its figures, in plain words, for every report to reuse: the
// Markdown and HTML reports print these sections, and the README says the same.
// Numbers come from the settings actually used, so the text never drifts from
// the engine.
import type { ScoreSettings } from '../model/score.js';
import { noiseFactor } from './compare.js';
import { minMeaningfulChange } from './settings.js';

export interface MethodologySection {
  id: string;
  title: string;
  /** Plain-text paragraphs, no markup. */
  paragraphs: string[];
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

export function methodology(settings: ScoreSettings, smallCellThreshold: number): MethodologySection[] {
  return [
    {
      id: 'answers',
      title: 'Which answers count',
      paragraphs: [
        "Each respondent's latest answer to each indicator counts; earlier answers stay in the log as an audit trail. A respondent is expected to answer an indicator only when their role can judge it: staff roles rate the practice as written; people served and family members rate a first-person statement about their own experience, and only where the rubric gives one.",
        'An answer is a rating on a scale, "not applicable" (na), "don\'t know" (unknown), or "skipped". Only ratings enter the figures. Skipped and not-yet-answered questions count as neither rated nor not applicable.',
      ],
    },
    {
      id: 'indicator',
      title: 'Indicator figures',
      paragraphs: [
        'For each indicator: n (the number of ratings), the mean, the sample standard deviation (from n = 2), the lowest and highest rating, and the counts of na, unknown, skipped and unanswered.',
        'Each rating becomes a percent of its own scale: (rating - scale minimum) / (scale maximum - scale minimum) x 100. Staff rate on the rubric\'s scale and people served on their own experience scale; as percents, both meet on one footing. The indicator\'s percent is the mean of its ratings\' percents. Mean, spread and gap in scale points are on the rubric\'s (staff) scale.',
        `Agreement: r_wg = 1 - s² / σ²_EU, where s² is the variance of the ratings and σ²_EU = (A² - 1) / 12 is the variance expected if A scale points were chosen at random (2.0 on a 0-4 scale). It is floored at 0 and shown only from n = ${settings.rwgMinN}. Per principle, r_wg(J) = J(1 - s̄²/σ²_EU) / (J(1 - s̄²/σ²_EU) + s̄²/σ²_EU) over the J indicators with r_wg, where s̄² is their mean variance.`,
        `Don't-know rate = unknown / (ratings + unknown). From ${pct(settings.dontKnowRate)} of staff answers the indicator is a finding of its own: staff do not know whether this happens. That is a communication gap, not a practice gap. The finding counts staff roles' answers only (people served and family members answer about their own experience, where "don't know" means something else); the indicator's own figures count everyone's.`,
      ],
    },
    {
      id: 'groups',
      title: 'Principles, domains, cells and rubrics',
      paragraphs: [
        'A group (a principle, a service domain, a principle x domain cell, a framework\'s tag) is the weight-weighted mean of the percents of its indicators that have at least one rating. Domains with the same id are combined across rubrics, so that "screening" covers every rubric in the assessment.',
        `An indicator is applicable unless everyone who answered it rated it not applicable (or no role in the assessment can judge it). A group's figure is shown only when at least ${pct(settings.minGroupShare)} of its applicable indicators have a rating; otherwise it reads "too few answers", with the share. A group is never shown as 0 for "not assessed".`,
        'A rubric\'s figure is the mean of its principles\' figures, so that a principle with more indicators does not outweigh the others; it too needs half of the rubric\'s applicable indicators rated.',
      ],
    },
    {
      id: 'gaps',
      title: 'Gaps and priorities',
      paragraphs: [
        'The target is a level of the rubric\'s scale set in assessment.yaml (3 of 0-4 unless changed, that is 75%). An indicator\'s gap is how far its percent is below the target percent, in percentage points and in scale points; at or above the target the gap is 0.',
        'Priorities are the indicators with a gap. Critical indicators come first, because their absence risks re-traumatizing people served and no number of ordinary gaps may push them out of view; within each part, indicators are ranked by gap x weight, then by gap.',
      ],
    },
    {
      id: 'stages',
      title: 'Readiness stages (indicative)',
      paragraphs: [
        'A rubric or principle reaches the highest stage whose lower threshold its percent meets. Stages are indicative: the thresholds are the rubric authors\' and have not been validated against outcomes. Use them to plan, never to certify or rank agencies.',
        'Where a rubric sets a critical gate, a stage at or above the gate\'s stage needs every applicable critical indicator at or above the gate\'s level on average. While one is below it, or not rated yet, the stage is held one below the gate, and the report names the indicators that hold it.',
      ],
    },
    {
      id: 'disagreement',
      title: 'Disagreement agenda',
      paragraphs: [
        `Indicators whose staff ratings span ${settings.disagreementSpread} scale points or more among two or more respondents, or whose r_wg over staff ratings is below ${settings.lowRwg}, largest spread first. Disagreement is not an error: it shows where staff see the agency differently and should talk, because they work in different programs or shifts or know different facts. Only staff roles' ratings count here: people served rate their own experience, and a gap between them and staff is a perception gap (see Perspectives), not a disagreement among colleagues.`,
        `The small-cell rule holds for these staff-only figures too: an indicator adds no entry to the agenda or the don't-know findings when its staff answers all come from roles below the threshold, and either from one such role or from fewer than ${smallCellThreshold} people, or when the other answers (from people served or family members) do, since the overall figures minus the staff-only ones would be theirs.`,
      ],
    },
    {
      id: 'perspectives',
      title: 'Perspectives and privacy',
      paragraphs: [
        `Figures per role (leadership, clinical staff, people served, ...) use that role's respondents only. A role with fewer than ${smallCellThreshold} respondents with a rating shows no figure in any output, JSON included; it reads "fewer than ${smallCellThreshold} respondents". So that a hidden role cannot be worked out by subtracting the shown roles from the overall figures, when the hidden roles together hold more than 0 and fewer than ${smallCellThreshold} respondents, the smallest shown roles are hidden too until they hold at least ${smallCellThreshold}. Within a shown role, a principle rated by fewer than ${smallCellThreshold} of its respondents is not shown either, and a role's rubric figure is shown only when at least ${pct(settings.minGroupShare)} of the rubric's principles have a shown figure for that role (people served, who rate only the practices worded for them, may reach one principle of five: that is not their view of the rubric). Per-role figures for single indicators are never produced. An indicator whose ratings all come from roles below the threshold, and either from one such role or from fewer than ${smallCellThreshold} people, shows no figure at all (a budget line that only two leaders can judge), and counts in no group. A team's consensus rating is no one person's answer, so the rule does not apply to it.`,
        'Overall figures use every respondent\'s answers. Where only one role can judge an indicator, its overall figures are that role\'s answers; keep the threshold in mind when few people of that role take part.',
        `A perception gap is flagged where two shown roles differ by ${settings.perceptionGap} points or more on a principle (or a lens's tag). So that both figures answer the same questions, each role's figure is recomputed for the pair over the indicators of the principle that both roles rated, weight-weighted as for any group; a pair that rated no indicator of the principle in common is not compared there, and each side must still rest on at least ${smallCellThreshold} of its respondents. These figures can differ from the roles' own principle figures, which cover everything each role rated. Leadership against people served comes first, then the largest difference.`,
      ],
    },
    {
      id: 'coverage',
      title: 'Coverage',
      paragraphs: [
        `Coverage counts, per rubric and per domain, each respondent x each indicator their role can judge: rated, not applicable, don't know, skipped and unanswered. The share answered is (rated + not applicable + don't know) / expected; under ${pct(settings.lowCoverage)} it is flagged, and the figures rest on few answers.`,
      ],
    },
    {
      id: 'lenses',
      title: 'Frameworks as lenses',
      paragraphs: [
        'With --by FRAMEWORK, the same indicator results are also grouped by that framework\'s facets (SAMHSA 2014: six principles and ten implementation domains), with the same rules as any group. An indicator tagged with two elements of a facet counts in both, so a lens\'s groups overlap and do not add up to the rubric.',
      ],
    },
    {
      id: 'compare',
      title: 'Comparing two cycles',
      paragraphs: [
        'Only indicators present in both cycles are compared; principles, domains and rubrics are recomputed over those with the same rules, so that indicators added or removed by a new rubric version do not pass for change. Indicators in one cycle only are named.',
        `A change counts when it is at least ${minMeaningfulChange} percentage points and at least ${noiseFactor} standard errors of the difference, where an indicator's standard error is its standard deviation (as a percent of the scale) over √n, and a group's combines its indicators' as for a weighted mean of independent figures. With fewer than 2 ratings on a side there is no spread to judge by, and only the ${minMeaningfulChange}-point rule applies. Smaller changes are marked as within the noise; an indicator that crosses the target line by such a change is counted neither as a gap closed nor as a new gap, and is listed apart.`,
        'Only two cycles of one agency are compared. The change printed beside two rounded figures is the difference of the rounded figures; whether it counts is decided on the unrounded ones.',
      ],
    },
  ];
}
