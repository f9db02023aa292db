// Small hand-made rubrics and roles for tests of the workspace code: one staff
// scale, one experience scale, and indicators that each role can or cannot judge.
import type { Indicator, Rubric, Scale } from '../../src/model/rubric.js';
import type { Role } from '../../src/model/workspace.js';

export const staffScale: Scale = {
  levels: [0, 1, 2, 3, 4].map((value) => ({ value, label: `level ${value}`, description: `Level ${value}.` })),
};
export const experienceScale: Scale = {
  levels: ['Never', 'Rarely', 'Sometimes', 'Usually', 'Always'].map((label, value) => ({ value, label, description: `${label}.` })),
};

export const roles: Record<string, Role> = {
  leadership: { id: 'leadership', name: 'Leadership', description: 'Leads.', voice: 'staff' },
  'support-staff': { id: 'support-staff', name: 'Support staff', description: 'Front desk.', voice: 'staff' },
  'person-served': { id: 'person-served', name: 'People served', description: 'Served.', voice: 'experience' },
};

function indicator(id: string, principle: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    id,
    principle,
    domain: 'outreach',
    text: `Practice ${id} is in place.`,
    weight: 1,
    critical: false,
    anchors: {},
    tags: {},
    experience: {},
    evidence: [],
    actions: [],
    ...extra,
  };
}

/** Rubric "demo": d-1 for staff only, d-2 also for people served, d-3 for leadership only. */
export function demoRubric(): Rubric {
  return {
    id: 'demo',
    version: '1.0.0',
    title: 'Demo',
    description: 'A demo rubric.',
    file: 'demo.yaml',
    sources: [],
    scale: staffScale,
    experienceScale,
    principles: [
      { id: 'safety', name: 'Safety', description: 'Safe.' },
      { id: 'choice', name: 'Choice', description: 'Choices.' },
    ],
    domains: [{ id: 'outreach', name: 'Outreach and engagement', description: 'Outreach.' }],
    frameworks: [],
    stages: [{ id: 'start', name: 'Start', description: 'Start.', minPercent: 0 }],
    indicators: [
      indicator('d-1', 'safety'),
      indicator('d-2', 'safety', { experience: { 'person-served': 'Staff told me what would happen next.' } }),
      indicator('d-3', 'choice', { raters: ['leadership'] }),
    ],
  };
}
