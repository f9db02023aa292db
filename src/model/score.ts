// The score result: everything `tira score` computes from a workspace, and the one
// object every reporter (terminal, Markdown, CSV, JSON, HTML) and the network
// roll-up read. `tira score --json` prints it; schemas/score.schema.json describes
// it for other tools. Percents are 0-100 and unrounded here; reporters round.
// A figure that is not shown (too few answers, a suppressed role) is null, never 0.
// The formulas are in src/scoring/methodology.ts (and the README).
import type { IndicatorTags } from './rubric.js';

/**
 * Why a group figure is not shown: fewer than half of its applicable indicators
 * have a rating; every indicator was rated not applicable; the group has no
 * indicators (an empty principle x domain cell); fewer respondents of a role than
 * the small-cell threshold rated it (perspectives only).
 */
export type Withheld = 'too-few-answers' | 'not-applicable' | 'no-indicators' | 'small-cell';

/** A readiness stage reached: always indicative, never a certification. */
export interface StageResult {
  id: string;
  name: string;
  indicative: true;
  /** When the rubric's critical gate held the stage down: the stage the percent alone would reach. */
  cappedFrom?: { id: string; name: string };
  /**
   * The critical indicators that hold the stage down: rated below the gate's
   * level on average, or applicable and not rated yet. Empty when not capped.
   */
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
  /** Framework tags, as in the rubric: framework id -> facet id -> tag ids (for lenses). */
  tags: IndicatorTags;
  /** Respondents whose role can judge the indicator (and whose log covers its rubric). */
  expected: number;
  /** Numeric ratings counted. */
  n: number;
  /** Mean, sd, min and max in points of the rubric's scale; experience ratings are mapped onto it through their percent. */
  mean: number | null;
  /** Sample standard deviation (n - 1); null when n < 2. */
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Mean of the ratings' percents of their own scales; null when n = 0. */
  percent: number | null;
  /** The percent the assessment's target level stands for on the rubric's scale. */
  targetPercent: number;
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
  /** False when everyone who answered rated it not applicable (at least one did). */
  applicable: boolean;
  /** `small-cell` when every rating came from roles below the small-cell threshold: the figures are null then. */
  withheld?: 'small-cell';
}

/** A group of indicators: a principle, a domain, a principle x domain cell, a framework facet's tag. */
export interface GroupScore {
  id: string;
  name: string;
  /** Weight-weighted mean of the percents of its indicators with n >= 1; null when withheld. */
  percent: number | null;
  /** Why percent is null; absent when it is shown. */
  withheld?: Withheld;
  /** Indicators in the group. */
  indicators: number;
  /** Indicators in the group not rated `na` by everyone who answered. */
  applicable: number;
  /** Applicable indicators with at least one numeric rating. */
  rated: number;
  /** rated / applicable (0-1); null when nothing is applicable. The figure is shown when it is at least 0.5. */
  share: number | null;
  /** Percentage points below the target (weight-weighted over its rated indicators); 0 at or above; null when withheld. */
  gap: number | null;
}

export interface PrincipleScore extends GroupScore {
  stage: StageResult | null;
  /** r_wg(J) over the principle's indicators with n >= 3; null when there are none. */
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
  /** Mean of its principles' shown figures, when at least half its applicable indicators are rated; null otherwise. */
  percent: number | null;
  withheld?: Withheld;
  stage: StageResult | null;
  /** The rubric's scale (the staff scale), for turning percents back into points. */
  scale: { min: number; max: number; points: number };
  /** The percent the target level stands for on this rubric's scale. */
  targetPercent: number;
  /** The rubric's critical gate, when it has one: reaching `stage` needs every critical indicator at `minLevel` or above. */
  criticalGate?: { stage: string; minLevel: number };
  /** Share of applicable indicators rated, as for a group. */
  applicable: number;
  rated: number;
  share: number | null;
  principles: PrincipleScore[];
  domains: GroupScore[];
  /** Every principle x domain combination, principles then domains in rubric order; empty cells are withheld as no-indicators. */
  matrix: CellScore[];
}

export interface Priority {
  indicator: string;
  rubric: string;
  principle: string;
  domain: string;
  critical: boolean;
  percent: number;
  gap: number;
  gapPoints: number;
  weight: number;
  /** gap x weight. */
  score: number;
  /** Rank, 1 first: critical indicators below target first, then by score. */
  rank: number;
}

/** An indicator on the disagreement agenda; its figures are over staff roles' ratings only. */
export interface Disagreement {
  indicator: string;
  rubric: string;
  /** Staff ratings. */
  n: number;
  min: number;
  max: number;
  /** max - min, in points of the rubric's scale. */
  spread: number;
  rwg: number | null;
  /** Why it is on the agenda: a spread of 2 points or more, agreement below the low-r_wg line, or both. */
  reasons: ('spread' | 'low-rwg')[];
}

