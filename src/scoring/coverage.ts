// How much of what was asked has been answered: per rubric, per domain and per
// lens tag, counting each respondent x each indicator their role can judge.
import type { CoverageFigures, IndicatorScore, ScoreSettings } from '../model/score.js';

export function coverageOf(indicators: readonly IndicatorScore[], settings: ScoreSettings): CoverageFigures {
  let expected = 0;
  let answered = 0;
  let na = 0;
  let unknown = 0;
  let skipped = 0;
  let unanswered = 0;
  for (const i of indicators) {
    expected += i.expected;
    answered += i.n;
    na += i.na;
    unknown += i.unknown;
    skipped += i.skipped;
    unanswered += i.unanswered;
  }
  const share = expected > 0 ? (answered + na + unknown) / expected : null;
  return { expected, answered, na, unknown, skipped, unanswered, share, low: share !== null && share < settings.lowCoverage };
}
