// A findings reporter turns the reports of `tira validate` into one string.
import type { FileReport } from '../../model/finding.js';

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

export type FindingsReporter = (reports: readonly FileReport[], options: FindingsReportOptions) => string;
