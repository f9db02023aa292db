// Figures per role, with the small-cell rule: a role with fewer respondents than
// the threshold shows no figure anywhere, and when the hidden roles together hold
// fewer than the threshold, the smallest reportable roles are hidden too, so that
// nobody can work a hidden role's figures out by subtracting the shown ones from
// the overall figures. Per-role indicator figures are never produced.
import type { PerceptionGap, Perspectives, RolePerspective, ScoreSettings, Withheld } from '../model/score.js';
import type { Role } from '../model/workspace.js';
import { groupFigure, isRated, rubricFigure, type RatedFigures } from './groups.js';
import type { Response } from './responses.js';
import { EPSILON } from './settings.js';

export interface RoleCount {
  role: Role;
  /** Respondents of the role with at least one numeric rating. */
  respondents: number;
}

export type Visibility = { reportable: true } | { reportable: false; hidden: 'small-cell' | 'complementary' | 'no-respondents' };

/**
 * Which roles may show figures. Roles below the threshold are hidden; then, while
 * the hidden roles hold more than 0 and fewer than `threshold` respondents, the
 * smallest reportable staff role (the later one on a tie) is hidden as well, and
 * a role that rates from experience only when no staff role is left.
 */
export function decideVisibility(counts: readonly RoleCount[], threshold: number): Map<string, Visibility> {
  const out = new Map<string, Visibility>();
  let pool = 0;
  for (const { role, respondents } of counts) {
    if (respondents === 0) out.set(role.id, { reportable: false, hidden: 'no-respondents' });
    // A team's agreed rating (consensus) is no one person's answer: it shows, and
    // it is never a candidate for complementary hiding (it hides no person).
    else if (role.team === true) out.set(role.id, { reportable: true });
    else if (respondents < threshold) {
      out.set(role.id, { reportable: false, hidden: 'small-cell' });
      pool += respondents;
    } else out.set(role.id, { reportable: true });
  }
  while (pool > 0 && pool < threshold) {
    const candidates = counts.filter((c) => out.get(c.role.id)!.reportable && c.role.team !== true);
    if (candidates.length === 0) break;
    // Staff roles go first: the view of people served beside leadership's is what the
    // comparison is for, so it is the last to be hidden.
    const rank = (c: RoleCount) => (c.role.voice === 'experience' ? 1 : 0);
    const smallest = candidates.reduce((a, b) => (rank(b) < rank(a) || (rank(b) === rank(a) && b.respondents <= a.respondents) ? b : a));
    out.set(smallest.role.id, { reportable: false, hidden: 'complementary' });
    pool += smallest.respondents;
  }
  return out;
}

/** A group of indicators as perspectives see it: its id and the ids of its indicators. */
export interface GroupSpec {
  id: string;
  indicators: readonly string[];
}

export interface RoleView {
  role: Role;
  /** The role's own indicator figures (over its respondents only, applicable only where the role can judge). */
  indicators: ReadonlyMap<string, RatedFigures>;
  /** Each indicator's responses from this role. */
  responses: ReadonlyMap<string, readonly Response[]>;
}

/** Distinct respondents of the role with a numeric rating on any of the indicators. */
function ratersOf(view: RoleView, ids: readonly string[]): number {
  const bits = raterBitsOf(view);
  if (bits !== null) {
    let mask = 0;
    for (const id of ids) mask |= bits.get(id) ?? 0;
    return bitCount(mask);
  }
  const who = new Set<string>();
  for (const id of ids) for (const r of view.responses.get(id) ?? []) if (r.kind === 'rating') who.add(r.respondent);
  return who.size;
}

// Each indicator's raters in a view as bits, one per respondent of the role (when it
// has at most 31), so that counting a group's raters is an OR per indicator rather
// than a set of names: a roll-up counts them for every principle of every pair of roles.
const raterBits = new WeakMap<RoleView, ReadonlyMap<string, number> | null>();

function raterBitsOf(view: RoleView): ReadonlyMap<string, number> | null {
  let bits = raterBits.get(view);
  if (bits === undefined) {
    bits = ratingBits(view);
    raterBits.set(view, bits);
  }
  return bits;
}

