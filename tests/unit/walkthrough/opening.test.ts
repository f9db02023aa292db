import { describe, expect, it } from 'vitest';
import { fleschKincaid } from '../../../scripts/readability.mjs';
import { introLines, openingScreen, type OpeningFacts } from '../../../src/walkthrough/opening.js';

const facts: OpeningFacts = { agency: 'Harbor House', cycle: '2026', smallCellThreshold: 3, voice: 'experience', plain: false };
// The title line names the agency (a proper noun the grade formula would count); the prose is what people read.
const prose = (text: string) => text.trim().split('\n').slice(1).join('\n');

describe('the opening screen of tira assess', () => {
  it('for people served: plain words, grade 6 or below', () => {
    const grade = fleschKincaid(prose(openingScreen(facts)));
    expect(grade).toBeLessThanOrEqual(6);
    expect(fleschKincaid(prose(openingScreen({ ...facts, plain: true })))).toBeLessThanOrEqual(6);
  });

  it('for people served: says what this is, the code not the name, that any question can be skipped, and the hard topics', () => {
    const text = openingScreen(facts);
    expect(text).toContain('Harbor House · 2026');
    expect(text).toMatch(/how well this place treats the people it serves/);
    expect(text).toMatch(/kept under a code, not your name/);
    expect(text).toMatch(/skip any question/i);
    for (const topic of ['restraint', 'seclusion', 'violence', 'suicide']) expect(text).toContain(topic);
    expect(text).toContain('groups of 3 people or more');
  });

  it('for people served: shorter than the staff screen', () => {
    const lines = (voice: OpeningFacts['voice']) => openingScreen({ ...facts, voice }).trim().split('\n').length;
    expect(lines('experience')).toBeLessThan(lines('staff'));
  });

  it('names the keys that work: arrows in a terminal, typed keys with --plain', () => {
    expect(openingScreen(facts)).toContain('arrow keys');
    expect(openingScreen({ ...facts, plain: true })).not.toContain('arrow');
    expect(openingScreen({ ...facts, voice: 'staff', plain: true })).not.toContain('arrows');
  });

  it('for staff: unchanged', () => {
    expect(openingScreen({ ...facts, voice: 'staff' })).toMatchSnapshot();
  });
});

describe('the lines before the first question', () => {
  const base = { respondentId: 'p01', roleName: 'People served', questions: 57, minutes: 30, leftOut: 92, filtered: false, complete: false } as const;

  it('for people served: the code and the count in plain words, without other roles\' questions', () => {
    const text = introLines({ ...base, voice: 'experience' }).join('\n');
    expect(text).toContain('Your code is p01. There are 57 questions. They take about 30 minutes.');
    expect(text).not.toContain('other roles');
    expect(fleschKincaid(text)).toBeLessThanOrEqual(6);
  });

  it('for staff: the role, the count and what was left out', () => {
    expect(introLines({ ...base, roleName: 'Leadership', voice: 'staff' })).toEqual([
      'p01 answers as Leadership: 57 questions, about 30 minutes (92 others are for other roles and are left out).',
    ]);
  });

  it('says where a returning respondent goes on', () => {
    expect(introLines({ ...base, voice: 'experience', resume: { given: 2, skipped: 1, at: 4 } }).at(-1)).toBe('Welcome back: 2 answered, 1 skipped, of 57; going on at question 4.');
  });
});

describe('opening screens fit a terminal', () => {
  it('no line is wider than 80 columns, for staff and people served, with and without --plain', () => {
    for (const voice of ['staff', 'experience'] as const) {
      for (const plain of [false, true]) {
        for (const line of openingScreen({ ...facts, voice, plain }).split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
      }
    }
  });
});
