// The network report's words and numbers, decided once for every format: how a
// figure reads, what a withheld one reads as, what each fault code means, and the
// report's own sentences. Text, Markdown, CSV and HTML lay this out.
import type { InputProblemCode, NetworkAgency, NetworkFigure, NetworkResult, NetworkWithheld, RubricCompatibility } from '../../model/aggregate.js';
import type { Withheld } from '../../model/score.js';

/** How many indicators and perception gaps the text, Markdown and HTML reports list (the CSV and JSON have all). */
export const LISTED_GAPS = 20;

export function formatPercent(value: number): string {
  return `${Math.round(value)}%`;
}

export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** 15,000: thousands grouped the same way on every machine. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** What a withheld network figure reads as: never 0. */
export function networkWithheldLabel(withheld: NetworkWithheld | undefined, minAgencies: number): string {
  return withheld === 'no-figures' ? 'no agency figures' : `fewer than ${minAgencies} agencies`;
}

/** What a withheld agency figure reads as in the heatmap. */
export function agencyWithheldLabel(withheld: Withheld | 'not-assessed' | undefined): string {
  switch (withheld) {
    case 'not-assessed':
      return 'not in its version';
    case 'not-applicable':
      return 'not applicable';
    case 'no-indicators':
      return 'no practices';
    default:
      return 'too few answers';
  }
}

export function networkMean(f: NetworkFigure, minAgencies: number): string {
  return f.mean === null ? networkWithheldLabel(f.withheld, minAgencies) : formatPercent(f.mean);
}

/** "12 of 14": agencies with a figure, of those assessed on it. */
export function agencyCount(f: NetworkFigure): string {
  return f.agencies === f.assessed ? String(f.agencies) : `${f.agencies} of ${f.assessed}`;
}

/** min, Q1, median, Q3, max as five whole percents; blanks when withheld. */
export function spread(f: NetworkFigure): string[] {
  return [f.min, f.q1, f.median, f.q3, f.max].map((v) => (v === null ? '' : String(Math.round(v))));
}

/** How many agencies a perception gap must recur in to be listed (see network.ts). */
const recurMin = (result: NetworkResult): number => Math.max(2, result.settings.minAgencies);

export const problemWords: Record<InputProblemCode, string> = {
  'workspace-broken': 'workspace cannot be read',
  'workspace-unknown-rubric': 'workspace pins a rubric this tira cannot load',
  'answer-log-torn': 'an answer log was cut off mid-line; the answers before it count',
  'json-syntax': 'not valid JSON',
  'not-an-export': 'not an agency export',
  'export-version-unknown': 'export of a format version this tira does not read',
  'export-invalid': 'damaged export',
  'file-unreadable': 'cannot be read',
  'duplicate-agency': 'the same agency as another input; the later assessment is used',
  'no-figures': 'no figures (no answers yet?); it counts as assessed but adds no figure',
};

export const leftOutWords: Record<RubricCompatibility['leftOut'][number]['reason'], string> = {
  'not-in-every-version': 'not in every version',
  moved: 'in another principle or domain in another version',
};

/** The report's title. */
export function networkTitle(result: NetworkResult): string {
  return `Network report: ${plural(result.coverage.agencies, 'agency', 'agencies')}`;
}

/** "2026-11-23 15:20 UTC by tira 0.1.0" */
export function describeGenerated(result: NetworkResult): string {
  const at = result.generatedAt ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(result.generatedAt) : null;
  const when = at ? `${at[1]} ${at[2]} UTC` : (result.generatedAt ?? 'at an unrecorded time');
  return `${when} by tira ${result.tiraVersion}`;
}

export const sentences = {
  intro: (r: NetworkResult) =>
    `Each network figure is the mean of the agencies' own figures: every agency counts once, whatever its number of respondents. ` +
    `A figure that fewer than ${r.settings.minAgencies} agencies have is not shown. No respondent's answers are in this report: it is built from each agency's figures, with small groups of respondents already withheld by the agency's own tira.`,
  anonymized: 'Agency names are replaced by codes that stay the same from run to run; the codes do not spell the names.',
  heatmap:
    'Each row is one agency, from the highest overall figure down; each cell is its percent for one principle. The network mean is the first row. ' +
    'It shows where each agency stands so that support can be planned, and where agencies can learn from one another; it is not a ranking: agencies start from different places.',
  lagging:
    'In each service domain the network shares, the agencies furthest below their own target, across the rubrics each agency used: where technical assistance, training or funding would help most. ' +
    'A list for planning support, not a judgement of the agencies.',
  indicatorGaps: 'Practices below target in the most agencies: where training or funding would pay off across many agencies at once.',
  perceptionGaps: (result: NetworkResult) =>
    `Principles on which one role rated its agency higher than another role did, far enough apart for the agency's own report to name it (15 points by default), in ${recurMin(result)} or more agencies.`,
  noPerceptionGaps: (result: NetworkResult) => `No perception gap recurs in ${recurMin(result)} or more agencies.`,
  versions: 'Agencies on different versions of a rubric are compared on the practices every version shares; the figures of agencies on the other versions are recomputed over those practices with the same rules.',
  methodology: (r: NetworkResult) => [
    'Agency figures are those of `tira score`: a group is the weight-weighted mean of its rated practices, shown when at least half of them are rated; a rubric is the mean of its principles.',
    `A network figure is the plain mean of the agencies' figures, with their minimum, quartiles (linear interpolation between closest ranks) and maximum. "Agencies" counts those with a figure, of those assessed on it. Fewer than ${r.settings.minAgencies} agencies: not shown.`,
    'A practice is a gap in an agency when its percent is below the agency\'s target.',
    'Perception gaps are taken as each agency\'s report found them, between roles with enough respondents to report.',
    'When an agency appears twice, its later assessment is used.',
  ],
} as const;

/** "2026 · 2026-03-02": an agency's cycle and date, so that a reader sees which assessment was rolled up; '' under --anonymize. */
export function assessedWhen(a: NetworkAgency): string {
  return [a.cycle, a.date].filter((x) => x !== undefined && x !== '').join(' · ');
}

/** A principle's name in the network's newest version of its rubric. */
export function principleName(result: NetworkResult, rubric: string | null, id: string): string {
  return result.rubrics.find((r) => r.id === rubric)?.principles.find((p) => p.id === id)?.name ?? id;
}

export function rubricTitle(result: NetworkResult, rubric: string | null): string {
  return result.rubrics.find((r) => r.id === rubric)?.name ?? rubric ?? '';
}
