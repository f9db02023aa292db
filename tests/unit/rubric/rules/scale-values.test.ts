import { describe, expect, it } from 'vitest';
import { scaleValues } from '../../../../src/rubric/rules/scale-values.js';

const levels = (values: number[]) => values.map((value) => ({ value, label: 'l', description: 'd' }));

describe('scale-values', () => {
  it('accepts ascending whole numbers, also with gaps', () => {
    expect(scaleValues.check('s.yaml', 'scale', { levels: levels([0, 1, 2, 4]) }, {})).toEqual([]);
  });
  it('flags a value that does not go up, in a scale catalog and in an inline scale', () => {
    expect(scaleValues.check('s.yaml', 'scale', { levels: levels([0, 2, 1]) }, {}).map((f) => f.path)).toEqual([['levels', 2, 'value']]);
    expect(scaleValues.check('r.yaml', 'rubric', { scale: { levels: levels([1, 1]) } }, {}).map((f) => f.path)).toEqual([['scale', 'levels', 1, 'value']]);
  });
  it('leaves a rubric that names a scale catalog to that catalog', () => {
    expect(scaleValues.check('r.yaml', 'rubric', { scale: 'catalogs/scale.yaml' }, {})).toEqual([]);
  });
});
