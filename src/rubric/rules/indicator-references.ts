// Every indicator must name a principle and a domain that its rubric defines, and
// every principle must have at least one indicator (or it could never be scored).
import type { PathFinding } from '../../model/finding.js';
import { at } from '../../model/rubric.js';
import type { RubricRule } from './types.js';

export const indicatorReferences: RubricRule = {
  ids: ['indicator-unknown-principle', 'indicator-unknown-domain', 'principle-without-indicators'],
  check({ rubric, origins, unresolved }) {
    const findings: PathFinding[] = [];
    const known = {
      principle: new Set(rubric.principles.map((p) => p.id)),
      domain: new Set(rubric.domains.map((d) => d.id)),
    };
    const used = new Set<string>();
    rubric.indicators.forEach((indicator, i) => {
      used.add(indicator.principle);
      for (const field of ['principle', 'domain'] as const) {
        if (known[field].has(indicator[field]) || (field === 'domain' && unresolved.includes('domains'))) continue;
        findings.push({
          rule: `indicator-unknown-${field}`,
          severity: 'error',
          ...at(origins.indicators[i]!, field),
          message: `indicator "${indicator.id}" names ${field} "${indicator[field]}", which rubric "${rubric.id}" does not define; use one of: ${[...known[field]].join(', ')}`,
        });
      }
    });
    rubric.principles.forEach((principle, i) => {
      if (!used.has(principle.id)) {
        findings.push({
          rule: 'principle-without-indicators',
          severity: 'error',
          ...at(origins.principles[i]!, 'id'),
          message: `principle "${principle.id}" has no indicators, so it can never be scored; add an indicator or remove the principle`,
        });
      }
    });
    return findings;
  },
};
