// Framework tags (a crosswalk to SAMHSA's 2014 guidance, for one) must name a
// framework the rubric lists, a facet and tags that framework defines, and as
// many tags per facet as the framework asks for.
import type { PathFinding } from '../../model/finding.js';
import { at } from '../../model/rubric.js';
import type { RubricRule } from './types.js';

export const frameworkTags: RubricRule = {
  ids: ['tag-unknown-framework', 'tag-unknown-facet', 'tag-unknown-value', 'tag-count'],
  check({ rubric, origins, unresolved }) {
    const findings: PathFinding[] = [];
    if (unresolved.includes('frameworks')) return findings;
    const frameworks = new Map(rubric.frameworks.map((f) => [f.id, f]));
    const facetsOf = new Map(rubric.frameworks.map((f) => [f.id, new Map(f.facets.map((facet) => [facet.id, facet]))]));
    const tagsOf = new Map(rubric.frameworks.flatMap((f) => f.facets.map((facet) => [`${f.id}/${facet.id}`, new Set(facet.tags.map((t) => t.id))] as const)));
    rubric.indicators.forEach((indicator, i) => {
      const origin = origins.indicators[i]!;
      const error = (path: (string | number)[], rule: string, message: string, atKey = false) =>
        findings.push({ rule, severity: 'error', ...at(origin, 'tags', ...path), ...(atKey ? { atKey } : {}), message });

      for (const [frameworkId, facets] of Object.entries(indicator.tags)) {
        const framework = frameworks.get(frameworkId);
        if (!framework) {
          error(
            [frameworkId],
            'tag-unknown-framework',
            `indicator "${indicator.id}" has tags for framework "${frameworkId}", which rubric "${rubric.id}" does not list under frameworks` +
              (frameworks.size ? `; known: ${[...frameworks.keys()].join(', ')}` : '; add its catalog to `frameworks`'),
            true,
          );
          continue;
        }
        const facetsById = facetsOf.get(frameworkId)!;
        for (const [facetId, tagIds] of Object.entries(facets)) {
          const facet = facetsById.get(facetId);
          if (!facet) {
            error([frameworkId, facetId], 'tag-unknown-facet', `framework "${frameworkId}" has no facet "${facetId}"; use one of: ${[...facetsById.keys()].join(', ')}`, true);
            continue;
          }
          const known = tagsOf.get(`${frameworkId}/${facetId}`)!;
          for (const tagId of tagIds) {
            if (!known.has(tagId)) {
              error([frameworkId, facetId], 'tag-unknown-value', `"${tagId}" is not a ${facet.name.toLowerCase()} of framework "${frameworkId}"; use one of: ${[...known].join(', ')}`);
            }
          }
        }
      }
      // Every framework the rubric lists sets how many tags of each facet an indicator carries.
      for (const framework of rubric.frameworks) {
        for (const facet of framework.facets) {
          const count = indicator.tags[framework.id]?.[facet.id]?.length ?? 0;
          const min = facet.min ?? 0;
          // Say how a tag is written and which values there are: the README's agency example needs them.
          const allowed = `; use ${facet.max === 1 ? 'one' : facet.max === undefined ? 'one or more' : `up to ${facet.max}`} of: ${facet.tags.map((t) => t.id).join(', ')}`;
          if (count < min) {
            const form = `tags: {${framework.id}: {${facet.id}: ${facet.max === 1 ? '<tag>' : '[<tag>, ...]'}}}`;
            error(
              indicator.tags[framework.id] ? [framework.id] : [],
              'tag-count',
              `indicator "${indicator.id}" needs at least ${min} ${framework.id} ${facet.id} tag${min === 1 ? '' : 's'} (has ${count}), because the rubric lists framework "${framework.id}"; write ${form}${allowed}`,
            );
          } else if (facet.max !== undefined && count > facet.max) {
            error([framework.id, facet.id], 'tag-count', `indicator "${indicator.id}" may carry at most ${facet.max} ${framework.id} ${facet.id} tag${facet.max === 1 ? '' : 's'} (has ${count})${allowed}`);
          }
        }
      }
    });
    return findings;
  },
};
