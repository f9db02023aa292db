// `tira assess <dir>`: one respondent answers the rubrics in a terminal, one
// indicator per screen. Load the workspace, say what the audit is and how answers
// are kept, take the respondent's lock, then walk through the indicators, saving
// each answer to disk before the next screen.
import type { Role, Workspace } from '../../model/workspace.js';
import { buildQueue, estimateMinutes, resumeIndex, tallyAnswers } from '../../walkthrough/flow.js';
import { introLines, openingScreen, type OpeningFacts } from '../../walkthrough/opening.js';
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

  // The opening screen speaks to the role (people served get a short one in plain
  // words), so the role is settled first: from --role, from the respondent's log,
  // or asked. With --respondent, a refusal (another process answers as them)
  // comes before the opening screen.
  const flagRole = options.role !== undefined ? roleOf(workspace, options.role) : undefined;
  let respondentId: string;
  let role: Role;
  let lock: { release(): void };
  if (options.respondent !== undefined) {
    respondentId = options.respondent;
    if (!isValidRespondentId(respondentId)) throw new UsageError(`--respondent ${respondentId}: use ${respondentIdRule}`);
    const existing = workspace.respondents.find((r) => r.id === respondentId);
    if (existing && flagRole && flagRole.id !== existing.role) {
      throw new UsageError(`respondent ${respondentId} already answers as ${existing.role}; leave out --role, or use another respondent id for ${flagRole.id}`);
    }
    lock = asUsageError(() => acquireLock(workspace.path, respondentId));
    try {
      role = existing ? roleOf(workspace, existing.role) : (flagRole ?? (await chooseRole(workspace, prompter)));
      prompter.say(openingScreen(openingFacts(workspace, role, options.plain)));
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    role = flagRole ?? (await chooseRole(workspace, prompter));
    prompter.say(openingScreen(openingFacts(workspace, role, options.plain)));
    respondentId = await askRespondentId(prompter, role.voice);
    const existing = workspace.respondents.find((r) => r.id === respondentId);
    if (existing && existing.role !== role.id) {
      throw new UsageError(
        flagRole
          ? `respondent ${respondentId} already answers as ${existing.role}; leave out --role, or use another respondent id for ${flagRole.id}`
          : `respondent ${respondentId} already answers as ${roleOf(workspace, existing.role).name}, not ${role.name}; run tira assess again and choose that role, or use another respondent code`,
      );
    }
    lock = asUsageError(() => acquireLock(workspace.path, respondentId));
  }
  const existing = workspace.respondents.find((r) => r.id === respondentId);

  try {
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
    const given = items.length - before.notYet - before.skipped;
    const lines = introLines({
      respondentId,
      roleName: role.name,
      voice: role.voice,
      questions: items.length,
      minutes: estimateMinutes(items.length),
      leftOut,
      filtered,
      ...(existing && given + before.skipped > 0 && startAt < items.length ? { resume: { given, skipped: before.skipped, at: startAt + 1 } } : {}),
      complete: startAt >= items.length,
    });
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

function openingFacts(workspace: Workspace, role: Role, plain: boolean): OpeningFacts {
  const { agency, cycle, smallCellThreshold } = workspace.assessment;
  return { agency, cycle, smallCellThreshold, voice: role.voice, plain };
}

async function askRespondentId(prompter: Prompter, voice: Role['voice']): Promise<string> {
  return prompter.input({
    message:
      voice === 'experience'
        ? 'Your code, such as p01, from the person who asked you to take part (not your name or initials)'
        : 'Your respondent code, such as r01 from the facilitator (not your name or initials: the code is stored with your answers)',
    validate: (value) => (isValidRespondentId(value) ? true : `Use ${respondentIdRule}.`),
  });
}

async function chooseRole(workspace: Workspace, prompter: Prompter): Promise<Role> {
  const id = await prompter.select({
    // Asked before the opening screen, which is written for the role: so it names the agency itself.
    message: `${workspace.assessment.agency} · ${workspace.assessment.cycle}: which role do you answer in? (reports group answers by role, never by person)`,
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
