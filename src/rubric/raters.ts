// Which roles can judge an indicator, and in whose words. Pure. Staff roles rate
// the practice as written on the rubric's scale; experience roles (people served,
// family members) rate the indicator's first-person wording for them on the
// rubric's experience scale, and only where such a wording exists.
import type { Indicator, Rubric, Scale } from '../model/rubric.js';
import type { Role } from '../model/schema-types.generated.js';

export function canJudge(indicator: Indicator, role: Role): boolean {
  if (role.voice === 'experience' && indicator.experience[role.id] === undefined) return false;
  if (indicator.raters) return indicator.raters.includes(role.id);
  return role.voice === 'staff' || indicator.experience[role.id] !== undefined;
}

export interface Question {
  /** What the respondent reads: the practice, or their first-person statement. */
  text: string;
  scale: Scale;
  /** Per-level wording for this indicator; staff wording only (experience scales speak for themselves). */
  anchors: Record<string, string>;
  voice: Role['voice'];
}

/** The question a role answers for an indicator, or undefined when the role cannot judge it. */
export function questionFor(rubric: Rubric, indicator: Indicator, role: Role): Question | undefined {
  if (!canJudge(indicator, role)) return undefined;
  const experience = role.voice === 'experience' ? indicator.experience[role.id] : undefined;
  if (experience !== undefined && rubric.experienceScale) {
    return { text: experience, scale: rubric.experienceScale, anchors: {}, voice: 'experience' };
  }
  if (role.voice === 'experience') return undefined;
  return { text: indicator.text, scale: rubric.scale, anchors: indicator.anchors, voice: 'staff' };
}

/** The scale a role's numeric answers to a rubric are on. */
export function scaleFor(rubric: Rubric, role: Role): Scale {
  return role.voice === 'experience' && rubric.experienceScale ? rubric.experienceScale : rubric.scale;
}

/** A rating as a percent of its own scale: (rating - min) / (max - min) * 100. */
export function percentOf(value: number, scale: Scale): number {
  const values = scale.levels.map((l) => l.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return max === min ? 0 : ((value - min) / (max - min)) * 100;
}
