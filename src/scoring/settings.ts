// The lines the scoring engine draws, in one place, so that the engine, the
// methodology text and every report state the same numbers.
import type { ScoreSettings } from '../model/score.js';

export const defaultSettings: ScoreSettings = {
  minGroupShare: 0.5,
  rwgMinN: 3,
  // LeBreton & Senter (2008): below .50 is "lack of agreement" or weak agreement.
  lowRwg: 0.5,
  disagreementSpread: 2,
  dontKnowRate: 0.25,
  perceptionGap: 15,
  lowCoverage: 0.6,
};

/** A change between cycles counts only from this many percentage points (see compare.ts). */
export const minMeaningfulChange = 5;

/** Floating-point slack for comparisons against thresholds, so that 74.99999999999 reaches 75. */
export const EPSILON = 1e-9;

/** The four service domains every bundled rubric covers; tables show them first. */
export const namedDomains = ['outreach', 'screening', 'crisis', 'funding-metrics'] as const;
