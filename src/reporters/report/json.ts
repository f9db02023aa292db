// The report as JSON: the score result as `tira score --json` gives it, wrapped
// with what the report says about itself. schemas/report.schema.json describes it.
import type { ScoreResult } from '../../model/score.js';
import type { ReportFile, ReportMeta } from './types.js';

export interface JsonReport {
  format: 'tira-report';
  formatVersion: 1;
  report: {
    agency: string;
    cycle: string;
    date: string;
    tiraVersion: string;
    generatedAt: string;
    rubrics: { id: string; version: string; title: string }[];
    /** Notes left with answers, unattributed, from reportable roles only. */
    notes: { indicator: string; rubric: string; text: string }[];
  };
  score: ScoreResult;
}

export function renderJsonReport(result: ScoreResult, meta: ReportMeta): ReportFile[] {
  const report: JsonReport = {
    format: 'tira-report',
    formatVersion: 1,
    report: {
      agency: result.agency,
      cycle: result.cycle,
      date: result.date,
      tiraVersion: meta.tiraVersion,
      generatedAt: meta.generatedAt,
      rubrics: result.rubrics.map((r) => ({ id: r.id, version: r.version, title: r.title })),
      notes: (meta.notes ?? []).map((n) => ({ indicator: n.indicator, rubric: n.rubric, text: n.text })),
    },
    score: result,
  };
  return [{ path: 'report.json', content: `${JSON.stringify(report, null, 2)}\n` }];
}
