// The network roll-up: what `tira aggregate` computes from many agencies' score
// results, and the one object its reporters (text, Markdown, CSV, JSON, HTML)
// read. `tira aggregate --format json` prints it; schemas/network.schema.json
// describes it. Percents are 0-100 and unrounded here; reporters round. A figure
// that is not shown is null with a reason, never 0.
import type { IndicatorTags } from './rubric.js';
import type { IndicatorScore, PerceptionGap, ScoreSettings, Withheld } from './score.js';

// ---------------------------------------------------------------- one agency, compact

/** A group figure as the roll-up keeps it from an agency's result. */
export interface AgencyGroup {
  id: string;
  name: string;
  percent: number | null;
  withheld?: Withheld;
  gap: number | null;
}

/** A principle x domain cell: named by its principle and domain, so that 2,000 agencies do not each carry its name. */
export interface AgencyCell {
  principle: string;
  domain: string;
  percent: number | null;
  withheld?: Withheld;
  gap: number | null;
}

export interface AgencyRubric {
  id: string;
  version: string;
  title: string;
  targetPercent: number;
  percent: number | null;
  withheld?: Withheld;
  principles: AgencyGroup[];
  domains: AgencyGroup[];
  matrix: AgencyCell[];
  /** In an export: the rubric's framework tags by tag (framework -> facet -> tag -> indicator ids), which the roll-up puts back on the indicators for `--by`. */
  tags?: RubricTagIndex;
}

/** framework id -> facet id -> tag id -> the ids of the indicators that carry the tag. */
export type RubricTagIndex = Record<string, Record<string, Record<string, string[]>>>;

/** What the roll-up needs of one indicator's figures: no ratings, no respondents. */
export type AgencyIndicator = Pick<
  IndicatorScore,
  'id' | 'rubric' | 'principle' | 'domain' | 'text' | 'weight' | 'critical' | 'n' | 'percent' | 'targetPercent' | 'gap' | 'applicable'
> & { tags?: IndicatorTags; withheld?: 'small-cell' };

/** A reportable role's figure per rubric principle (`rubric/principle`), as the agency's result shows it. */
export interface AgencyRole {
  role: string;
  name: string;
  principles: Record<string, number | null>;
}

/**
 * What an agency sends to a network roll-up: `tira export` writes it, and
 * schemas/agency-export.schema.json describes it. Its score result reduced to what
 * the roll-up reads (group figures, indicator figures, reportable roles and
 * perception gaps), with percents rounded to two decimals. Small enough that
 * 2,000 of them are read in well under a second, and plain enough that the
 * agency can read what it sends.
 */
export interface AgencyExport {
  format: 'tira-export';
  formatVersion: 1;
  /** A sentence for the people who handle the file. */
  about?: string;
  tiraVersion: string;
  generatedAt: string | null;
  agency: string;
  cycle: string;
  date: string;
  respondents: number;
  settings: ScoreSettings;
  rubrics: AgencyRubric[];
  /** Domains across the agency's rubrics. */
  domains: AgencyGroup[];
  indicators: AgencyIndicator[];
  roles: AgencyRole[];
  perceptionGaps: PerceptionGap[];
}

/**
 * One agency as the roll-up holds it: its export (read from a file, or made from
 * a workspace or a score result the same way), with where it came from. Built
 * right after an input is read, so that a run holds no more than this per agency.
 */
export interface AgencyRecord extends Omit<AgencyExport, 'format' | 'formatVersion' | 'about' | 'generatedAt'> {
  /** Where it was read from, as the user named it. */
  source: string;
  kind: InputKind;
  /** Problems that did not stop the read (a torn answer log). */
  warnings: InputProblem[];
}

// ---------------------------------------------------------------- inputs and their faults

/** A workspace read and scored here, or a file an agency sent (`tira export`, or a `tira score --json` / `tira report` JSON). */
export type InputKind = 'workspace' | 'export';

/**
 * Why an input was not rolled up (or, for warnings, what is wrong with it):
 * - `workspace-broken`: the workspace cannot be read (a bad assessment.yaml, a
 *   broken answer log, a respondent in a role it does not list);
 * - `workspace-unknown-rubric`: it pins a rubric that is missing, broken or of another version;
 * - `answer-log-torn`: a log's last line was cut off (a warning: the answers before it count);
 * - `json-syntax`: a .json file that is not valid JSON;
 * - `not-an-export`: JSON, but not an agency's export (another tool's file, a network report);
 * - `export-version-unknown`: an export of a format version this tira does not know;
 * - `export-invalid`: it says it is an export but lacks what one holds;
 * - `file-unreadable`: no permission, or not a file;
 * - `duplicate-agency`: another input holds the same agency; the later assessment is used;
 * - `no-figures`: read, but with no figure (a workspace with no answers yet): a warning, since it counts as assessed.
 */
export type InputProblemCode =
  | 'workspace-broken'
  | 'workspace-unknown-rubric'
  | 'answer-log-torn'
  | 'json-syntax'
  | 'not-an-export'
  | 'export-version-unknown'
  | 'export-invalid'
  | 'file-unreadable'
  | 'duplicate-agency'
  | 'no-figures';

export interface InputProblem {
  code: InputProblemCode;
  /** The reader's own words, naming the file and line where it can. */
  detail: string;
}

/** An input that could not be rolled up: the reason is its problem. */
export interface FailedInput {
  source: string;
  kind: InputKind | 'unknown';
  problem: InputProblem;
}

