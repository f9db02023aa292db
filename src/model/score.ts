// The score result: everything `tira score` computes from a workspace, and the one
// object every reporter (terminal, Markdown, CSV, JSON, HTML) and the network
// roll-up read. `tira score --json` prints it; schemas/score.schema.json describes
// it for other tools. Percents are 0-100 and unrounded here; reporters round.
// A figure that is not shown (too few answers, a suppressed role) is null, never 0.

/** Why a group figure is not shown. */
export type Withheld = 'too-few-answers' | 'not-assessed';

/** A readiness stage reached, always indicative. */
export interface StageResult {
  id: string;
  name: string;
  /** When the rubric's critical gate held the stage down: the stage the percent alone would reach. */
  cappedFrom?: { id: string; name: string };
  /** The critical indicators below the gate's level that hold the stage down. */
  heldBy: string[];
}

/** One indicator's figures over the respondents' latest answers. */
export interface IndicatorScore {
  id: string;
  rubric: string;
  principle: string;
  domain: string;
  text: string;
  weight: number;
  critical: boolean;
  /** Numeric ratings counted. */
  n: number;
  /** Mean, sd, min and max in points of the rubric's scale (experience ratings mapped onto it through their percent). */
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Mean of the ratings' percents of their own scales. */
  percent: number | null;
  /** Within-group agreement, 1 - s²/σ²_EU, floored at 0; null when n < 3. */
  rwg: number | null;
  /** Percentage points below the target percent; 0 when at or above it; null when not rated. */
  gap: number | null;
  /** The same gap in points of the rubric's scale. */
  gapPoints: number | null;
  na: number;
  unknown: number;
  skipped: number;
  /** Respondents who could judge the indicator and have given no answer yet. */
  unanswered: number;
  /** unknown / (n + unknown); null when both are 0. */
  dontKnowRate: number | null;
}

/** A group of indicators: a principle, a domain, a cell, a framework facet's tag. */
export interface GroupScore {
  id: string;
  name: string;
  /** Weight-weighted mean of the percents of its indicators with n >= 1; null when withheld. */
  percent: number | null;
  withheld?: Withheld;
  /** Indicators in the group not rated `na` by everyone who answered. */
  applicable: number;
  /** Applicable indicators with at least one numeric rating. */
  rated: number;
  /** rated / applicable (0-1); the figure is shown when it is at least 0.5. */
  share: number;
  gap: number | null;
}

export interface PrincipleScore extends GroupScore {
  stage: StageResult | null;
  /** r_wg(J) over the principle's indicators; null when it cannot be computed. */
  rwg: number | null;
}

export interface CellScore extends GroupScore {
  principle: string;
  domain: string;
}

export interface RubricScore {
  id: string;
  version: string;
  title: string;
  /** Mean of its principles' figures; null when no principle has one. */
  percent: number | null;
  withheld?: Withheld;
  stage: StageResult | null;
  /** The percent the target level stands for on this rubric's scale. */
  targetPercent: number;
  principles: PrincipleScore[];
  domains: GroupScore[];
  matrix: CellScore[];
}

export interface Priority {
  indicator: string;
  rubric: string;
  critical: boolean;
  gap: number;
  weight: number;
  /** Rank, 1 first. */
  rank: number;
}

export interface Disagreement {
  indicator: string;
  rubric: string;
  n: number;
  min: number;
  max: number;
  /** max - min, in scale points. */
  spread: number;
  rwg: number | null;
}

export interface DontKnowFinding {
  indicator: string;
  rubric: string;
  unknown: number;
  rate: number;
}

export interface RolePerspective {
  role: string;
  name: string;
  /** False when the role is below the small-cell threshold, or hidden so that a hidden role cannot be derived: no figures then. */
  reportable: boolean;
  /** Number of respondents; null when not reportable ("fewer than N"). */
  respondents: number | null;
  rubrics: { id: string; percent: number | null; principles: { id: string; percent: number | null }[] }[];
}

export interface PerceptionGap {
  rubric: string;
  principle: string;
  roles: [string, string];
  /** First role's percent minus the second's. */
  difference: number;
}

export interface Perspectives {
  smallCellThreshold: number;
  roles: RolePerspective[];
  gaps: PerceptionGap[];
}

export interface CoverageFigures {
  answered: number;
  na: number;
  unknown: number;
  skipped: number;
  unanswered: number;
  /** (answered + na + unknown) / all answers expected; 0-1. */
  share: number;
  /** True when share < 0.6. */
  low: boolean;
}

export interface Coverage {
  respondents: number;
  rubrics: ({ id: string } & CoverageFigures)[];
  domains: ({ id: string } & CoverageFigures)[];
}

export interface ScoreResult {
  /** Marks the file for tools that read it (the network roll-up). */
  format: 'tira-score';
  formatVersion: 1;
  tiraVersion: string;
  agency: string;
  cycle: string;
  date: string;
  targetLevel: number;
  /** The framework whose facets `lens` groups by, when `--by` was given. */
  lens: { framework: string; title: string; facets: { id: string; name: string; groups: GroupScore[] }[] } | null;
  rubrics: RubricScore[];
  /** Domains across every rubric of the assessment. */
  domains: GroupScore[];
  indicators: IndicatorScore[];
  priorities: Priority[];
  disagreements: Disagreement[];
  dontKnow: DontKnowFinding[];
  perspectives: Perspectives;
  coverage: Coverage;
}
