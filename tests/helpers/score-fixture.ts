// A hand-made score result over the bundled rubrics, for testing reporters before
// and apart from the scoring engine. It is not scoring: figures are drawn from a
// seeded generator, then groups are summed the way score.ts describes, so that
// the result is consistent enough to read. It exercises what reports must handle:
// a suppressed role, withheld figures, critical gaps, disagreements, don't-know
// findings, perception gaps and low coverage.
import { bundledRubricsDir, bundledTermList } from '../../src/paths.js';
import { loadFiles } from '../../src/rubric/load.js';
import type { Rubric } from '../../src/model/rubric.js';
import type {
  CellScore,
  GroupScore,
  IndicatorScore,
  PrincipleScore,
  RubricScore,
  ScoreResult,
  StageResult,
} from '../../src/model/score.js';
import type { ReportMeta } from '../../src/reporters/report/types.js';
import { join } from 'node:path';

export interface FixtureOptions {
  rubricIds?: string[];
  agency?: string;
  seed?: number;
  /** Replace one indicator's text, in the result and in the rubric, to test escaping of rubric text. */
  indicatorText?: { id: string; text: string };
  smallCellThreshold?: number;
  lens?: boolean;
}

const ROLES = [
  { role: 'leadership', name: 'Leadership', respondents: 4 },
  { role: 'clinical-staff', name: 'Clinical staff', respondents: 9 },
  // Below the threshold: its figures must appear nowhere.
  { role: 'support-staff', name: 'Support staff', respondents: 2 },
  { role: 'person-served', name: 'People served', respondents: 7 },
];

/** Suppressed role figures that must never leak: distinctive values tests look for. */
export const SUPPRESSED_ROLE = 'support-staff';

export async function loadBundledRubrics(ids: readonly string[]): Promise<Rubric[]> {
  const files = ids.map((id) => join(bundledRubricsDir, `${id}.yaml`));
  const { rubrics } = await loadFiles(files, { cwd: process.cwd(), termListFile: bundledTermList });
  return ids.map((id) => {
    const found = rubrics.find((r) => r.rubric.id === id);
    if (!found) throw new Error(`bundled rubric ${id} did not load`);
    return structuredClone(found.rubric);
  });
}

function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stageFor(rubric: Rubric, percent: number | null, criticalBelow: string[]): StageResult | null {
  if (percent === null) return null;
  let reached = rubric.stages[0]!;
  for (const s of rubric.stages) if (percent >= s.minPercent) reached = s;
  const gate = rubric.criticalGate;
  if (gate && criticalBelow.length > 0) {
    const gateIndex = rubric.stages.findIndex((s) => s.id === gate.stage);
    const reachedIndex = rubric.stages.indexOf(reached);
    if (gateIndex >= 0 && reachedIndex >= gateIndex) {
      const capped = rubric.stages[gateIndex - 1]!;
      return { id: capped.id, name: capped.name, cappedFrom: { id: reached.id, name: reached.name }, heldBy: criticalBelow };
    }
  }
  return { id: reached.id, name: reached.name, heldBy: [] };
}

function group(id: string, name: string, members: IndicatorScore[], target: number): GroupScore {
  const applicable = members.length;
  const ratedMembers = members.filter((m) => m.percent !== null);
  const rated = ratedMembers.length;
  const share = applicable === 0 ? 0 : rated / applicable;
  if (applicable === 0) return { id, name, percent: null, withheld: 'not-assessed', applicable, rated, share, gap: null };
  if (share < 0.5) return { id, name, percent: null, withheld: 'too-few-answers', applicable, rated, share, gap: null };
  const weight = ratedMembers.reduce((s, m) => s + m.weight, 0);
  const percent = ratedMembers.reduce((s, m) => s + m.percent! * m.weight, 0) / weight;
  return { id, name, percent, applicable, rated, share, gap: Math.max(0, target - percent) };
}

