// The notes respondents left with their answers, as a report may quote them:
// with no name, no respondent id and no role, and only from roles the result
// reports, since a note from the one person of a small role can say who wrote it.
import type { ScoreResult } from '../../model/score.js';
import type { Workspace } from '../../model/workspace.js';
import type { ReportNote } from './types.js';

export function collectNotes(workspace: Pick<Workspace, 'respondents'>, result: ScoreResult): ReportNote[] {
  const reportable = new Set(result.perspectives.roles.filter((r) => r.reportable).map((r) => r.role));
  const rubricOf = new Map(result.indicators.map((i) => [i.id, i.rubric]));
  const notes: ReportNote[] = [];
  for (const respondent of workspace.respondents) {
    if (!reportable.has(respondent.role)) continue;
    for (const [indicator, answer] of respondent.answers) {
      const text = answer.note?.trim();
      const rubric = rubricOf.get(indicator);
      if (text && rubric) notes.push({ indicator, rubric, text });
    }
  }
  // Sorted by what they say, so that the order gives away no respondent.
  return notes.sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}
