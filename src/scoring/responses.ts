// Who is expected to answer what, and what each expected respondent answered:
// the step between a workspace's latest answers and the indicator figures.
// Respondents whose role cannot judge an indicator (src/rubric/raters.ts) are not
// expected to answer it, and any answer they left is not counted.
import type { Indicator, Rubric } from '../model/rubric.js';
import { canJudge } from '../rubric/raters.js';
import type { AnswerValue, RespondentAnswers, Role } from '../model/workspace.js';
import { percentOf, pointsOf, scaleRange, type ScaleRange } from './stats.js';

/** One expected respondent's answer to one indicator. */
export type Response =
  | { respondent: string; role: string; kind: 'rating'; points: number; percent: number }
  | { respondent: string; role: string; kind: 'na' | 'unknown' | 'skipped' | 'unanswered' };

/** The role of a respondent: from the assessment, or a staff role of that id when it is not listed. */
export function roleOf(roles: ReadonlyMap<string, Role>, id: string): Role {
  return roles.get(id) ?? { id, name: id, description: id, voice: 'staff' };
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

/** A respondent made ready for many look-ups: the role resolved and the rubrics the log covers. */
export interface PreparedRespondent {
  id: string;
  role: Role;
  answers: RespondentAnswers['answers'];
  /** Null when the log pins no rubric (it covers every one). */
  rubrics: ReadonlySet<string> | null;
}

export function prepareRespondents(respondents: readonly RespondentAnswers[], roles: ReadonlyMap<string, Role>): PreparedRespondent[] {
  return respondents.map((r) => {
    const pinned = Object.keys(r.rubrics);
    return { id: r.id, role: roleOf(roles, r.role), answers: r.answers, rubrics: pinned.length === 0 ? null : new Set(pinned) };
  });
}

/**
 * Each expected respondent's answer to each indicator of a rubric: one list per
 * indicator, in the rubric's order, each in the order of the respondents given
 * (sort them first). A number that is not a level of the respondent's scale
 * counts as no answer.
 *
 * Respondent by respondent, so that each one's answers are looked up while they
 * are at hand; equal answers of one respondent share one Response object
 * (Responses are read, never changed, and a roll-up would make millions of them).
 * NOTE: a Map key makes -0 (a log may say it) the same answer as 0, so it shares a
 * percent of 0 rather than -0; every figure adds percents up from 0, so none changes.
 */
export function responsesToRubric(rubric: Pick<Rubric, 'id' | 'indicators'>, scales: RubricScales, respondents: readonly PreparedRespondent[]): Response[][] {
  const { indicators } = rubric;
  const out: Response[][] = indicators.map(() => []);
  for (const r of respondents) {
    if (r.rubrics !== null && !r.rubrics.has(rubric.id)) continue;
    const role = r.role;
    const experience = role.voice === 'experience';
    const shared = new Map<AnswerValue | undefined, Response>();
    for (let i = 0; i < indicators.length; i++) {
      const indicator = indicators[i]!;
      if (!canJudge(indicator, role)) continue;
      const value = r.answers.get(indicator.id)?.value;
      let response = shared.get(value);
      if (response === undefined) {
        if (typeof value === 'number') {
          if ((experience ? scales.experienceValues : scales.staffValues).has(value)) {
            const percent = percentOf(experience ? scales.experience : scales.staff, value);
            response = { respondent: r.id, role: role.id, kind: 'rating', percent, points: pointsOf(scales.staff, percent) };
          } else response = { respondent: r.id, role: role.id, kind: 'unanswered' };
        } else response = { respondent: r.id, role: role.id, kind: value === undefined ? 'unanswered' : value };
        shared.set(value, response);
      }
      out[i]!.push(response);
    }
  }
  return out;
}