// ---------------------------------------------------------------- the network result

export type NetworkWithheld = 'small-cell' | 'no-figures';

/** A network figure: the mean of the agencies' figures, with their spread. */
export interface NetworkFigure {
  id: string;
  name: string;
  /** Agencies assessed on it (their rubrics hold it). */
  assessed: number;
  /** Agencies with a figure for it (not withheld in the agency's own result). */
  agencies: number;
  /** Mean of the agencies' figures; null when withheld. */
  mean: number | null;
  /** Distribution of the agencies' figures (quartiles by linear interpolation); null when withheld. */
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  /** Why the figure is not shown: fewer agencies than the threshold, or none with a figure. */
  withheld?: NetworkWithheld;
}

export interface NetworkCell extends NetworkFigure {
  principle: string;
  domain: string;
}

export interface NetworkRubric extends NetworkFigure {
  /** The version whose names and order the report uses (the newest). */
  version: string;
  versions: { version: string; agencies: number }[];
  principles: NetworkFigure[];
  domains: NetworkFigure[];
  matrix: NetworkCell[];
}

/** One row of the agency x principle heatmap. */
export interface HeatmapRow {
  agency: string;
  percent: number | null;
  withheld?: Withheld;
  /** In the order of the heatmap's principles; null with a reason when the agency's figure is withheld or it has no such principle. */
  principles: { percent: number | null; withheld?: Withheld | 'not-assessed' }[];
}

/** Agencies by principle for one rubric; rows run from the highest rubric figure down (withheld last, then by name). */
export interface Heatmap {
  rubric: string;
  title: string;
  principles: { id: string; name: string }[];
  rows: HeatmapRow[];
}

/** The agencies furthest below target in one service domain. */
export interface LaggingDomain {
  domain: string;
  name: string;
  /** Agencies with a figure for the domain. */
  assessed: number;
  /** Of those, agencies below target. */
  below: number;
  agencies: { agency: string; percent: number; gap: number }[];
}

/** An indicator that is a gap in many agencies: a training or funding priority across the network. */
export interface IndicatorGap {
  rubric: string;
  indicator: string;
  principle: string;
  domain: string;
  text: string;
  critical: boolean;
  /** Agencies whose rubric holds it. */
  assessed: number;
  /** Agencies with a rating for it. */
  rated: number;
  /** Agencies where it is below target. */
  below: number;
  /** below / rated. */
  share: number | null;
  /** Mean of the agencies' percents; null when fewer than the threshold rated it. */
  mean: number | null;
  /** Mean gap to target over the agencies that rated it (0 where at or above). */
  meanGap: number | null;
  withheld?: NetworkWithheld;
}

/** A perception gap between two roles on one principle that recurs across agencies. */
export interface RecurringPerceptionGap {
  rubric: string | null;
  facet: string | null;
  principle: string;
  /** The role that rated the principle higher first: a gap recurs only in the same direction. */
  roles: [string, string];
  roleNames: [string, string];
  /** Agencies where the gap was found. */
  agencies: number;
  /** Agencies where both roles were reportable and had a figure for the principle. */
  comparable: number;
  /** Mean of the first role's percent minus the second's (positive), over the agencies where the gap was found. */
  meanDifference: number;
}

export interface RubricCompatibility {
  rubric: string;
  versions: { version: string; agencies: number }[];
  /** Indicators combined across every version present. */
  shared: number;
  /** Indicators left out of the network figures, with why. */
  leftOut: { indicator: string; reason: 'not-in-every-version' | 'moved'; versions: string[] }[];
}

export interface NetworkAgency {
  /** The agency's name, or its code under --anonymize. */
  agency: string;
  /** The input it came from; absent under --anonymize, since a path can name the agency. */
  source?: string;
  kind: InputKind;
  cycle?: string;
  date?: string;
  tiraVersion: string;
  respondents: number;
  rubrics: { id: string; version: string }[];
  warnings: InputProblem[];
}

export interface NetworkInputFault {
  /** The input as the user named it, or a code under --anonymize. */
  source: string;
  kind: InputKind | 'unknown';
  problem: InputProblem;
}

export interface NetworkCoverage {
  inputs: number;
  agencies: number;
  failed: number;
  respondents: number;
  /** Agencies that are in the roll-up, with what they sent. */
  included: NetworkAgency[];
  /** Inputs that are not in it, and why. */
  faults: NetworkInputFault[];
  rubrics: RubricCompatibility[];
}

export interface NetworkSettings {
  /** A network figure needs at least this many agencies with a figure to be shown. */
  minAgencies: number;
  anonymized: boolean;
  /** The framework every figure is also grouped by (`--by`), or null. */
  by: string | null;
  /** How many agencies each lagging list names, and how many indicators the gap list names in reports. */
  laggingAgencies: number;
}

export interface NetworkLens {
  framework: string;
  title: string;
  facets: { id: string; name: string; groups: NetworkFigure[] }[];
}

export interface NetworkResult {
  format: 'tira-network';
  formatVersion: 1;
  tiraVersion: string;
  generatedAt: string | null;
  settings: NetworkSettings;
  rubrics: NetworkRubric[];
  /** Service domains across each agency's rubrics. */
  domains: NetworkFigure[];
  lens: NetworkLens | null;
  heatmaps: Heatmap[];
  lagging: LaggingDomain[];
  indicatorGaps: IndicatorGap[];
  perceptionGaps: RecurringPerceptionGap[];
  coverage: NetworkCoverage;
}
