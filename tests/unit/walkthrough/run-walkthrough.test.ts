import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../src/model/rubric.js';
import type { AnswerEvent, LatestAnswer, Role } from '../../../src/model/workspace.js';
import { buildQueue, resumeIndex, tallyAnswers } from '../../../src/walkthrough/flow.js';
import { runWalkthrough } from '../../../src/walkthrough/run-walkthrough.js';
import { scriptedPrompter, type Step } from '../../helpers/scripted-prompter.js';

const levels = [0, 1, 2, 3, 4].map((value) => ({ value, label: `L${value}`, description: `level ${value}` }));
const indicator = (id: string, extra: Partial<Rubric['indicators'][number]> = {}) => ({
  id,
  principle: 'safety',
  domain: 'crisis',
  text: `practice ${id}`,
  weight: 1,
  critical: false,
  evidence: [`records for ${id}`],
  actions: ['act'],
  anchors: {},
  tags: {},
  experience: {},
  ...extra,
});
const rubric: Rubric = {
  id: 'r',
  version: '1.0.0',
  title: 'R',
  description: 'd',
  file: 'r.yaml',
  sources: [],
  scale: { levels },
  experienceScale: { levels: levels.map((l) => ({ ...l, label: `E${l.value}` })) },
  principles: [{ id: 'safety', name: 'Safety', description: 'd' }],
  domains: [{ id: 'crisis', name: 'Crisis intervention', description: 'd' }],
  frameworks: [],
  stages: [{ id: 's', name: 'S', description: 'd', minPercent: 0 }],
  indicators: [
    indicator('a', { anchors: { '0': 'none at all', '4': 'checked every quarter' } }),
    indicator('b', { experience: { 'person-served': 'Staff told me what would happen next.' } }),
    indicator('c', { notApplicableWhen: 'the agency runs no crisis service' }),
  ],
};
const leadership: Role = { id: 'leadership', name: 'Leadership', description: 'd', voice: 'staff' };
const personServed: Role = { id: 'person-served', name: 'People served', description: 'd', voice: 'experience' };

async function walk(steps: Step[], answers = new Map<string, LatestAnswer>(), role = leadership) {
  const { items } = buildQueue([rubric], role);
  const saved: AnswerEvent[] = [];
  const prompter = scriptedPrompter(steps);
  let tick = 0;
  const run = runWalkthrough({
    items,
    answers,
    prompter,
    save: (events) => void saved.push(...events),
    now: () => `2026-01-01T00:00:0${tick++}.000Z`,
    startAt: resumeIndex(items, answers),
  });
  return { run, saved, prompter, answers, items };
}

const values = (events: AnswerEvent[]) => events.map((e) => [e.indicator, e.value, e.note ?? null]);

