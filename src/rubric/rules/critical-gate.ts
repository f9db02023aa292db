// The critical gate holds an agency below a stage while a critical practice is
// rated low. It must name one of the rubric's stages and a level its scale has,
// or scoring could never apply it.
import type { PathFinding } from '../../model/finding.js';
import { at } from '../../model/rubric.js';
import type { RubricRule } from './types.js';

export const criticalGate: RubricRule = {
  ids: ['critical-gate'],
  check({ rubric, origins, unresolved }) {
    const gate = rubric.criticalGate;
    if (!gate) return [];
    const findings: PathFinding[] = [];
    const stages = rubric.stages.map((s) => s.id);
    if (!stages.includes(gate.stage)) {
      findings.push({
        rule: 'critical-gate',
        severity: 'error',
        ...at(origins.rubric, 'criticalGate', 'stage'),
        message: `criticalGate names stage "${gate.stage}", which this rubric does not have; use one of: ${stages.join(', ')}`,
      });
    } else if (stages.indexOf(gate.stage) === 0) {
      findings.push({
        rule: 'critical-gate',
        severity: 'error',
        ...at(origins.rubric, 'criticalGate', 'stage'),
        message: `criticalGate names the first stage, "${gate.stage}", which every score reaches, so the gate could not hold anything back; name a higher stage`,
      });
    }
    if (!unresolved.includes('scale')) {
      const values = rubric.scale.levels.map((l) => l.value);
      if (!values.includes(gate.minLevel)) {
        findings.push({
          rule: 'critical-gate',
          severity: 'error',
          ...at(origins.rubric, 'criticalGate', 'minLevel'),
          message: `criticalGate has minLevel ${gate.minLevel}, which is not a value of the rubric's scale; use one of: ${values.join(', ')}`,
        });
      }
    }
    return findings;
  },
};
