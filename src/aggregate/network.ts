// aggregateNetwork: many agencies' records (their exports, see agency-export.ts) in, the network roll-up
// out. Pure: no files, no clock (the time is passed in), no colour. Every network
// figure is the plain mean of the agencies' own figures (one agency, one vote,
// whatever its number of respondents), shown only when at least `minAgencies`
// agencies have one. Agencies on different versions of a rubric are compared on
// the indicators every version shares, regrouped with the scoring engine's own
// rules. The same agencies in any order give the same result, byte for byte.
import type {
  AgencyCell,
  AgencyGroup,
  AgencyIndicator,
  AgencyRecord,
  AgencyRubric,
  FailedInput,
  Heatmap,
  IndicatorGap,
  InputProblem,
  LaggingDomain,
  NetworkAgency,
  NetworkCell,
  NetworkFigure,
  NetworkInputFault,
  NetworkLens,
  NetworkResult,
  NetworkRubric,
  RecurringPerceptionGap,
  RubricCompatibility,
} from '../model/aggregate.js';
import type { Framework } from '../model/rubric.js';
import type { IndicatorScore, ScoreSettings } from '../model/score.js';
import { groupFigure, rubricFigure } from '../scoring/groups.js';
import { tagged } from '../scoring/lens.js';
import { defaultSettings, EPSILON, namedDomains } from '../scoring/settings.js';
import { agencyCodes, codeOf, normalizeAgencyName } from './anonymize.js';
import { byText, compareVersions, distribution, sortedMean } from './stats.js';

export interface AggregateInput {
  records: readonly AgencyRecord[];
  failed: readonly FailedInput[];
  /** The framework to group by (`--by`), resolved by the edge; null for none. */
  framework?: Framework | null;
}

export interface AggregateOptions {
  minAgencies: number;
  anonymize?: boolean;
  /** The key of the codes' keyed hash (see anonymize.ts); '' when none was given. */
  anonymizeKey?: string;
  /** How many agencies each lagging list names. */
  laggingAgencies?: number;
  tiraVersion: string;
  generatedAt?: string | null;
}

/** An agency's figures as the network compares them: regrouped where its rubric version differs. */
interface AgencyView {
  name: string;
  record: AgencyRecord;
  rubrics: Map<string, AgencyRubric>;
  domains: Map<string, AgencyGroup>;
  /** Its indicators on the shared sets. */
  indicators: AgencyIndicator[];
}

// NOTE: the engine's group rules read only the fields AgencyIndicator keeps
// (applicable, n, percent, weight, targetPercent, tags); the cast lets the roll-up
// reuse them rather than copy them.
const asScores = (indicators: readonly AgencyIndicator[]) => indicators as unknown as IndicatorScore[];

function settingsOf(record: AgencyRecord): ScoreSettings {
  return { ...defaultSettings, ...record.settings };
}

// ---------------------------------------------------------------- agencies: one per name

function newestFirst(a: AgencyRecord, b: AgencyRecord): number {
  return byText(b.date, a.date) || byText(b.cycle, a.cycle) || byText(a.source, b.source);
}

/** One record per agency: the latest assessment wins; the others are named as duplicates. */
export function dedupe(records: readonly AgencyRecord[]): { kept: AgencyRecord[]; duplicates: { record: AgencyRecord; keptAs: AgencyRecord }[] } {
  const byName = new Map<string, AgencyRecord[]>();
  for (const r of records) {
    const key = normalizeAgencyName(r.agency);
    const group = byName.get(key);
    if (group) group.push(r);
    else byName.set(key, [r]);
  }
  const kept: AgencyRecord[] = [];
  const duplicates: { record: AgencyRecord; keptAs: AgencyRecord }[] = [];
  for (const group of byName.values()) {
    if (group.length === 1) {
      kept.push(group[0]!);
      continue;
    }
    const [first, ...rest] = [...group].sort(newestFirst);
    kept.push(first!);
    for (const r of rest) duplicates.push({ record: r, keptAs: first! });
  }
  return { kept, duplicates };
}

// ---------------------------------------------------------------- rubric versions

interface RubricPlan {
  id: string;
  /** The newest version's record that comes first by name: names, order, texts. */
  model: AgencyRubric;
  modelIndicators: Map<string, AgencyIndicator>;
  versions: { version: string; agencies: number }[];
  /** Indicator ids every version shares; null when all agencies use one version. */
  shared: Set<string> | null;
  compatibility: RubricCompatibility;
  /** Order key: where agencies list the rubric. */
  position: number;
}

