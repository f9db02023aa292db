import { describe, expect, it } from 'vitest';
import { stageThresholds } from '../../../../src/rubric/rules/stage-thresholds.js';

const check = (mins: number[]) =>
  stageThresholds.check('r.yaml', 'rubric', { stages: mins.map((minPercent, i) => ({ id: `s${i}`, minPercent })) }, {}).map((f) => f.path[1]);

describe('stage-thresholds', () => {
  it('accepts thresholds that start at 0 and go up within 0-100', () => {
    expect(check([0, 25, 50, 75])).toEqual([]);
    expect(check([0, 100])).toEqual([]);
  });
  it('flags a first stage that does not start at 0', () => expect(check([10, 50])).toEqual([0]));
  it('flags a threshold that does not go up', () => expect(check([0, 50, 50, 40])).toEqual([2, 3]));
  it('flags a threshold outside 0-100', () => expect(check([0, 50, 101])).toEqual([2]));
  it('ignores other kinds of file', () => expect(stageThresholds.check('c.yaml', 'scale', { stages: [{ minPercent: 5 }] }, {})).toEqual([]));
});
