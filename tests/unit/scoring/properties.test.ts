// Properties of the scoring engine over generated workspaces (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerEvent, AnswerValue, RespondentAnswers } from '../../../src/model/workspace.js';
import type { ScoreResult } from '../../../src/model/score.js';
import { scoreAssessment } from '../../../src/scoring/score.js';
import { latestAnswers } from '../../../src/workspace/answer-log.js';
import { indicator, input, respondent, rubric, scaleOf } from '../../helpers/scoring.js';

const roleIds = ['leadership', 'clinical-staff', 'support-staff', 'person-served'] as const;
const exp = { experience: { 'person-served': 'It happened to me.' } };
const theRubric = rubric(
  [
    indicator('a', 'p1', 'd1', { ...exp, critical: true }),
    indicator('b', 'p1', 'd2', { weight: 2 }),
    indicator('c', 'p2', 'd1', exp),
    indicator('d', 'p2', 'd2'),
    indicator('e', 'p2', 'd2', { weight: 0.5, ...exp }),
  ],
  { experienceScale: scaleOf(3), criticalGate: { stage: 's3', minLevel: 3 } },
);
const ids = theRubric.indicators.map((i) => i.id);

const answerFor = (roleId: string): fc.Arbitrary<AnswerValue | undefined> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: roleId === 'person-served' ? 2 : 4 }) },
    { weight: 1, arbitrary: fc.constantFrom<AnswerValue | undefined>('na', 'unknown', 'skipped', undefined) },
  );

const respondentArb = (index: number) =>
  fc.constantFrom(...roleIds).chain((roleId) =>
    fc.tuple(...ids.map(() => answerFor(roleId))).map((values) => {
      const answers: Record<string, AnswerValue> = {};
      values.forEach((v, k) => {
        if (v !== undefined) answers[ids[k]!] = v;
      });
      return respondent(`r${String(index).padStart(2, '0')}`, roleId, answers);
    }),
  );

const workspaceArb = fc.integer({ min: 0, max: 14 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => respondentArb(k))));
const thresholdArb = fc.integer({ min: 1, max: 5 });

function score(people: RespondentAnswers[], threshold: number): ScoreResult {
  return scoreAssessment(input([theRubric], people, { smallCellThreshold: threshold }));
}

/** Every number under a key that holds a percent. */
function percents(value: unknown, key = '', out: number[] = []): number[] {
  if (typeof value === 'number' && /percent|^gap$|targetPercent/i.test(key)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => percents(v, key === 'percents' ? 'percent' : '', out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) percents(v, k, out);
  return out;
}

describe('scoring properties', () => {
  it('every percent stays within 0-100, and nothing is NaN', () => {
    fc.assert(
      fc.property(workspaceArb, thresholdArb, (people, threshold) => {
        const result = score(people, threshold);
        for (const p of percents(result)) expect(p >= 0 && p <= 100).toBe(true);
        expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
      }),
    );
  });

  it('the order of the respondents changes nothing', () => {
    fc.assert(
      fc.property(
        workspaceArb.chain((people) => fc.tuple(fc.constant(people), fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length }))),
        thresholdArb,
        ([people, shuffled], threshold) => {
          expect(score(shuffled, threshold)).toEqual(score(people, threshold));
        },
      ),
    );
  });

  it('the order of events with equal timestamps changes nothing', () => {
    const eventsArb = fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1 }).chain((which) =>
      fc.tuple(...which.map((id) => fc.integer({ min: 0, max: 4 }).map((value): AnswerEvent => ({ type: 'answer', indicator: id, value, at: '2026-03-01T10:00:00Z' })))),
    );
    fc.assert(
      fc.property(
        eventsArb.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))),
        ([events, shuffled]) => {
          const asRespondent = (list: AnswerEvent[]): RespondentAnswers => ({ ...respondent('x', 'consensus', {}), answers: latestAnswers(list) });
          expect(score([asRespondent(shuffled)], 1)).toEqual(score([asRespondent(events)], 1));
        },
      ),
    );
  });

  it("a hidden role's answers change no figure shown for any role, and no hidden role has a figure anywhere", () => {
    fc.assert(
      fc.property(workspaceArb, thresholdArb, fc.integer({ min: 0, max: 1000 }), (people, threshold, seed) => {
        const before = score(people, threshold);
        const hidden = before.perspectives.roles.filter((r) => !r.reportable).map((r) => r.role);
        for (const r of before.perspectives.roles) {
          if (r.reportable) continue;
          expect(r.respondents).toBeNull();
          expect(r.rubrics).toEqual([]);
          expect(r.lens).toEqual([]);
        }
        for (const g of before.perspectives.gaps) for (const role of g.roles) expect(hidden).not.toContain(role);
        // Change every numeric answer of the hidden roles to another numeric answer.
        const changed = people.map((p) => {
          if (!hidden.includes(p.role)) return p;
          const max = p.role === 'person-served' ? 2 : 4;
          const answers = new Map([...p.answers].map(([id, a], k) => [id, typeof a.value === 'number' ? { ...a, value: (a.value + seed + k) % (max + 1) } : a]));
          return { ...p, answers };
        });
        const after = score(changed, threshold);
        expect(after.perspectives.roles).toEqual(before.perspectives.roles);
        expect(after.perspectives.gaps).toEqual(before.perspectives.gaps);
      }),
    );
  });
});
