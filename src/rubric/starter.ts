// The text of a small, valid rubric for an agency to start from (`tira rubrics
// new`): the bundled catalogs, one principle, one indicator with its tags, stages,
// and a comment on each key saying what it is for. Pure: the command reads the
// catalogs (and the rubric to start from, with --from) and writes the file.
import type { Principle, Rubric, Source, Stage } from '../model/rubric.js';
import type { FrameworkFacet } from '../model/schema-types.generated.js';

export interface StarterOptions {
  /** The new rubric's id. */
  id: string;
  /** `$schema` path for the editor's YAML language server, relative to the new file. */
  schemaPath: string;
  /** Ids of the bundled domain catalog, for the comment on `domain`. */
  domainIds: readonly string[];
  /** The facets of the bundled SAMHSA 2014 framework, for the tags and their comments. */
  facets: readonly FrameworkFacet[];
  /** A bundled rubric to take the principle, indicator, stages and sources from. */
  from?: Rubric;
  /** Today, for the example citation (passed in: no clock here). */
  year: number;
}

/** The catalogs every starter names; `framework` is the one whose facets are passed in. */
export const STARTER_CATALOGS = { scale: 'tira:catalogs/scale-0-4.yaml', domains: 'tira:catalogs/domains.yaml', framework: 'tira:catalogs/samhsa-2014.yaml' } as const;
export const STARTER_FRAMEWORK_ID = 'samhsa-2014';

interface StarterIndicator {
  principle: string;
  domain: string;
  text: string;
  critical: boolean;
  evidence: string[];
  actions: string[];
  tags: Record<string, string[]>;
}

