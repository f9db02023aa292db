// `tira init <dir>`: creates an assessment workspace. In a terminal it asks for
// what the flags left out; without one it needs --agency and uses defaults.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Rubric } from '../../model/rubric.js';
import type { TiraAssessment } from '../../model/workspace.js';
import { BUNDLED_PREFIX, bundledRubricsDir, packageRoot } from '../../paths.js';
import { ASSESSMENT_FILE, loadBundledRoles } from '../../workspace/read-workspace.js';
import { shellWord } from '../../workspace/shell-word.js';
import { writeNewWorkspace } from '../../workspace/write-assessment.js';
import type { Prompter } from '../../walkthrough/prompter.js';
import { ExitCode, UsageError, type Io } from '../io.js';
import { loadRubricSet } from './rubrics.js';

export interface InitOptions {
  dir: string;
  agency?: string;
  cycle?: string;
  rubric?: string[];
  target?: string;
  rubricsDir?: string;
  /** The day, as YYYY-MM-DD; today when absent. */
  today: string;
}

/** Defaults live in the schema, the one place that describes assessment.yaml. */
function schemaDefaults(): { targetLevel: number; smallCellThreshold: number } {
  const schema = JSON.parse(readFileSync(join(packageRoot, 'schemas', 'assessment.schema.json'), 'utf8')) as {
    properties: { targetLevel: { default: number }; smallCellThreshold: { default: number } };
  };
  return { targetLevel: schema.properties.targetLevel.default, smallCellThreshold: schema.properties.smallCellThreshold.default };
}

export async function initCommand(options: InitOptions, io: Io, prompter?: Prompter): Promise<number> {
  const target = resolve(io.cwd, options.dir);
  const { rubrics } = await loadRubricSet(options.rubricsDir, io);
  if (!prompter && options.agency === undefined) {
    throw new UsageError('--agency is needed when tira init cannot ask (no terminal): tira init <dir> --agency "Agency name" [--cycle LABEL] [--rubric ID]...');
  }
  const defaults = schemaDefaults();

  const agency = options.agency ?? (await prompter!.input({ message: 'Agency name (as reports should show it)', validate: (v) => (v.trim() ? true : 'Type the agency name.') }));
  const cycle =
    options.cycle ?? (prompter ? await prompter.input({ message: 'Cycle label (a year, or baseline / follow-up)', default: options.today.slice(0, 4) }) : options.today.slice(0, 4));

  let chosen: Rubric[];
  if (options.rubric && options.rubric.length > 0) {
    chosen = options.rubric.map((id) => {
      const rubric = rubrics.find((r) => r.id === id);
      if (!rubric) throw new UsageError(`--rubric ${id}: no such rubric; known rubrics: ${rubrics.map((r) => r.id).join(', ')}`);
      return rubric;
    });
  } else if (prompter) {
    const ids = await prompter.checkbox({
      message: 'Which rubrics will the team rate? (space to choose, Enter to go on)',
      choices: rubrics.map((r) => ({ value: r.id, name: `${r.id}: ${r.title} (${r.indicators.length} indicator${r.indicators.length === 1 ? '' : 's'})`, checked: r.id === 'tic' || r.id === 'rosc' })),
      required: true,
    });
    chosen = ids.flatMap((id) => rubrics.filter((r) => r.id === id));
  } else {
    chosen = ['tic', 'rosc'].flatMap((id) => rubrics.filter((r) => r.id === id));
  }

  let targetLevel = defaults.targetLevel;
  if (options.target !== undefined) {
    targetLevel = Number(options.target);
    const levels = new Set(chosen.flatMap((r) => r.scale.levels.map((l) => l.value)));
    if (!Number.isInteger(targetLevel) || !levels.has(targetLevel)) {
      throw new UsageError(`--target ${options.target}: use a level of the rubrics' scale (${[...levels].sort().join(', ')})`);
    }
  }

  const settings: TiraAssessment = {
    kind: 'assessment',
    agency: agency.trim(),
    cycle: cycle.trim() || options.today.slice(0, 4),
    date: options.today,
    rubrics: chosen.map((r) => ({ id: r.id, version: r.version, file: pinnedFile(resolve(io.cwd, r.file), target) })),
    targetLevel,
    smallCellThreshold: defaults.smallCellThreshold,
    roles: (await loadBundledRoles()).map((r) => r.id),
  };
  if (existsSync(join(target, ASSESSMENT_FILE))) {
    throw new UsageError(`${join(options.dir, ASSESSMENT_FILE)} already exists; tira init never overwrites a workspace (choose another folder, or go on with \`tira assess ${shellWord(options.dir)}\`)`);
  }
  writeNewWorkspace(target, settings);
  // Quoted as a shell needs it, so that the commands can be copied as printed (a folder name with spaces).
  const dir = shellWord(options.dir);
  io.stdout(
    `Created the workspace ${options.dir} for ${settings.agency}, cycle ${settings.cycle}: ${chosen.map((r) => `${r.id} ${r.version}`).join(', ')}.\n` +
      `Next: each respondent runs \`tira assess ${dir}\` in a terminal, or answers a form from \`tira export-form ${dir} --role <role>\` that you bring in with \`tira import\`.\n`,
  );
  return ExitCode.ok;
}

/** A bundled rubric is pinned as tira:<file>; another as a path relative to the workspace. */
function pinnedFile(rubricFile: string, workspaceDir: string): string {
  const inBundle = relative(bundledRubricsDir, rubricFile);
  if (!inBundle.startsWith('..')) return `${BUNDLED_PREFIX}${inBundle.split('\\').join('/')}`;
  return relative(workspaceDir, rubricFile).split('\\').join('/');
}