function ratingBits(view: RoleView): Map<string, number> | null {
  const bitOf = new Map<string, number>();
  const out = new Map<string, number>();
  for (const [id, list] of view.responses) {
    let mask = 0;
    for (const r of list) {
      if (r.kind !== 'rating') continue;
      let bit = bitOf.get(r.respondent);
      if (bit === undefined) {
        if (bitOf.size === 31) return null;
        bit = bitOf.size;
        bitOf.set(r.respondent, bit);
      }
      mask |= 1 << bit;
    }
    out.set(id, mask);
  }
  return out;
}

function bitCount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function roleGroup(view: RoleView, ids: readonly string[], threshold: number, settings: ScoreSettings): { percent: number | null; withheld?: Withheld } {
  const scores = ids.map((id) => view.indicators.get(id)).filter((s): s is RatedFigures => s !== undefined);
  const figure = groupFigure(scores, settings);
  if (figure.withheld) return { percent: null, withheld: figure.withheld };
  if (ratersOf(view, ids) < threshold) return { percent: null, withheld: 'small-cell' };
  return { percent: figure.percent };
}

/**
 * True when at least `minGroupShare` of a rubric's principles (those with any
 * indicator) have a shown figure for the role, so that a role's rubric figure
 * covers at least half of what the rubric asks about.
 */
export function enoughPrinciples(
  specs: readonly GroupSpec[],
  figures: readonly { id: string; percent: number | null }[],
  settings: ScoreSettings,
): boolean {
  const counted = specs.filter((p) => p.indicators.length > 0);
  if (counted.length === 0) return false;
  const shown = counted.filter((p) => figures.find((f) => f.id === p.id)?.percent != null).length;
  return shown / counted.length + EPSILON >= settings.minGroupShare;
}

export interface PerspectiveInput {
  views: readonly RoleView[];
  counts: readonly RoleCount[];
  threshold: number;
  rubrics: readonly { id: string; principles: readonly GroupSpec[]; indicators: readonly string[] }[];
  /** The lens's first facet, when there is a lens. */
  lens: { facet: string; groups: readonly GroupSpec[] } | null;
  settings: ScoreSettings;
}

export function buildPerspectives(input: PerspectiveInput): Perspectives {
  const { threshold, settings } = input;
  const visibility = decideVisibility(input.counts, threshold);
  const roles: RolePerspective[] = input.views.map((view) => {
    const seen = visibility.get(view.role.id) ?? { reportable: false, hidden: 'no-respondents' as const };
    const head = { role: view.role.id, name: view.role.name, voice: view.role.voice };
    if (!seen.reportable) return { ...head, reportable: false, hidden: seen.hidden, respondents: null, rubrics: [], lens: [] };
    const count = input.counts.find((c) => c.role.id === view.role.id)!.respondents;
    const rubrics = input.rubrics.map((rubric) => {
      const principles = rubric.principles.map((p) => ({ id: p.id, ...roleGroup(view, p.indicators, threshold, settings) }));
      const scores = rubric.indicators.map((id) => view.indicators.get(id)).filter((s): s is RatedFigures => s !== undefined);
      let figure: { percent: number | null; withheld?: Withheld } = rubricFigure(scores, principles.map((p) => p.percent), settings);
      // The half rule once more, over principles: a role's rubric figure that rests on
      // one principle of five would pass for the role's view of the whole rubric.
      if (!figure.withheld && !enoughPrinciples(rubric.principles, principles, settings)) figure = { percent: null, withheld: 'too-few-answers' };
      if (!figure.withheld && ratersOf(view, rubric.indicators) < threshold) figure = { percent: null, withheld: 'small-cell' };
      return { id: rubric.id, percent: figure.percent, ...(figure.withheld ? { withheld: figure.withheld } : {}), principles };
    });
    const lens = input.lens ? input.lens.groups.map((g) => ({ facet: input.lens!.facet, id: g.id, ...roleGroup(view, g.indicators, threshold, settings) })) : [];
    return { ...head, reportable: true, respondents: count, rubrics, lens };
  });
  return { smallCellThreshold: threshold, roles, gaps: perceptionGaps(roles, input) };
}

/** Leadership against people served comes first: the gap between how an agency sees itself and how it is lived. */
function pairRank(a: string, b: string): number {
  return (a === 'leadership' && b === 'person-served') || (a === 'person-served' && b === 'leadership') ? 0 : 1;
}

