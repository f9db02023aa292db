// `tira assess <dir>`: one respondent answers the rubrics in a terminal, one
// indicator per screen. Load the workspace, say what the audit is and how answers
// are kept, take the respondent's lock, then walk through the indicators, saving
// each answer to disk before the next screen.
import type { Role, Workspace } from '../../model/workspace.js';
import { buildQueue, estimateMinutes, resumeIndex, tallyAnswers } from '../../walkthrough/flow.js';
import type { Prompter } from '../../walkthrough/prompter.js';
import { runWalkthrough } from '../../walkthrough/run-walkthrough.js';
import { isValidRespondentId, respondentIdRule } from '../../workspace/answer-log.js';
import { readWorkspace } from '../../workspace/read-workspace.js';
import { acquireLock, appendEvents, createLog, StoreError } from '../../workspace/store.js';
import { ExitCode, UsageError, type Io } from '../io.js';

export interface AssessOptions {
  dir: string;
  respondent?: string;
  role?: string;
  rubric?: string;
  principle?: string;
  domain?: string;
  plain: boolean;
}

export interface AssessDeps {
  prompter: Prompter;
  now(): string;
}

export async function assessCommand(options: AssessOptions, io: Io, deps: AssessDeps): Promise<number> {
  const read = await readWorkspace(options.dir, { cwd: io.cwd });
  if (!read.ok) {
    for (const error of read.errors) io.stderr(`tira: ${error}\n`);
    return ExitCode.usage;
  }
  const { workspace } = read;
  for (const warning of read.workspace.warnings) io.stderr(`tira: warning: ${warning}\n`);
  checkFilters(options, workspace);
  const { prompter } = deps;

  // With --respondent, a refusal (another process answers as them) comes before the long opening screen.
  const fromFlag = options.respondent !== undefined;
  if (!fromFlag) prompter.say(openingScreen(workspace));
  const respondentId = options.respondent ?? (await askRespondentId(prompter));
  if (!isValidRespondentId(respondentId)) throw new UsageError(`--respondent ${respondentId}: use ${respondentIdRule}`);
  const existing = workspace.respondents.find((r) => r.id === respondentId);
  if (existing && options.role && options.role !== existing.role) {
    throw new UsageError(`respondent ${respondentId} already answers as ${existing.role}; leave out --role, or use another respondent id for ${options.role}`);
  }

  const lock = asUsageError(() => acquireLock(workspace.path, respondentId));
  try {
    if (fromFlag) prompter.say(openingScreen(workspace));
    const role = existing ? roleOf(workspace, existing.role) : await chooseRole(options.role, workspace, prompter);
    if (!existing) {
      const header = {
        type: 'respondent' as const,
        format: 1 as const,
        id: respondentId,
        role: role.id,
        rubrics: Object.fromEntries(workspace.assessment.rubrics.map((r) => [r.id, r.version])),
        created: deps.now(),
      };
      asUsageError(() => createLog(workspace.path, header));
    }

    const { items, leftOut } = buildQueue(workspace.rubrics, role, options);
    if (items.length === 0) {
      io.stdout(`There is nothing for ${role.name.toLowerCase()} to answer with these choices${leftOut > 0 ? ` (${leftOut} indicators are for other roles)` : ''}.\n`);
      return ExitCode.ok;
    }
    const answers = new Map(existing?.answers ?? []);
    const startAt = resumeIndex(items, answers);
    const before = tallyAnswers(items, answers);
    const filtered = options.rubric !== undefined || options.principle !== undefined || options.domain !== undefined;
    const lines = [
      `${respondentId} answers as ${role.name}: ${items.length} questions${filtered ? ' in this selection' : ''}, about ${estimateMinutes(items.length)} minutes` +
        `${leftOut > 0 ? ` (${leftOut} others are for other roles and are left out)` : ''}.`,
    ];
    if (role.voice === 'experience') {
      lines.push(
        'Each question is a sentence about your own experience with this agency in the past year.',
        'Choose how often it was true for you, from never to always. If something never came up',
        'for you, choose "This does not apply to me", or skip it.',
      );
    }
    const given = items.length - before.notYet - before.skipped;
    if (existing && given + before.skipped > 0 && startAt < items.length) {
      lines.push(`Welcome back: ${given} answered${before.skipped > 0 ? `, ${before.skipped} skipped` : ''}, of ${items.length}; going on at question ${startAt + 1}.`);
    }
    if (startAt >= items.length) lines.push('Every question has an answer. You can go through them again: each earlier answer is marked, and choosing it again keeps it.');
    prompter.say(`${lines.join('\n')}\n`);

    let result;
    try {
      result = await runWalkthrough({
        items,
        answers,
        prompter,
        save: (events) => appendEvents(workspace.path, respondentId, events),
        now: deps.now,
        startAt: startAt >= items.length ? 0 : startAt,
      });
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ExitPromptError')) throw error;
      leaveNoAnswersOnScreen(io, options.plain);
      io.stderr(`Stopped. Every answer given so far is saved; to go on: tira assess ${options.dir} --respondent ${respondentId}\n`);
      return ExitCode.interrupted;
    }
    const { tally } = result;
    leaveNoAnswersOnScreen(io, options.plain);
    io.stdout(
      `${result.exited ? 'Saved.' : 'Done.'} ${respondentId}${filtered ? ', in this selection' : ''}: answered ${tally.answered}, skipped ${tally.skipped}, not applicable ${tally.na}, don't know ${tally.unknown}, not yet answered ${tally.notYet}.\n` +
        (result.exited || tally.notYet + tally.skipped > 0 ? `To go on later: tira assess ${options.dir} --respondent ${respondentId}\n` : '') +
        `To see everyone's progress: tira status ${options.dir}\n`,
    );
    return ExitCode.ok;
  } finally {
    lock.release();
  }
}

