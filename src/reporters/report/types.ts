// What every report format receives and returns. A reporter is pure: the same
// score result and metadata give the same files, byte for byte. Only the command
// edge writes them (and prints HTML to PDF).
import type { Rubric } from '../../model/rubric.js';
import type { ScoreResult } from '../../model/score.js';

/** What a report says about itself, beyond the score result. */
export interface ReportMeta {
  /** tira's version that wrote the report. */
  tiraVersion: string;
  /** ISO time the report was generated, passed in so that reporters stay pure. */
  generatedAt: string;
  /**
   * The normalized rubrics the result was scored against: names, recommended
   * actions, stages, scale and sources come from them. Only their ids, versions
   * and titles go into the JSON report.
   */
  rubrics: readonly Rubric[];
  /** Notes left with answers, without who wrote them, from reportable roles only (see notes.ts). */
  notes?: readonly ReportNote[];
}

export interface ReportNote {
  indicator: string;
  rubric: string;
  text: string;
}

/** One file a reporter makes, its path relative to the reports folder. */
export interface ReportFile {
  path: string;
  content: string;
}

export type ReportFormat = 'md' | 'csv' | 'json' | 'html';

export type Reporter = (result: ScoreResult, meta: ReportMeta) => ReportFile[];
