// The comparison of two cycles of one agency: what `tira compare` computes from two
// score results and prints (`--json` prints this object). Percents are 0-100 and
// unrounded; a figure that is not shown on one side is null there, never 0.
import type { StageResult } from './score.js';

/**
 * `up` and `down`: a change at least `minChange` points and at least the noise
 * band; `within-noise`: smaller than that; `not-rated`: no figure on one side.
 */
export type ChangeStatus = 'up' | 'down' | 'within-noise' | 'not-rated';

export interface Change {
  before: number | null;
  after: number | null;
  /** after - before, in percentage points. */
  change: number | null;
  /** The noise band: 2 x the standard error of the difference, from n and sd; null when a side has fewer than 2 ratings (then only `minChange` applies). */
  noise: number | null;
  status: ChangeStatus;
}

export interface IndicatorChange extends Change {
  id: string;
  rubric: string;
  principle: string;
  domain: string;
  critical: boolean;
  nBefore: number;
  nAfter: number;
  gapBefore: number | null;
  gapAfter: number | null;
}

export interface GroupChange extends Change {
  id: string;
  name: string;
}

export interface RubricChange extends Change {
  id: string;
  title: string;
  versions: { baseline: string; followup: string };
  /** The major version differs: some indicators may have changed meaning (the rubric's changelog says which). */
  majorChange: boolean;
  stageBefore: StageResult | null;
  stageAfter: StageResult | null;
  principles: GroupChange[];
  domains: GroupChange[];
  /** Indicators of this rubric in one cycle only (the rubric's version changed): named, not compared. */
  onlyInBaseline: string[];
  onlyInFollowup: string[];
}

export interface CycleInfo {
  agency: string;
  cycle: string;
  date: string;
  targetLevel: number;
  respondents: number;
}

export interface CompareResult {
  format: 'tira-compare';
  formatVersion: 1;
  tiraVersion: string;
  baseline: CycleInfo;
  followup: CycleInfo;
  /** False when no indicator was rated in both cycles; `reason` says why. */
  comparable: boolean;
  reason?: 'no-common-rubric' | 'no-common-indicator' | 'nothing-rated-in-both';
  settings: { minChange: number; noiseFactor: number };
  rubrics: RubricChange[];
  /** Rubrics scored in one cycle only. */
  rubricsOnlyIn: { baseline: string[]; followup: string[] };
  /** Domains across the rubrics both cycles share, over the indicators both share. */
  domains: GroupChange[];
  indicators: IndicatorChange[];
  /** Below target before, at or above it now, by a change beyond the noise. */
  gapsClosed: string[];
  /** At or above target before, below it now, by a change beyond the noise. */
  newGaps: string[];
  /** Below target before and at or above it now, but by a change within the noise: not counted as closed. */
  gapsClosedWithinNoise: string[];
  /** At or above target before and below it now, but by a change within the noise: not counted as a new gap. */
  newGapsWithinNoise: string[];
  /** Indicators that went down by more than the noise, largest drop first (critical ones first). */
  regressions: string[];
}