function planRubrics(views: readonly { name: string; record: AgencyRecord }[]): RubricPlan[] {
  const byId = new Map<string, { name: string; record: AgencyRecord; rubric: AgencyRubric; position: number }[]>();
  for (const v of views) {
    v.record.rubrics.forEach((rubric, position) => {
      const holder = { ...v, rubric, position };
      const list = byId.get(rubric.id);
      if (list) list.push(holder);
      else byId.set(rubric.id, [holder]);
    });
  }
  const plans: RubricPlan[] = [];
  for (const [id, holders] of byId) {
    const counts = new Map<string, number>();
    for (const h of holders) counts.set(h.rubric.version, (counts.get(h.rubric.version) ?? 0) + 1);
    const versions = [...counts].map(([version, agencies]) => ({ version, agencies })).sort((a, b) => compareVersions(b.version, a.version) || byText(a.version, b.version));
    const newest = versions[0]!.version;
    const model = holders.filter((h) => h.rubric.version === newest).sort((a, b) => byText(a.name, b.name))[0]!;
    const indicatorsOf = (record: AgencyRecord) => record.indicators.filter((i) => i.rubric === id);
    const modelIndicators = new Map(indicatorsOf(model.record).map((i) => [i.id, i]));

    let shared: Set<string> | null = null;
    const leftOut: RubricCompatibility['leftOut'] = [];
    if (versions.length > 1) {
      // Where each indicator sits in each version, from every agency on that version.
      const placement = new Map<string, Map<string, Set<string>>>();
      const holdersOf = new Map<string, number>();
      for (const h of holders) {
        for (const i of indicatorsOf(h.record)) {
          const versionsOf = placement.get(i.id) ?? new Map<string, Set<string>>();
          const where = versionsOf.get(h.rubric.version) ?? new Set<string>();
          where.add(`${i.principle}/${i.domain}`);
          versionsOf.set(h.rubric.version, where);
          placement.set(i.id, versionsOf);
          holdersOf.set(i.id, (holdersOf.get(i.id) ?? 0) + 1);
        }
      }
      shared = new Set();
      for (const [indicator, versionsOf] of [...placement].sort((a, b) => byText(a[0], b[0]))) {
        const inAll = versionsOf.size === versions.length && holdersOf.get(indicator) === holders.length;
        const places = new Set([...versionsOf.values()].flatMap((s) => [...s]));
        if (inAll && places.size === 1) shared.add(indicator);
        else leftOut.push({ indicator, reason: inAll ? 'moved' : 'not-in-every-version', versions: [...versionsOf.keys()].sort(compareVersions) });
      }
    }
    plans.push({
      id,
      model: model.rubric,
      modelIndicators,
      versions,
      shared,
      compatibility: { rubric: id, versions, shared: shared ? shared.size : modelIndicators.size, leftOut },
      position: holders.reduce((min, h) => Math.min(min, h.position), Infinity),
    });
  }
  return plans.sort((a, b) => a.position - b.position || byText(a.id, b.id));
}

/** An agency's rubric figures over the shared indicators only, with the engine's rules. */
function regroup(rubric: AgencyRubric, indicators: readonly AgencyIndicator[], settings: ScoreSettings): AgencyRubric {
  const figure = (id: string, name: string, members: readonly AgencyIndicator[]): AgencyGroup => {
    const { percent, withheld, gap } = groupFigure(asScores(members), settings);
    return { id, name, percent, ...(withheld ? { withheld } : {}), gap };
  };
  const principles = rubric.principles.map((p) => figure(p.id, p.name, indicators.filter((i) => i.principle === p.id)));
  const domains = rubric.domains.map((d) => figure(d.id, d.name, indicators.filter((i) => i.domain === d.id)));
  const matrix: AgencyCell[] = rubric.matrix.map((c) => {
    const { percent, withheld, gap } = figure('', '', indicators.filter((i) => i.principle === c.principle && i.domain === c.domain));
    return { principle: c.principle, domain: c.domain, percent, ...(withheld ? { withheld } : {}), gap };
  });
  const whole = rubricFigure(asScores(indicators), principles.map((p) => p.percent), settings);
  const { withheld: _before, ...rest } = rubric;
  return { ...rest, percent: whole.percent, ...(whole.withheld ? { withheld: whole.withheld } : {}), principles, domains, matrix };
}

