// Who is expected to answer what, and what each expected respondent answered:
// the step between a workspace's latest answers and the indicator figures.
// Respondents whose role cannot judge an indicator (src/rubric/raters.ts) are not
// expected to answer it, and any answer they left is not counted.
import type { Indicator, Rubric } from '../model/rubric.js';
import { canJudge } from '../rubric/raters.js';
import type { RespondentAnswers, Role } from '../model/workspace.js';
import { percentOf, pointsOf, scaleRange, type ScaleRange } from './stats.js';

/** One expected respondent's answer to one indicator. */
export type Response =
  | { respondent: string; role: string; kind: 'rating'; points: number; percent: number }
  | { respondent: string; role: string; kind: 'na' | 'unknown' | 'skipped' | 'unanswered' };

/** The role of a respondent: from the assessment, or a staff role of that id when it is not listed. */
export function roleOf(roles: ReadonlyMap<string, Role>, id: string): Role {
  return roles.get(id) ?? { id, name: id, description: id, voice: 'staff' };
}

/** Whether a respondent's log covers a rubric: every rubric when it pins none. */
export function covers(respondent: RespondentAnswers, rubric: string): boolean {
  const pinned = Object.keys(respondent.rubrics);
  return pinned.length === 0 || pinned.includes(rubric);
}

/** The scales of a rubric: the staff scale, and the experience scale (the staff one when the rubric has none). */
export interface RubricScales {
  staff: ScaleRange;
  experience: ScaleRange;
  staffValues: ReadonlySet<number>;
  experienceValues: ReadonlySet<number>;
}

export function rubricScales(rubric: Rubric): RubricScales {
  const experience = rubric.experienceScale ?? rubric.scale;
  return {
    staff: scaleRange(rubric.scale),
    experience: scaleRange(experience),
    staffValues: new Set(rubric.scale.levels.map((l) => l.value)),
    experienceValues: new Set(experience.levels.map((l) => l.value)),
  };
}

/**
 * Each expected respondent's answer to one indicator, in the order of the
 * respondents given (sort them first). A number that is not a level of the
 * respondent's scale counts as no answer.
 */
export function responsesTo(
  indicator: Indicator,
  rubricId: string,
  scales: RubricScales,
  respondents: readonly RespondentAnswers[],
  roles: ReadonlyMap<string, Role>,
): Response[] {
  const out: Response[] = [];
  for (const r of respondents) {
    const role = roleOf(roles, r.role);
    if (!covers(r, rubricId) || !canJudge(indicator, role)) continue;
    // NOTE: object literals, not `{ ...base, kind }`: on Node 20 the spread leaves
    // each response a slow (dictionary) object, and every later read of it slow;
    // that made scoring a workspace several times slower (measured for tira aggregate).
    const respondent = r.id;
    const roleId = role.id;
    const value = r.answers.get(indicator.id)?.value;
    if (value === undefined) out.push({ respondent, role: roleId, kind: 'unanswered' });
    else if (typeof value === 'number') {
      const experience = role.voice === 'experience';
      const range = experience ? scales.experience : scales.staff;
      if (!(experience ? scales.experienceValues : scales.staffValues).has(value)) {
        out.push({ respondent, role: roleId, kind: 'unanswered' });
        continue;
      }
      const percent = percentOf(range, value);
      out.push({ respondent, role: roleId, kind: 'rating', points: pointsOf(scales.staff, percent), percent });
    } else out.push({ respondent, role: roleId, kind: value });
  }
  return out;
}
