import { describe, expect, it } from 'vitest';
import { frameworkTags } from '../../../../src/rubric/rules/tags.js';
import type { LoadedRubric } from '../../../../src/model/rubric.js';

function rubricWithTags(tags: Record<string, Record<string, string[]>>): LoadedRubric {
  return {
    rubric: {
      id: 'r',
      version: '1.0.0',
      title: 't',
      description: 'd',
      file: 'r.yaml',
      sources: [],
      scale: { levels: [] },
      principles: [],
      domains: [],
      stages: [],
      frameworks: [
        {
          id: 'fw',
          title: 'F',
          sources: [],
          facets: [
            { id: 'principle', name: 'Principle', min: 1, tags: [{ id: 'safety', name: 'Safety' }, { id: 'peer', name: 'Peer' }] },
            { id: 'domain', name: 'Domain', min: 1, max: 1, tags: [{ id: 'policy', name: 'Policy' }, { id: 'financing', name: 'Financing' }] },
          ],
        },
      ],
      indicators: [{ id: 'i', principle: 'p', domain: 'd', text: 't', weight: 1, critical: false, evidence: [], actions: [], anchors: {}, tags, experience: {} }],
    },
    origins: { rubric: { file: 'r.yaml', path: [] }, scale: { file: 'r.yaml', path: ['scale'] }, levels: [], principles: [], domains: [], frameworks: [], stages: [], indicators: [{ file: 'r.yaml', path: ['indicators', 0] }] },
    unresolved: [],
  };
}

const rules = (tags: Record<string, Record<string, string[]>>) => frameworkTags.check(rubricWithTags(tags), {}).map((f) => f.rule);

describe('framework tags', () => {
  it('accepts tags within each facet’s limits', () => {
    expect(rules({ fw: { principle: ['safety', 'peer'], domain: ['policy'] } })).toEqual([]);
  });
  it('requires the minimum of every facet of every listed framework', () => {
    expect(rules({})).toEqual(['tag-count', 'tag-count']);
    expect(rules({ fw: { principle: ['safety'] } })).toEqual(['tag-count']);
  });
  it('says how a missing tag is written and which values it may take', () => {
    const messages = frameworkTags.check(rubricWithTags({}), {}).map((f) => f.message);
    expect(messages).toEqual([
      'indicator "i" needs at least 1 fw principle tag (has 0), because the rubric lists framework "fw"; write tags: {fw: {principle: [<tag>, ...]}}; use one or more of: safety, peer',
      'indicator "i" needs at least 1 fw domain tag (has 0), because the rubric lists framework "fw"; write tags: {fw: {domain: <tag>}}; use one of: policy, financing',
    ]);
  });
  it('enforces a facet’s maximum', () => {
    expect(rules({ fw: { principle: ['safety'], domain: ['policy', 'financing'] } })).toEqual(['tag-count']);
  });
  it('names unknown frameworks, facets and tags', () => {
    expect(rules({ fw: { principle: ['safety'], domain: ['policy'] }, other: { x: ['y'] } })).toEqual(['tag-unknown-framework']);
    expect(rules({ fw: { principle: ['safety'], domain: ['policy'], region: ['west'] } })).toEqual(['tag-unknown-facet']);
    expect(rules({ fw: { principle: ['safety', 'housing'], domain: ['policy'] } })).toEqual(['tag-unknown-value']);
  });
  it('treats an id such as "constructor" as unknown, not as something inherited', () => {
    expect(rules({ fw: { principle: ['constructor'], domain: ['toString'] } })).toEqual(['tag-unknown-value', 'tag-unknown-value']);
    expect(rules({ fw: { principle: ['safety'], domain: ['policy'], constructor: ['x'] } })).toEqual(['tag-unknown-facet']);
  });
});
