// The first-person wordings for people served and family members: they need a
// scale to be answered on, and they must be for a role the indicator lets judge it
// (otherwise the question is asked of someone whose answer would be thrown away).
import type { PathFinding } from '../../model/finding.js';
import { at } from '../../model/rubric.js';
import type { RubricRule } from './types.js';

export const experienceScaleMissing: RubricRule = {
  ids: ['experience-scale-missing'],
  check({ rubric, origins, unresolved }) {
    // A scale named but unreadable is reported as a catalog problem instead.
    if (rubric.experienceScale || unresolved.includes('experienceScale')) return [];
    const worded = rubric.indicators.flatMap((indicator, i) => (Object.keys(indicator.experience).length > 0 ? [i] : []));
    if (worded.length === 0) return [];
    const first = worded[0]!;
    return [
      {
        rule: 'experience-scale-missing',
        severity: 'error',
        ...at(origins.indicators[first]!, 'experience'),
        atKey: true,
        message: `${worded.length === 1 ? `indicator "${rubric.indicators[first]!.id}" has` : `${worded.length} indicators (the first is "${rubric.indicators[first]!.id}") have`} an experience wording, but the rubric has no experienceScale to answer it on; add one, such as experienceScale: tira:catalogs/scale-experience-0-4.yaml`,
      },
    ];
  },
};

export const experienceRoleCannotJudge: RubricRule = {
  ids: ['experience-role-cannot-judge'],
  check({ rubric, origins }) {
    const findings: PathFinding[] = [];
    rubric.indicators.forEach((indicator, i) => {
      if (!indicator.raters) return;
      for (const role of Object.keys(indicator.experience)) {
        if (!indicator.raters.includes(role)) {
          findings.push({
            rule: 'experience-role-cannot-judge',
            severity: 'error',
            ...at(origins.indicators[i]!, 'experience', role),
            atKey: true,
            message: `indicator "${indicator.id}" has an experience wording for "${role}", but its raters (${indicator.raters.join(', ')}) do not include that role; add "${role}" to raters or remove the wording`,
          });
        }
      }
    });
    return findings;
  },
};
