// Every indicator must name a principle and a domain that its rubric defines, and
// every principle must have at least one indicator (or it could never be scored).
import type { PathFinding } from '../../model/finding.js';
import { at } from '../../model/rubric.js';
import type { RubricRule } from './types.js';

export const indicatorReferences: RubricRule = {
  ids: ['indicator-unknown-principle', 'indicator-unknown-domain', 'principle-without-indicators'],
  check({ rubric, origins }) {
    const findings: PathFinding[] = [];
    const principles = new Set(rubric.principles.map((p) => p.id));
    const domains = new Set(rubric.domains.map((d) => d.id));
    const used = new Set<string>();
    rubric.indicators.forEach((indicator, i) => {
      used.add(indicator.principle);
      const origin = origins.indicators[i]!;
      if (!principles.has(indicator.principle)) {
        findings.push({
          rule: 'indicator-unknown-principle',
          severity: 'error',
          ...at(origin, 'principle'),
          message: `indicator "${indicator.id}" names principle "${indicator.principle}", which rubric "${rubric.id}" does not define; use one of: ${[...principles].join(', ')}`,
        });
      }
      if (!domains.has(indicator.domain)) {
        findings.push({
          rule: 'indicator-unknown-domain',
          severity: 'error',
          ...at(origin, 'domain'),
          message: `indicator "${indicator.id}" names domain "${indicator.domain}", which rubric "${rubric.id}" does not define; use one of: ${[...domains].join(', ')}`,
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