function buildView(name: string, record: AgencyRecord, plans: ReadonlyMap<string, RubricPlan>): AgencyView {
  const settings = settingsOf(record);
  const rubrics = new Map<string, AgencyRubric>();
  let regrouped = false;
  const indicators: AgencyIndicator[] = [];
  for (const rubric of record.rubrics) {
    const plan = plans.get(rubric.id)!;
    const own = record.indicators.filter((i) => i.rubric === rubric.id);
    const kept = plan.shared ? own.filter((i) => plan.shared!.has(i.id)) : own;
    for (const i of kept) indicators.push(i);
    if (plan.shared && kept.length !== own.length) {
      rubrics.set(rubric.id, regroup(rubric, kept, settings));
      regrouped = true;
    } else rubrics.set(rubric.id, rubric);
  }
  let domains = record.domains;
  if (regrouped) {
    domains = record.domains.map((d) => {
      const { percent, withheld, gap } = groupFigure(asScores(indicators.filter((i) => i.domain === d.id)), settings);
      return { id: d.id, name: d.name, percent, ...(withheld ? { withheld } : {}), gap };
    });
  }
  return { name, record, rubrics, domains: new Map(domains.map((d) => [d.id, d])), indicators };
}

// ---------------------------------------------------------------- figures

function networkFigure(id: string, name: string, values: readonly number[], assessed: number, minAgencies: number): NetworkFigure {
  const base = { id, name, assessed, agencies: values.length };
  const none = { mean: null, min: null, q1: null, median: null, q3: null, max: null };
  if (values.length === 0) return { ...base, ...none, withheld: 'no-figures' };
  if (values.length < minAgencies) return { ...base, ...none, withheld: 'small-cell' };
  return { ...base, ...distribution(values)! };
}

function collect<V, T>(views: readonly V[], pick: (v: V) => T | undefined): T[] {
  const out: T[] = [];
  for (const v of views) {
    const x = pick(v);
    if (x !== undefined) out.push(x);
  }
  return out;
}

/** Ids in the model's order, then those only other versions have, by id. */
function ordered<T extends { id: string }>(model: readonly T[], others: Iterable<T>): T[] {
  const out = [...model];
  const seen = new Set(model.map((m) => m.id));
  const extra = new Map<string, T>();
  for (const o of others) if (!seen.has(o.id) && !extra.has(o.id)) extra.set(o.id, o);
  return [...out, ...[...extra.values()].sort((a, b) => byText(a.id, b.id))];
}

/** The figures of many agencies for one network figure, gathered in one pass over the agencies. */
interface Tally {
  assessed: number;
  values: number[];
}

const tally = (): Tally => ({ assessed: 0, values: [] });

function count(t: Tally | undefined, percent: number | null): void {
  if (!t) return;
  t.assessed++;
  if (percent !== null) t.values.push(percent);
}

function tallyGroups(groups: readonly { id: string }[]): Map<string, Tally> {
  return new Map(groups.map((g) => [g.id, tally()]));
}

function figuresOf(groups: readonly { id: string; name: string }[], tallies: ReadonlyMap<string, Tally>, minAgencies: number): NetworkFigure[] {
  return groups.map((g) => {
    const t = tallies.get(g.id)!;
    return networkFigure(g.id, g.name, t.values, t.assessed, minAgencies);
  });
}

function networkRubric(plan: RubricPlan, views: readonly AgencyView[], minAgencies: number): NetworkRubric {
  const rubrics = collect(views, (v) => v.rubrics.get(plan.id));
  const principles = ordered(plan.model.principles, rubrics.flatMap((r) => r.principles));
  const domains = ordered(plan.model.domains, rubrics.flatMap((r) => r.domains));
  const byPrinciple = tallyGroups(principles);
  const byDomain = tallyGroups(domains);
  const byCell = new Map(principles.map((p) => [p.id, tallyGroups(domains)]));
  for (const r of rubrics) {
    for (const p of r.principles) count(byPrinciple.get(p.id), p.percent);
    for (const d of r.domains) count(byDomain.get(d.id), d.percent);
    // A cell with no practice in an agency's rubric is not one it was assessed on.
    for (const c of r.matrix) if (c.withheld !== 'no-indicators') count(byCell.get(c.principle)?.get(c.domain), c.percent);
  }
  const matrix: NetworkCell[] = [];
  for (const p of principles) {
    for (const d of domains) {
      const t = byCell.get(p.id)!.get(d.id)!;
      matrix.push({ ...networkFigure(`${p.id}/${d.id}`, `${p.name} / ${d.name}`, t.values, t.assessed, minAgencies), principle: p.id, domain: d.id });
    }
  }
  const whole = networkFigure(plan.id, plan.model.title, rubrics.filter((r) => r.percent !== null).map((r) => r.percent!), rubrics.length, minAgencies);
  return {
    ...whole,
    version: plan.versions[0]!.version,
    versions: plan.versions,
    principles: figuresOf(principles, byPrinciple, minAgencies),
    domains: figuresOf(domains, byDomain, minAgencies),
    matrix,
  };
}

