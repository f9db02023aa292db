// The TypeScript types of rubric files are generated from the JSON Schemas; this
// fails when a schema changed and `npm run generate:types` was not run.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateSchemaTypes, generatedTypesPath } from '../../../scripts/generate-types.mjs';

describe('schema-types.generated.ts', () => {
  it('matches what the schemas generate', async () => {
    expect(readFileSync(generatedTypesPath, 'utf8')).toBe(await generateSchemaTypes());
  });
});
