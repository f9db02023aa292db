// Text a team reads must say something: an empty or blank title, description,
// indicator, evidence item or action is an error.
import type { FileRule } from './types.js';
import { collectUserText } from './user-text.js';
import { describePath } from '../schema-check.js';

export const textEmpty: FileRule = {
  ids: ['text-empty'],
  check(file, _kind, data) {
    return collectUserText(data)
      .filter(({ text }) => text.trim() === '')
      .map(({ path }) => ({
        rule: 'text-empty',
        severity: 'error',
        file,
        path,
        message: `${describePath(path, data)} is empty; write the text or remove the entry`,
      }));
  },
};
