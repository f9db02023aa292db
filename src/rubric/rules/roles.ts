// Role ids in `raters` and `experience` must name roles of the role catalog, and
// experience wordings must be for roles that rate from experience: a typo would
// silently keep a role from ever being asked.
import type { PathFinding } from '../../model/finding.js';
import { at } from '../../model/rubric.js';
import type { RubricRule } from './types.js';

export const roleReferences: RubricRule = {
  ids: ['experience-unknown-role', 'rater-unknown-role'],
  check({ rubric, origins }, { roles }) {
    if (!roles) return [];
    const voice = new Map(roles.roles.map((r) => [r.id, r.voice]));
    const experienceRoles = roles.roles.filter((r) => r.voice === 'experience').map((r) => r.id);
    const findings: PathFinding[] = [];
    rubric.indicators.forEach((indicator, i) => {
      const origin = origins.indicators[i]!;
      (indicator.raters ?? []).forEach((role, r) => {
        if (!voice.has(role)) {
          findings.push({
            rule: 'rater-unknown-role',
            severity: 'error',
            ...at(origin, 'raters', r),
            message: `indicator "${indicator.id}" names rater "${role}", which is not a role in ${roles.id}; use one of: ${[...voice.keys()].join(', ')}`,
          });
        }
      });
      for (const role of Object.keys(indicator.experience)) {
        const v = voice.get(role);
        if (v === 'experience') continue;
        findings.push({
          rule: 'experience-unknown-role',
          severity: 'error',
          ...at(origin, 'experience', role),
          atKey: true,
          message:
            v === undefined
              ? `indicator "${indicator.id}" has an experience wording for "${role}", which is not a role in ${roles.id}; use one of: ${experienceRoles.join(', ')}`
              : `indicator "${indicator.id}" has an experience wording for "${role}", a role that rates as staff; experience wordings are for roles that rate from their own experience: ${experienceRoles.join(', ')}`,
        });
      }
    });
    return findings;
  },
};
