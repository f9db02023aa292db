// The output formats of `tira validate`. Adding one: a file and an entry here.
import { renderFindingsGithub } from './github.js';
import { renderFindingsJson } from './json.js';
import { renderFindingsText } from './text.js';
import type { FindingsReporter } from './types.js';

export type FindingsFormat = 'text' | 'json' | 'github';

export const findingsReporters = {
  text: renderFindingsText,
  json: renderFindingsJson,
  github: renderFindingsGithub,
} satisfies Record<FindingsFormat, FindingsReporter>;