export function renderStarterRubric(options: StarterOptions): string {
  const { id, from } = options;
  const principle: Principle = from?.principles[0] ?? {
    id: 'safety',
    name: 'Safety',
    description: 'People served and staff are physically and emotionally safe in every contact with the agency.',
  };
  const fromIndicator = from?.indicators.find((i) => i.principle === principle.id);
  const indicator: StarterIndicator = fromIndicator
    ? { ...fromIndicator, tags: fromIndicator.tags[STARTER_FRAMEWORK_ID] ?? {} }
    : {
        principle: principle.id,
        domain: options.domainIds.includes('outreach') ? 'outreach' : options.domainIds[0]!,
        text: 'Staff tell each person served, at the first contact, what will happen during the visit and who will be present.',
        critical: false,
        evidence: ['The first-contact routine is written down and staff can describe it.', 'Notes from a sample of first contacts record what the person was told.'],
        actions: ['Write a first-contact routine with people served and train every new staff member in it.'],
        tags: { principle: ['safety', 'trustworthiness-transparency'], domain: ['policy'] },
      };
  const stages: Stage[] = from?.stages ?? [
    { id: 'beginning', name: 'Beginning', description: 'Few of the practices are in place yet.', minPercent: 0 },
    { id: 'developing', name: 'Developing', description: 'Many practices are in place in some programs.', minPercent: 40 },
    { id: 'established', name: 'Established', description: 'The practices are in place across the agency and checked on a schedule.', minPercent: 75 },
  ];
  const sources: Source[] = from?.sources ?? [{ id: `${id}-${options.year}`, citation: `Your agency (${options.year}). The practice guide or policy this rubric is drawn from.` }];

  const q = (text: string) => JSON.stringify(text);
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  line(`# yaml-language-server: $schema=${options.schemaPath}`);
  line('# A rubric of observable practices, written by `tira rubrics new`. Check it with');
  line(`#   tira validate <this file> --strict`);
  line('# and see "Rubric files" in the README of tira for every key.');
  line();
  line('# id: short and stable, used on the command line and in answer files; lower-case');
  line('# letters and digits, separated by hyphens or dots. It must not be the id of');
  line('# another rubric loaded with this one (tic, rosc and recovery-principles are taken).');
  line(`id: ${id}`);
  line('# version: semantic version (1.0.0); raise it when indicators change.');
  line('version: 0.1.0');
  line(`title: ${q(from ? `${from.title} (our practices)` : 'Our practices')}`);
  line('# description: what the rubric is for, how its stages were set, and its limits.');
  line('description: >-');
  const description = from
    ? `Started from tira's "${from.title}" (${from.id} ${from.version}) with one of its indicators; add the practices your agency wants to rate. Stages are indicative, not validated.`
    : 'The practices our agency rates itself on. Stages are indicative, not validated.';
  line(`  ${description}`);
  line('# sources: citations for the texts the rubric draws on (id, citation, optional url).');
  line('sources:');
  for (const source of sources) {
    line(`  - id: ${source.id}`);
    line(`    citation: ${q(source.citation)}`);
    if (source.url) line(`    url: ${q(source.url)}`);
  }
  line('# scale and domains: the bundled rating scale (0-4) and service domains, so that');
  line('# reports can set this rubric beside the bundled ones. `tira:` names a bundled file.');
  line(`scale: ${STARTER_CATALOGS.scale}`);
  line(`domains: ${STARTER_CATALOGS.domains}`);
  line('# frameworks: with this crosswalk listed, every indicator needs tags for each of');
  line('# its facets (see `tags` below). Remove it, and the tags, to do without.');
  line('frameworks:');
  line(`  - ${STARTER_CATALOGS.framework}`);
  line('# principles: what indicators are grouped by; each needs id, name and description,');
  line('# and at least one indicator.');
  line('principles:');
  line(`  - id: ${principle.id}`);
  line(`    name: ${q(principle.name)}`);
  line(`    description: ${q(principle.description)}`);
  line('# stages: readiness stages, lowest first; each needs id, name, description and');
  line('# minPercent (the overall percent that reaches it; the first is 0).');
  line('stages:');
  for (const stage of stages) {
    line(`  - id: ${stage.id}`);
    line(`    name: ${q(stage.name)}`);
    line(`    description: ${q(stage.description)}`);
    line(`    minPercent: ${stage.minPercent}`);
  }
  line('# indicators: one observable practice each, rated on the scale.');
  line('indicators:');
  line('  # id: unique across every rubric loaded together; start it with the rubric id.');
  line(`  - id: ${id}-1`);
  line('    # principle: the id of one of the principles above.');
  line(`    principle: ${indicator.principle}`);
  line(`    # domain: one of ${options.domainIds.join(', ')}.`);
  line(`    domain: ${indicator.domain}`);
  line('    # text: the practice, stated so that a team can rate it from evidence.');
  line(`    text: ${q(indicator.text)}`);
  line('    # critical: true when its absence risks re-traumatizing people served (optional,');
  line('    # default false); weight: its weight in scoring (optional, default 1).');
  line(`    critical: ${indicator.critical}`);
  line('    # evidence: what a team looks at to rate it; actions: what to do when it is a gap.');
  line('    evidence:');
  for (const item of indicator.evidence) line(`      - ${q(item)}`);
  line('    actions:');
  for (const item of indicator.actions) line(`      - ${q(item)}`);
  line(`    # tags: for each framework listed, for each of its facets, a tag id or a list of them.`);
  line('    tags:');
  line(`      ${STARTER_FRAMEWORK_ID}:`);
  for (const facet of options.facets) {
    const count = facet.max === 1 ? 'exactly one' : facet.max !== undefined ? `up to ${facet.max}` : (facet.min ?? 0) > 0 ? 'one or more' : 'any number';
    line(`        # ${facet.id}: ${count} of: ${facet.tags.map((t) => t.id).join(', ')}`);
    const tags = indicator.tags[facet.id] ?? [];
    line(`        ${facet.id}: ${facet.max === 1 ? tags[0] ?? facet.tags[0]!.id : `[${(tags.length > 0 ? tags : [facet.tags[0]!.id]).join(', ')}]`}`);
  }
  return `${out.join('\n')}\n`;
}

/** A rubric id made from a file name: `My Agency 2026.yaml` gives `my-agency-2026`. */
export function idFromFileName(name: string): string {
  const id = name
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'my-rubric' : id;
}