describe('the walkthrough', () => {
  it('saves a rating before asking for the note, then the note, and goes on to the next indicator', async () => {
    const { run, saved } = await walk([{ select: 'rate:3' }, { input: 'seen in records' }, { select: 'na' }, { select: 'unknown' }]);
    await expect(run).resolves.toMatchObject({ exited: false, tally: { answered: 1, na: 1, unknown: 1 } });
    expect(values(saved)).toEqual([
      ['a', 3, null],
      ['a', 3, 'seen in records'],
      ['b', 'na', null],
      ['c', 'unknown', null],
    ]);
  });

  it('shows the indicator, its header and its own anchor wording on the screen', async () => {
    const { run, prompter } = await walk([{ select: 'exit' }]);
    await run;
    expect(prompter.shown[0]).toContain('r · Safety · Crisis intervention · 1 of 3');
    expect(prompter.shown[0]).toContain('practice a');
  });

  it('shows a "not applicable when" text under the question', async () => {
    const { run, prompter } = await walk([{ select: 'skip' }, { select: 'skip' }, { select: 'exit' }]);
    await run;
    expect(prompter.shown[2]).toContain('Not applicable when: the agency runs no crisis service');
  });

  it('goes back to the previous indicator with the earlier answer as the default, and changes it', async () => {
    const { run, saved, prompter } = await walk([{ select: 'rate:1' }, { input: '' }, { select: 'back' }, { select: 'rate:4' }, { input: '' }, { select: 'exit' }]);
    await run;
    // With no earlier answer the cursor starts on Skip, so a stray Enter records no rating.
    expect(prompter.defaults).toEqual(['skip', 'skip', 'rate:1', 'skip']);
    expect(values(saved)).toEqual([
      ['a', 1, null],
      ['a', 4, null],
    ]);
  });

  it('shows evidence examples and stays on the same indicator', async () => {
    const { run, prompter, saved } = await walk([{ select: 'evidence' }, { select: 'exit' }]);
    await run;
    expect(prompter.shown.join('\n')).toContain('records for a');
    expect(prompter.shown[2]).toContain('1 of 3');
    expect(saved).toEqual([]);
  });

  it('records a skip, offers the skipped ones at the end, and answers them there', async () => {
    const { run, saved } = await walk([{ select: 'skip' }, { select: 'na' }, { select: 'na' }, { confirm: true }, { select: 'rate:2' }, { input: '' }]);
    await expect(run).resolves.toMatchObject({ exited: false, tally: { answered: 1, skipped: 0, na: 2 } });
    expect(values(saved)).toEqual([
      ['a', 'skipped', null],
      ['b', 'na', null],
      ['c', 'na', null],
      ['a', 2, null],
    ]);
  });

  it('keeps an earlier rating when the person skips it on a second pass', async () => {
    const answers = new Map<string, LatestAnswer>([['a', { value: 3, at: 't' }], ['b', { value: 2, at: 't' }], ['c', { value: 1, at: 't' }]]);
    const { run, saved } = await walk([{ select: 'skip' }, { select: 'exit' }], answers);
    await run;
    expect(saved).toEqual([]);
    expect(answers.get('a')?.value).toBe(3);
  });

  it('removes a note when the person types a dash, and keeps it on Enter', async () => {
    const answers = new Map<string, LatestAnswer>([['a', { value: 3, at: 't', note: 'old note' }]]);
    const { run, saved } = await walk([{ select: 'back' }, { select: 'rate:3' }, { input: '-' }, { select: 'exit' }], answers);
    await run;
    expect(values(saved)).toEqual([['a', 3, null]]);
  });

  it('saves and exits on request, keeping every answer given, and stops like Ctrl-C when input ends', async () => {
    const { run, saved } = await walk([{ select: 'rate:0' }, { input: '' }, { select: 'exit' }]);
    await expect(run).resolves.toMatchObject({ exited: true, tally: { answered: 1, notYet: 2 } });
    const interrupted = await walk([{ select: 'rate:2' }, { input: '' }]);
    await expect(interrupted.run).rejects.toThrow('stopped at a prompt');
    expect(values(interrupted.saved)).toEqual([['a', 2, null]]);
    expect(values(saved)).toEqual([['a', 0, null]]);
  });

  it('resumes at the first unanswered indicator', async () => {
    const answers = new Map<string, LatestAnswer>([['a', { value: 3, at: 't' }]]);
    const { run, prompter } = await walk([{ select: 'exit' }], answers);
    await run;
    expect(prompter.shown[0]).toContain('2 of 3');
  });

  it('gives people served only the indicators with wording for them, in their words and on their scale', async () => {
    const { run, prompter, items } = await walk([{ select: 'rate:4' }, { input: '' }], new Map(), personServed);
    await run;
    expect(items.map((i) => i.indicator.id)).toEqual(['b']);
    expect(prompter.shown[0]).toContain('Staff told me what would happen next.');
    expect(buildQueue([rubric], personServed).leftOut).toBe(2);
  });
});

describe('tallyAnswers', () => {
  it('counts each kind of answer over the indicators a role answers', () => {
    const { items } = buildQueue([rubric], leadership);
    const answers = new Map<string, LatestAnswer>([['a', { value: 'skipped', at: 't' }], ['b', { value: 0, at: 't' }]]);
    expect(tallyAnswers(items, answers)).toEqual({ answered: 1, skipped: 1, na: 0, unknown: 0, notYet: 1 });
  });
});