/** "Staff do not know whether this happens": a communication gap, not a practice gap. Counts staff roles' answers only. */
export interface DontKnowFinding {
  indicator: string;
  rubric: string;
  /** Staff answers of don't know. */
  unknown: number;
  /** Staff ratings + staff don't-knows. */
  answers: number;
  rate: number;
}

export interface RolePerspective {
  role: string;
  name: string;
  voice: 'staff' | 'experience';
  /** False when the role shows no figures: too few respondents, or hidden so that a smaller role cannot be worked out by subtraction. */
  reportable: boolean;
  /** Why the role is not reportable; absent when it is. */
  hidden?: 'small-cell' | 'complementary' | 'no-respondents';
  /** Respondents of the role with a numeric rating; null when not reportable ("fewer than N"). */
  respondents: number | null;
  /** Figures per rubric and principle; empty when not reportable. */
  rubrics: { id: string; percent: number | null; withheld?: Withheld; principles: { id: string; percent: number | null; withheld?: Withheld }[] }[];
  /** Figures per group of the lens's first facet, when `--by` was given; empty when not reportable. */
  lens: { facet: string; id: string; percent: number | null; withheld?: Withheld }[];
}

export interface PerceptionGap {
  /** The rubric, or null for a lens group (which spans rubrics). */
  rubric: string | null;
  /** The lens facet, or null for a rubric principle. */
  facet: string | null;
  /** The principle (or lens tag) id. */
  principle: string;
  roles: [string, string];
  /**
   * Each role's figure over the indicators of the principle (or tag) that both
   * roles rated, weight-weighted: so both figures answer the same questions. They
   * can differ from the roles' principle figures, which cover all they rated.
   */
  percents: [number, number];
  /** First role's percent minus the second's. */
  difference: number;
  /** How many indicators both roles rated, that the two percents are computed over. */
  indicators: number;
}

export interface Perspectives {
  smallCellThreshold: number;
  roles: RolePerspective[];
  gaps: PerceptionGap[];
}

export interface CoverageFigures {
  /** Answers expected: each respondent x each indicator their role can judge. */
  expected: number;
  /** Numeric ratings. */
  answered: number;
  na: number;
  unknown: number;
  skipped: number;
  unanswered: number;
  /** (answered + na + unknown) / expected (0-1); null when nothing is expected. */
  share: number | null;
  /** True when share < 0.6. */
  low: boolean;
}

export interface Coverage {
  respondents: number;
  rubrics: ({ id: string } & CoverageFigures)[];
  domains: ({ id: string } & CoverageFigures)[];
  /** Per tag of each lens facet, when `--by` was given. */
  lens: ({ facet: string; id: string } & CoverageFigures)[];
}

export interface LensCell extends GroupScore {
  row: string;
  column: string;
}

/** A framework's facets as a way of grouping the same indicator results. */
export interface Lens {
  framework: string;
  title: string;
  facets: { id: string; name: string; groups: GroupScore[] }[];
  /** The first facet against the second (SAMHSA principle x implementation domain); null with fewer than two facets. */
  matrix: { rows: string; columns: string; cells: LensCell[] } | null;
}

/** The lines the engine draws, so that reports can state them. */
export interface ScoreSettings {
  /** Share of applicable indicators a group needs rated to be shown. */
  minGroupShare: number;
  /** r_wg is shown from this many ratings. */
  rwgMinN: number;
  /** Below this r_wg an indicator joins the disagreement agenda. */
  lowRwg: number;
  /** A spread of this many scale points or more puts an indicator on the disagreement agenda. */
  disagreementSpread: number;
  /** From this don't-know rate the indicator is a finding of its own. */
  dontKnowRate: number;
  /** Two reportable roles this many points apart on a principle make a perception gap. */
  perceptionGap: number;
  /** Coverage below this share is flagged. */
  lowCoverage: number;
}

export interface ScoreResult {
  /** Marks the file for tools that read it (the network roll-up). */
  format: 'tira-score';
  formatVersion: 1;
  tiraVersion: string;
  /** When the result was computed, as passed in (ISO 8601); null when not given. */
  generatedAt: string | null;
  agency: string;
  cycle: string;
  date: string;
  targetLevel: number;
  settings: ScoreSettings;
  /** The framework whose facets the figures are also grouped by, when `--by` was given. */
  lens: Lens | null;
  rubrics: RubricScore[];
  /** Domains across every rubric of the assessment, in catalog order. */
  domains: GroupScore[];
  indicators: IndicatorScore[];
  /** Every indicator below target, ranked. */
  priorities: Priority[];
  /** Over staff roles' answers only (see methodology.ts). */
  disagreements: Disagreement[];
  /** Over staff roles' answers only. */
  dontKnow: DontKnowFinding[];
  perspectives: Perspectives;
  coverage: Coverage;
}
