// Writes a new workspace: assessment.yaml with a comment on every key, and an
// empty responses/ folder readable by its owner only. Refuses to touch a folder
// that already holds a workspace.
import { constants, closeSync, existsSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { makeFolders } from '../make-folders.js';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { TiraAssessment } from '../model/workspace.js';
import { ASSESSMENT_FILE } from './read-workspace.js';
import { RESPONSES_DIR, StoreError } from './store.js';

/** assessment.yaml's text: the settings, each with a line saying what it is for. */
export function renderAssessmentYaml(settings: TiraAssessment): string {
  const value = (v: unknown) => stringify(v, { lineWidth: 0 }).trimEnd();
  const rubrics = settings.rubrics.map((r) => `  - id: ${r.id}\n    version: ${value(r.version)}\n    file: ${value(r.file)}`).join('\n');
  const roles = settings.roles.map((r) => (typeof r === 'string' ? `  - ${r}` : `  - ${value(r).replace(/\n/g, '\n    ')}`)).join('\n');
  return `# One assessment cycle of one agency, written by \`tira init\`. Answers are kept
# beside it in responses/, one log per respondent. Check this file with
# \`tira validate ${ASSESSMENT_FILE}\`.
kind: assessment
agency: ${value(settings.agency)}
# A label for this cycle, such as a year; reports and \`tira compare\` show it.
cycle: ${value(settings.cycle)}
date: ${value(settings.date)}
${settings.facilitator ? `facilitator: ${value(settings.facilitator)}\n` : ''}# The rubrics in use, pinned to the version they had at init, so that a later
# change to a rubric cannot change a running assessment without anyone noticing.
rubrics:
${rubrics}
# The scale level the agency aims for; gaps are measured against it.
targetLevel: ${settings.targetLevel}
# A role with fewer respondents than this shows no figures in any report.
smallCellThreshold: ${settings.smallCellThreshold}
# The roles respondents can take (rubrics/catalogs/roles.yaml describes them).
# Add a role of your own as a mapping: id, name, description, voice (staff or experience).
roles:
${roles}
`;
}

/** Creates the workspace folder, or refuses when it already holds one. */
export function writeNewWorkspace(dir: string, settings: TiraAssessment): void {
  const file = join(dir, ASSESSMENT_FILE);
  if (existsSync(file)) throw new StoreError(`${file} already exists; tira init never overwrites a workspace (choose another folder, or go on with \`tira assess ${dir}\`)`);
  makeFolders(join(dir, RESPONSES_DIR), 0o700);
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    writeSync(fd, renderAssessmentYaml(settings));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