function heatmap(plan: RubricPlan, network: NetworkRubric, views: readonly AgencyView[]): Heatmap {
  const principles = network.principles.map((p) => ({ id: p.id, name: p.name }));
  const rows = views
    .filter((v) => v.rubrics.has(plan.id))
    .map((v) => {
      const r = v.rubrics.get(plan.id)!;
      const byId = new Map(r.principles.map((p) => [p.id, p]));
      return {
        agency: v.name,
        percent: r.percent,
        ...(r.withheld ? { withheld: r.withheld } : {}),
        principles: principles.map((p) => {
          const own = byId.get(p.id);
          if (!own) return { percent: null, withheld: 'not-assessed' as const };
          return { percent: own.percent, ...(own.withheld ? { withheld: own.withheld } : {}) };
        }),
      };
    });
  // Leaders first: by the rubric figure, highest first, withheld last, then by name.
  rows.sort((a, b) => (b.percent ?? -1) - (a.percent ?? -1) || byText(a.agency, b.agency));
  return { rubric: plan.id, title: plan.model.title, principles, rows };
}

function lagging(views: readonly AgencyView[], count: number): LaggingDomain[] {
  return namedDomains.flatMap((domain) => {
    const withFigure = collect(views, (v) => {
      const d = v.domains.get(domain);
      return d && d.percent !== null ? { agency: v.name, name: d.name, percent: d.percent, gap: d.gap ?? 0 } : undefined;
    });
    const name = collect(views, (v) => v.domains.get(domain)?.name)[0];
    if (name === undefined) return [];
    const below = withFigure.filter((a) => a.gap > EPSILON).sort((a, b) => b.gap - a.gap || a.percent - b.percent || byText(a.agency, b.agency));
    return [{ domain, name, assessed: withFigure.length, below: below.length, agencies: below.slice(0, count).map(({ agency, percent, gap }) => ({ agency, percent, gap })) }];
  });
}

function indicatorGaps(plans: readonly RubricPlan[], views: readonly AgencyView[], minAgencies: number): IndicatorGap[] {
  const out: IndicatorGap[] = [];
  // Each agency's indicators, by rubric and id, in one pass over the agencies.
  const byRubric = new Map<string, Map<string, AgencyIndicator[]>>(plans.map((p) => [p.id, new Map()]));
  for (const v of views) {
    let rubric = '';
    let byId: Map<string, AgencyIndicator[]> | undefined;
    for (const i of v.indicators) {
      if (i.rubric !== rubric) {
        rubric = i.rubric;
        byId = v.rubrics.has(rubric) ? byRubric.get(rubric) : undefined;
      }
      if (!byId) continue;
      const list = byId.get(i.id);
      if (list) list.push(i);
      else byId.set(i.id, [i]);
    }
  }
  for (const plan of plans) {
    const byId = byRubric.get(plan.id)!;
    for (const id of [...byId.keys()].sort(byText)) {
      const found = byId.get(id)!;
      // One pass: this runs once per indicator over every agency.
      const percents: number[] = [];
      const gaps: number[] = [];
      let below = 0;
      for (const i of found) {
        if (!i.applicable || i.n < 1 || i.percent === null) continue;
        const gap = i.gap ?? 0;
        percents.push(i.percent);
        gaps.push(gap);
        if (gap > EPSILON) below++;
      }
      const rated = percents.length;
      const model = plan.modelIndicators.get(id) ?? found[0]!;
      const small = rated < minAgencies;
      const gap: IndicatorGap = {
        rubric: plan.id,
        indicator: id,
        principle: model.principle,
        domain: model.domain,
        text: model.text,
        critical: model.critical,
        assessed: found.length,
        rated,
        below,
        share: rated > 0 ? below / rated : null,
        mean: small || rated === 0 ? null : sortedMean(percents),
        meanGap: small || rated === 0 ? null : sortedMean(gaps),
      };
      if (rated === 0) gap.withheld = 'no-figures';
      else if (small) gap.withheld = 'small-cell';
      out.push(gap);
    }
  }
  return out.sort(
    (a, b) =>
      Number(a.withheld !== undefined) - Number(b.withheld !== undefined) ||
      b.below - a.below ||
      (b.share ?? 0) - (a.share ?? 0) ||
      (b.meanGap ?? 0) - (a.meanGap ?? 0) ||
      byText(a.rubric, b.rubric) ||
      byText(a.indicator, b.indicator),
  );
}

