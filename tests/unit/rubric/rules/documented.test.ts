// Every rule id a semantic rule can report is explained in the README's table,
// so that a user who sees one in the output can look it up.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crossFileRules, fileRules, rubricRules } from '../../../../src/rubric/rules/index.js';
import { repoRoot } from '../../../helpers/fixtures.js';

describe('rule ids', () => {
  it('are all in the README', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const ids = [...fileRules, ...rubricRules, ...crossFileRules].flatMap((rule) => rule.ids);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
  });
});