/**
 * The next person at a shared laptop should not scroll up to someone's answers
 * and notes: a terminal is cleared, scrollback included; in --plain mode (a
 * screen reader's buffer, a pipe) tira only says to close the window.
 */
function leaveNoAnswersOnScreen(io: Io, plain: boolean): void {
  if (plain || io.interactive !== true) io.stdout('\nClose this window (or clear the screen) before someone else answers.\n');
  else io.stdout('\x1b[2J\x1b[3J\x1b[H');
}

/** Store problems a person can act on (a lock held elsewhere) are input errors: one line, exit 2. */
function asUsageError<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof StoreError) throw new UsageError(error.message);
    throw error;
  }
}

function openingScreen(workspace: Workspace): string {
  const { assessment } = workspace;
  return `
${assessment.agency} · ${assessment.cycle}: trauma-informed, recovery-oriented self-assessment

What this is for: to see where the agency's everyday practice supports safety,
trust, choice, collaboration, empowerment and recovery, and where it falls short,
so that the agency can choose what to change first.

It rates what the agency does (its policies, practices, spaces, staffing and
funding), never any person, and never you. There are no right answers. Rate what
happens today, not what is planned.

You can skip any question, go back, stop at any time and come back later:
every answer is saved the moment you give it.

Your answers are kept in this workspace under a code, not your name. Reports show
answers by role (leadership, people served, ...), never by person, and a role with
fewer than ${assessment.smallCellThreshold} people shows no figures at all.

Some questions mention restraint, seclusion, violence and suicide. Skip any that
you do not want to answer.

Keys: arrows or a number to choose, Enter to confirm, Ctrl-C to stop (answers so far are kept).
`;
}

async function askRespondentId(prompter: Prompter): Promise<string> {
  return prompter.input({
    message: 'Your respondent code, such as r01 from the facilitator (not your name or initials: the code is stored with your answers)',
    validate: (value) => (isValidRespondentId(value) ? true : `Use ${respondentIdRule}.`),
  });
}

async function chooseRole(flag: string | undefined, workspace: Workspace, prompter: Prompter): Promise<Role> {
  if (flag) return roleOf(workspace, flag);
  const id = await prompter.select({
    message: 'Which role do you answer in? (reports group answers by role)',
    choices: workspace.assessment.roles.map((r) => ({ value: r.id, name: r.name, description: r.description })),
  });
  return roleOf(workspace, id);
}

function roleOf(workspace: Workspace, id: string): Role {
  const role = workspace.assessment.roles.find((r) => r.id === id);
  if (!role) throw new UsageError(`role "${id}" is not used in this assessment; use one of: ${workspace.assessment.roles.map((r) => r.id).join(', ')}`);
  return role;
}

function checkFilters(options: AssessOptions, workspace: Workspace): void {
  const { rubrics } = workspace;
  if (options.rubric && !rubrics.some((r) => r.id === options.rubric)) {
    throw new UsageError(`--rubric ${options.rubric}: this assessment uses ${rubrics.map((r) => r.id).join(', ')}`);
  }
  const inScope = rubrics.filter((r) => !options.rubric || r.id === options.rubric);
  if (options.principle && !inScope.some((r) => r.principles.some((p) => p.id === options.principle))) {
    throw new UsageError(`--principle ${options.principle}: no such principle; use one of: ${[...new Set(inScope.flatMap((r) => r.principles.map((p) => p.id)))].join(', ')}`);
  }
  if (options.domain && !inScope.some((r) => r.domains.some((d) => d.id === options.domain))) {
    throw new UsageError(`--domain ${options.domain}: no such domain; use one of: ${[...new Set(inScope.flatMap((r) => r.domains.map((d) => d.id)))].join(', ')}`);
  }
}
