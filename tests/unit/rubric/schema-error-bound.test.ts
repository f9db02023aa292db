// Ajv collects every error of a file (allErrors); scripts/build.js bounds how many
// it keeps, so that a long list of faulty entries costs time in proportion to its
// length, not its square (issue 11: 67 s for a 512 KB file before).
import { describe, expect, it } from 'vitest';
import jsYaml from 'js-yaml';
import { faultyRubrics } from '../../../scripts/faulty-rubrics.js';
import * as validators from '../../../src/rubric/schema-validators.generated.js';
import { checkSchema } from '../../../src/rubric/schema-check.js';
import type { FileKind } from '../../../src/model/finding.js';

const byKind = { rubric: validators.rubric, 'domain-catalog': validators.domainCatalog, framework: validators.framework } as const;

describe('schema errors on a large faulty file', () => {
  for (const { name, text } of faultyRubrics()) {
    it(`${name}: keeps at most ${validators.maxSchemaErrors} errors, in well under a second`, () => {
      const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) as { kind?: keyof typeof byKind };
      const kind = data.kind ?? 'rubric';
      const validate = byKind[kind];
      const start = performance.now();
      expect(validate(data)).toBe(false);
      const findings = checkSchema(kind as FileKind, data, name);
      const elapsed = performance.now() - start;
      expect(validate.errors!.length).toBeGreaterThan(500);
      expect(validate.errors!.length).toBeLessThanOrEqual(validators.maxSchemaErrors);
      // One more than the cap, so that the report can say there were more.
      expect(findings).toHaveLength(501);
      // Before the bound: about a minute. A generous limit, for slow CI machines.
      expect(elapsed).toBeLessThan(3000);
    });
  }

  it('still reports every error of a small file', () => {
    const data = { id: 'x', version: '1.0.0', title: 't', description: 'd', sources: [{}], scale: 'a.yaml', principles: [{}], domains: 'b.yaml', stages: [{}], indicators: [{}] };
    expect(validators.rubric(data)).toBe(false);
    const rules = checkSchema('rubric', data, 'x.yaml').map((f) => `${f.rule} ${f.path.join('.')}`);
    expect(rules).toContain('schema-required sources.0');
    expect(rules).toContain('schema-required indicators.0');
    expect(rules).toHaveLength(2 + 3 + 4 + 6);
  });
});