function perceptionGaps(views: readonly AgencyView[], plans: ReadonlyMap<string, RubricPlan>, minAgencies: number): RecurringPerceptionGap[] {
  const found = new Map<string, { rubric: string; principle: string; roles: [string, string]; differences: number[] }>();
  const names = new Map<string, string>();
  for (const v of views) {
    for (const role of v.record.roles) if (!names.has(role.role)) names.set(role.role, role.name);
    for (const g of v.record.perceptionGaps) {
      // Lens groups are not compared across agencies: agencies need not have sent them.
      if (g.rubric === null || g.facet !== null || !plans.has(g.rubric)) continue;
      // The role that rated higher comes first, so that a gap recurs only in the same direction.
      const swap = g.difference < 0;
      const roles: [string, string] = swap ? [g.roles[1], g.roles[0]] : [g.roles[0], g.roles[1]];
      const key = `${g.rubric}\u0000${g.principle}\u0000${roles[0]}\u0000${roles[1]}`;
      const entry = found.get(key) ?? { rubric: g.rubric, principle: g.principle, roles, differences: [] };
      entry.differences.push(swap ? -g.difference : g.difference);
      found.set(key, entry);
    }
  }
  // How many agencies could show each recurring gap: both roles with a figure. One
  // pass over the agencies, each looking up a pair of roles once for all its gaps.
  // A gap recurs in two agencies at least; and its mean difference is a network figure, so it needs as many as any other.
  const recurring = [...found.values()].filter((entry) => entry.differences.length >= Math.max(2, minAgencies));
  const byPair = new Map<string, { roles: [string, string]; entries: { key: string; comparable: number }[] }>();
  const tallies = recurring.map((entry) => {
    const pair = `${entry.roles[0]}\u0000${entry.roles[1]}`;
    const tally = { key: `${entry.rubric}/${entry.principle}`, comparable: 0 };
    const list = byPair.get(pair);
    if (list) list.entries.push(tally);
    else byPair.set(pair, { roles: entry.roles, entries: [tally] });
    return tally;
  });
  for (const v of views) {
    const roles = new Map(v.record.roles.map((r) => [r.role, r.principles]));
    for (const { roles: [first, second], entries } of byPair.values()) {
      const a = roles.get(first);
      const b = roles.get(second);
      if (!a || !b) continue;
      for (const t of entries) if (typeof a[t.key] === 'number' && typeof b[t.key] === 'number') t.comparable++;
    }
  }
  const out: RecurringPerceptionGap[] = [];
  for (const [k, entry] of recurring.entries()) {
    const comparable = tallies[k]!.comparable;
    out.push({
      rubric: entry.rubric,
      facet: null,
      principle: entry.principle,
      roles: entry.roles,
      roleNames: [names.get(entry.roles[0]) ?? entry.roles[0], names.get(entry.roles[1]) ?? entry.roles[1]],
      agencies: entry.differences.length,
      comparable: Math.max(comparable, entry.differences.length),
      meanDifference: distribution(entry.differences)!.mean,
    });
  }
  return out.sort(
    (a, b) =>
      b.agencies - a.agencies ||
      Math.abs(b.meanDifference) - Math.abs(a.meanDifference) ||
      byText(a.rubric ?? '', b.rubric ?? '') ||
      byText(a.principle, b.principle) ||
      byText(a.roles.join('/'), b.roles.join('/')),
  );
}

function networkLens(framework: Framework, views: readonly AgencyView[], minAgencies: number): NetworkLens {
  return {
    framework: framework.id,
    title: framework.title,
    facets: framework.facets.map((facet) => ({
      id: facet.id,
      name: facet.name,
      groups: facet.tags.map((tag) => {
        let assessed = 0;
        const values: number[] = [];
        for (const v of views) {
          const members = tagged(asScores(v.indicators), framework.id, facet.id, tag.id);
          if (members.length === 0) continue;
          assessed++;
          const { percent } = groupFigure(members, settingsOf(v.record));
          if (percent !== null) values.push(percent);
        }
        return networkFigure(tag.id, tag.name, values, assessed, minAgencies);
      }),
    })),
  };
}

