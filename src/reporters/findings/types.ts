// A findings reporter turns the reports of `tira validate` into one string.
import type { FileReport } from '../../model/finding.js';

export interface FindingsReportOptions {
  color: boolean;
}

export type FindingsReporter = (reports: readonly FileReport[], options: FindingsReportOptions) => string;