/**
 * Two roles' figures on one group over the indicators both rated, each the
 * weight-weighted mean of its own ratings there: a role that rated one indicator
 * of a principle and a role that rated two are compared on that one. Null when
 * they share no rated indicator, or when either role's figure there would rest on
 * fewer than `threshold` of its respondents.
 */
export function sharedFigures(a: RoleView, b: RoleView, ids: readonly string[], threshold: number, settings: ScoreSettings): { percents: [number, number]; indicators: number } | null {
  const rated = (view: RoleView, id: string) => {
    const score = view.indicators.get(id);
    return score !== undefined && isRated(score);
  };
  const shared = ids.filter((id) => rated(a, id) && rated(b, id));
  if (shared.length === 0) return null;
  if (ratersOf(a, shared) < threshold || ratersOf(b, shared) < threshold) return null;
  const pa = groupFigure(shared.map((id) => a.indicators.get(id)!), settings).percent;
  const pb = groupFigure(shared.map((id) => b.indicators.get(id)!), settings).percent;
  if (pa === null || pb === null) return null;
  return { percents: [pa, pb], indicators: shared.length };
}

/**
 * Every pair of reportable roles whose figures on a principle (or lens tag), both
 * shown, differ by `perceptionGap` points or more when recomputed over the
 * indicators both roles rated (see sharedFigures); leadership against people
 * served first, then the largest difference first.
 */
export function perceptionGaps(roles: readonly RolePerspective[], input: Pick<PerspectiveInput, 'views' | 'rubrics' | 'lens' | 'threshold' | 'settings'>): PerceptionGap[] {
  const { settings, threshold } = input;
  const shown = roles.filter((r) => r.reportable);
  const viewOf = new Map(input.views.map((v) => [v.role.id, v]));
  const specs = new Map<string, readonly string[]>();
  for (const r of input.rubrics) for (const p of r.principles) specs.set(`${r.id}\u0000${p.id}`, p.indicators);
  for (const g of input.lens?.groups ?? []) specs.set(`\u0001${input.lens!.facet}\u0000${g.id}`, g.indicators);
  const out: { gap: PerceptionGap; order: number }[] = [];
  let order = 0;
  const consider = (rubric: string | null, facet: string | null, principle: string, a: RolePerspective, pa: number | null, b: RolePerspective, pb: number | null) => {
    order += 1;
    // Only where both roles show a figure of their own: the small-cell and half rules hold first.
    if (pa === null || pb === null) return;
    const ids = specs.get(rubric !== null ? `${rubric}\u0000${principle}` : `\u0001${facet}\u0000${principle}`) ?? [];
    const va = viewOf.get(a.role);
    const vb = viewOf.get(b.role);
    if (!va || !vb) return;
    const figures = sharedFigures(va, vb, ids, threshold, settings);
    if (!figures) return;
    // Leadership is always the first role of its pair, so that the difference reads "leadership minus others".
    const swap = b.role === 'leadership';
    const [first, second] = swap ? [b, a] : [a, b];
    const [p1, p2] = swap ? [figures.percents[1], figures.percents[0]] : figures.percents;
    const difference = p1 - p2;
    if (Math.abs(difference) + EPSILON < settings.perceptionGap) return;
    out.push({ gap: { rubric, facet, principle, roles: [first.role, second.role], percents: [p1, p2], difference, indicators: figures.indicators }, order });
  };
  for (let i = 0; i < shown.length; i += 1) {
    for (let j = i + 1; j < shown.length; j += 1) {
      const a = shown[i]!;
      const b = shown[j]!;
      a.rubrics.forEach((ra) => {
        const rb = b.rubrics.find((r) => r.id === ra.id);
        if (!rb) return;
        for (const pa of ra.principles) consider(ra.id, null, pa.id, a, pa.percent, b, rb.principles.find((p) => p.id === pa.id)?.percent ?? null);
      });
      for (const la of a.lens) consider(null, la.facet, la.id, a, la.percent, b, b.lens.find((l) => l.facet === la.facet && l.id === la.id)?.percent ?? null);
    }
  }
  return out
    .sort(
      (x, y) =>
        pairRank(...x.gap.roles) - pairRank(...y.gap.roles) ||
        Math.abs(y.gap.difference) - Math.abs(x.gap.difference) ||
        x.order - y.order,
    )
    .map(({ gap }) => gap);
}
