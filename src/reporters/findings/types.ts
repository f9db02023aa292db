// A findings reporter turns the reports of `tira validate` into text, one file at
// a time, so that the command can write each file's entry as soon as it is done.
import type { FileReport } from '../../model/finding.js';
import type { Totals } from './summary.js';

/** The few styles the text format uses; identity functions when there is no colour. */
export interface TextStyle {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: TextStyle = { red: String, yellow: String, green: String, bold: String, dim: String };

export interface FindingsReportOptions {
  style: TextStyle;
}

export interface FindingsReporter {
  /** What comes before the first file's entry. */
  start(): string;
  /** One file's entry; `index` counts the files from 0. */
  file(report: FileReport, index: number): string;
  /** What comes after the last entry, given the totals of the run. */
  end(totals: Totals): string;
}

export type CreateFindingsReporter = (options: FindingsReportOptions) => FindingsReporter;