export async function buildScoreFixture(options: FixtureOptions = {}): Promise<{ result: ScoreResult; meta: ReportMeta }> {
  const rubrics = await loadBundledRubrics(options.rubricIds ?? ['tic', 'rosc']);
  const random = generator(options.seed ?? 15);
  const targetLevel = 3;
  const threshold = options.smallCellThreshold ?? 3;
  if (options.indicatorText) {
    for (const r of rubrics) for (const ind of r.indicators) if (ind.id === options.indicatorText.id) ind.text = options.indicatorText.text;
  }

  const indicators: IndicatorScore[] = [];
  const rubricScores: RubricScore[] = [];
  for (const [ri, rubric] of rubrics.entries()) {
    const top = rubric.scale.levels.at(-1)!.value;
    const targetPercent = (targetLevel / top) * 100;
    // Each rubric has a lean: the first does middling, the second worse.
    const lean = ri === 0 ? 2.1 : 1.5;
    const own: IndicatorScore[] = [];
    for (const [ii, ind] of rubric.indicators.entries()) {
      // One principle of the second rubric and one cell of the first go mostly unrated: withheld figures.
      const unrated =
        (ri === 1 && ind.principle === rubric.principles[4]?.id && ii % 4 !== 0) ||
        (ri === 0 && ind.principle === 'choice' && ind.domain === 'funding-metrics');
      const n = unrated ? 0 : 3 + Math.floor(random() * 10);
      const unknown = Math.floor(random() * random() * 6);
      const na = ii % 11 === 0 ? 1 : 0;
      let mean = Math.min(top, Math.max(0, lean + (random() - 0.5) * 3.2));
      if (ind.critical && ii % 2 === 0) mean = Math.min(mean, 1.4);
      const spread = random() < 0.12 ? 4 : 1 + Math.floor(random() * 3);
      const min = Math.max(0, Math.round(mean - spread / 2));
      const max = Math.min(top, min + spread);
      const sd = spread / 2.6;
      const percent = n === 0 ? null : (mean / top) * 100;
      const gap = percent === null ? null : Math.max(0, targetPercent - percent);
      own.push({
        id: ind.id,
        rubric: rubric.id,
        principle: ind.principle,
        domain: ind.domain,
        text: ind.text,
        weight: ind.weight,
        critical: ind.critical,
        n,
        mean: n === 0 ? null : mean,
        sd: n === 0 ? null : sd,
        min: n === 0 ? null : min,
        max: n === 0 ? null : max,
        percent,
        rwg: n < 3 ? null : Math.max(0, 1 - (sd * sd) / 2),
        gap,
        gapPoints: gap === null ? null : (gap / 100) * top,
        na,
        unknown,
        skipped: ii % 7 === 0 ? 1 : 0,
        unanswered: ii % 5 === 0 ? 2 : 0,
        dontKnowRate: n + unknown === 0 ? null : unknown / (n + unknown),
      });
    }
    indicators.push(...own);

    const principles: PrincipleScore[] = rubric.principles.map((p) => {
      const g = group(p.id, p.name, own.filter((i) => i.principle === p.id), targetPercent);
      const below = own.filter((i) => i.principle === p.id && i.critical && i.mean !== null && i.mean < (rubric.criticalGate?.minLevel ?? 3)).map((i) => i.id);
      return { ...g, stage: stageFor(rubric, g.percent, below), rwg: g.percent === null ? null : 0.55 + random() * 0.4 };
    });
    const domains = rubric.domains
      .filter((d) => own.some((i) => i.domain === d.id))
      .map((d) => group(d.id, d.name, own.filter((i) => i.domain === d.id), targetPercent));
    const matrix: CellScore[] = rubric.principles.flatMap((p) =>
      rubric.domains.flatMap((d) => {
        const members = own.filter((i) => i.principle === p.id && i.domain === d.id);
        if (members.length === 0) return [];
        return [{ ...group(`${p.id}.${d.id}`, `${p.name} / ${d.name}`, members, targetPercent), principle: p.id, domain: d.id }];
      }),
    );
    const shown = principles.filter((p) => p.percent !== null);
    const percent = shown.length === 0 ? null : shown.reduce((s, p) => s + p.percent!, 0) / shown.length;
    const criticalBelow = own.filter((i) => i.critical && i.mean !== null && i.mean < (rubric.criticalGate?.minLevel ?? 3)).map((i) => i.id);
    rubricScores.push({
      id: rubric.id,
      version: rubric.version,
      title: rubric.title,
      percent,
      stage: stageFor(rubric, percent, criticalBelow),
      targetPercent,
      principles,
      domains,
      matrix,
    });
  }

  const allDomains = rubrics[0]!.domains.map((d) => group(d.id, d.name, indicators.filter((i) => i.domain === d.id), 75));
  const priorities = indicators
    .filter((i) => i.gap !== null && i.gap > 0)
    .sort((a, b) => Number(b.critical) - Number(a.critical) || b.gap! * b.weight - a.gap! * a.weight || a.id.localeCompare(b.id))
    .map((i, k) => ({ indicator: i.id, rubric: i.rubric, critical: i.critical, gap: i.gap!, weight: i.weight, rank: k + 1 }));
  const disagreements = indicators
    .filter((i) => i.min !== null && i.max !== null && i.max - i.min >= 3)
    .map((i) => ({ indicator: i.id, rubric: i.rubric, n: i.n, min: i.min!, max: i.max!, spread: i.max! - i.min!, rwg: i.rwg }));
  const dontKnow = indicators
    .filter((i) => i.dontKnowRate !== null && i.dontKnowRate >= 0.3 && i.unknown >= 2)
    .map((i) => ({ indicator: i.id, rubric: i.rubric, unknown: i.unknown, rate: i.dontKnowRate! }));

  const roles = ROLES.map((r) => {
    const reportable = r.respondents >= threshold;
    return {
      role: r.role,
      name: r.name,
      reportable,
      respondents: reportable ? r.respondents : null,
      rubrics: rubricScores.map((rs) => ({
        id: rs.id,
        percent: reportable && rs.percent !== null ? Math.min(100, Math.max(0, rs.percent + (random() - 0.5) * 30)) : null,
        principles: rs.principles.map((p) => ({
          id: p.id,
          percent: reportable && p.percent !== null ? Math.min(100, Math.max(0, p.percent + (random() - 0.5) * 40)) : null,
        })),
      })),
    };
  });
  const leadership = roles.find((r) => r.role === 'leadership')!;
  const served = roles.find((r) => r.role === 'person-served')!;
  const gaps = leadership.rubrics.flatMap((lr, k) =>
    lr.principles.flatMap((lp, j) => {
      const sp = served.rubrics[k]!.principles[j]!;
      if (lp.percent === null || sp.percent === null) return [];
      const difference = lp.percent - sp.percent;
      return Math.abs(difference) >= 15 ? [{ rubric: lr.id, principle: lp.id, roles: ['leadership', 'person-served'] as [string, string], difference }] : [];
    }),
  );

  const coverageFor = (id: string, share: number) => ({
    id,
    answered: Math.round(share * 400),
    na: 6,
    unknown: 30,
    skipped: 4,
    unanswered: Math.round((1 - share) * 400),
    share,
    low: share < 0.6,
  });

  const lens: ScoreResult['lens'] = options.lens
    ? {
        framework: 'samhsa-2014',
        title: rubrics[0]!.frameworks[0]!.title,
        facets: rubrics[0]!.frameworks[0]!.facets.map((f) => ({
          id: f.id,
          name: f.name,
          groups: f.tags.map((v) =>
            group(
              v.id,
              v.name,
              indicators.filter((i) => {
                const tags = rubrics.flatMap((r) => r.indicators).find((x) => x.id === i.id)?.tags['samhsa-2014']?.[f.id] ?? [];
                return tags.includes(v.id);
              }),
              75,
            ),
          ),
        })),
      }
    : null;

  const result: ScoreResult = {
    format: 'tira-score',
    formatVersion: 1,
    tiraVersion: '0.1.0',
    agency: options.agency ?? 'Riverbend Community Services',
    cycle: '2025 baseline',
    date: '2025-03-14',
    targetLevel,
    lens,
    rubrics: rubricScores,
    domains: allDomains,
    indicators,
    priorities,
    disagreements,
    dontKnow,
    perspectives: { smallCellThreshold: threshold, roles, gaps },
    coverage: {
      respondents: ROLES.reduce((s, r) => s + r.respondents, 0),
      rubrics: rubricScores.map((r, i) => coverageFor(r.id, i === 0 ? 0.82 : 0.54)),
      domains: allDomains.map((d, i) => coverageFor(d.id, i === 3 ? 0.48 : 0.7 + (i % 3) * 0.08)),
    },
  };
  return { result, meta: { tiraVersion: '0.1.0', generatedAt: '2025-03-15T09:30:00.000Z', rubrics } };
}
