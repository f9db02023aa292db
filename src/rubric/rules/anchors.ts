// Per-level anchors are keyed by scale values; a key the scale lacks is a typo
// or a leftover from another scale, and its wording would never be shown.
import type { PathFinding } from '../../model/finding.js';
import { at } from '../../model/rubric.js';
import type { RubricRule } from './types.js';

export const anchorLevels: RubricRule = {
  ids: ['anchor-unknown-level'],
  check({ rubric, origins, unresolved }) {
    const findings: PathFinding[] = [];
    if (unresolved.includes('scale')) return findings;
    const values = new Set(rubric.scale.levels.map((l) => String(l.value)));
    rubric.indicators.forEach((indicator, i) => {
      for (const key of Object.keys(indicator.anchors)) {
        if (!values.has(key)) {
          findings.push({
            rule: 'anchor-unknown-level',
            severity: 'error',
            ...at(origins.indicators[i]!, 'anchors', key),
            atKey: true,
            message: `indicator "${indicator.id}" has an anchor for level ${key}, which the scale does not have; use one of: ${[...values].join(', ')}`,
          });
        }
      }
    });
    return findings;
  },
};