// ---------------------------------------------------------------- the roll-up

/** What a duplicate input is, in words that name both inputs. */
export function duplicateWords(record: AgencyRecord, keptAs: AgencyRecord): string {
  return `"${record.agency}" (${record.cycle}, ${record.date}) is also in ${keptAs.source} (${keptAs.cycle}, ${keptAs.date}), which is the one used`;
}

export function aggregateNetwork(input: AggregateInput, options: AggregateOptions): NetworkResult {
  const minAgencies = options.minAgencies;
  const anonymize = options.anonymize === true;
  const { kept, duplicates } = dedupe(input.records);

  const codes = anonymize ? agencyCodes(kept.map((r) => r.agency), options.anonymizeKey ?? '') : null;
  const nameOf = (record: AgencyRecord) => (codes ? codeOf(codes, record.agency) : record.agency);
  const named = kept.map((record) => ({ name: nameOf(record), record })).sort((a, b) => byText(a.name, b.name) || byText(a.record.source, b.record.source));

  const plans = planRubrics(named);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const views = named.map(({ name, record }) => buildView(name, record, planById));

  const rubrics = plans.map((plan) => networkRubric(plan, views, minAgencies));

  // Domains across rubrics, in the order agencies list them.
  const domainOrder = new Map<string, { id: string; name: string; position: number }>();
  for (const v of views) {
    v.record.domains.forEach((d, position) => {
      const seen = domainOrder.get(d.id);
      if (!seen || position < seen.position) domainOrder.set(d.id, { id: d.id, name: seen?.name ?? d.name, position });
    });
  }
  const domainList = [...domainOrder.values()].sort((a, b) => a.position - b.position || byText(a.id, b.id));
  const byDomain = tallyGroups(domainList);
  for (const v of views) for (const d of v.domains.values()) count(byDomain.get(d.id), d.percent);
  const domains = figuresOf(domainList, byDomain, minAgencies);

  const scrub = (problem: InputProblem): InputProblem => (anonymize ? { code: problem.code, detail: '' } : problem);
  const faultCodes = anonymize ? agencyCodes([...input.failed.map((f) => f.source), ...duplicates.map((d) => d.record.source)], options.anonymizeKey ?? '', 'IN') : null;
  const faults: NetworkInputFault[] = [
    ...input.failed.map((f) => ({ source: faultCodes ? codeOf(faultCodes, f.source) : f.source, kind: f.kind, problem: scrub(f.problem) })),
    ...duplicates.map(({ record, keptAs }) => ({
      source: faultCodes ? codeOf(faultCodes, record.source) : record.source,
      kind: record.kind,
      problem: {
        code: 'duplicate-agency' as const,
        detail: anonymize ? `the same agency as ${nameOf(keptAs)}, which is the one used` : duplicateWords(record, keptAs),
      },
    })),
  ].sort((a, b) => byText(a.source, b.source) || byText(a.problem.code, b.problem.code));

  const included: NetworkAgency[] = views.map(({ name, record }) => ({
    agency: name,
    ...(anonymize ? {} : { source: record.source, cycle: record.cycle, date: record.date }),
    kind: record.kind,
    tiraVersion: record.tiraVersion,
    respondents: record.respondents,
    rubrics: record.rubrics.map((r) => ({ id: r.id, version: r.version })),
    warnings: record.warnings.map(scrub),
  }));

  return {
    format: 'tira-network',
    formatVersion: 1,
    tiraVersion: options.tiraVersion,
    generatedAt: options.generatedAt ?? null,
    settings: { minAgencies, anonymized: anonymize, by: input.framework?.id ?? null, laggingAgencies: options.laggingAgencies ?? 10 },
    rubrics,
    domains,
    lens: input.framework ? networkLens(input.framework, views, minAgencies) : null,
    heatmaps: plans.map((plan, i) => heatmap(plan, rubrics[i]!, views)),
    lagging: lagging(views, options.laggingAgencies ?? 10),
    indicatorGaps: indicatorGaps(plans, views, minAgencies),
    perceptionGaps: perceptionGaps(views, planById, minAgencies),
    coverage: {
      inputs: input.records.length + input.failed.length,
      agencies: views.length,
      failed: faults.length,
      respondents: views.reduce((s, v) => s + v.record.respondents, 0),
      included,
      faults,
      rubrics: plans.map((p) => p.compatibility),
    },
  };
}
