// A framework as a lens: the same indicator results grouped by the framework's
// facets (SAMHSA 2014's six principles and ten implementation domains, say). An
// indicator tagged with two tags of a facet counts in both groups.
import type { Framework, Rubric } from '../model/rubric.js';
import type { CoverageFigures, IndicatorScore, Lens, LensCell, ScoreSettings } from '../model/score.js';
import { coverageOf } from './coverage.js';
import { scoreGroup } from './groups.js';

/** The frameworks the rubrics carry, by id (the first rubric's copy of each). */
export function frameworksOf(rubrics: readonly Rubric[]): Map<string, Framework> {
  const out = new Map<string, Framework>();
  for (const rubric of rubrics) for (const f of rubric.frameworks) if (!out.has(f.id)) out.set(f.id, f);
  return out;
}

export function tagged(indicators: readonly IndicatorScore[], framework: string, facet: string, tag: string): IndicatorScore[] {
  return indicators.filter((i) => i.tags[framework]?.[facet]?.includes(tag) ?? false);
}

export function buildLens(framework: Framework, indicators: readonly IndicatorScore[], settings: ScoreSettings): Lens {
  const facets = framework.facets.map((facet) => ({
    id: facet.id,
    name: facet.name,
    groups: facet.tags.map((tag) => scoreGroup(tag.id, tag.name, tagged(indicators, framework.id, facet.id, tag.id), settings)),
  }));
  let matrix: Lens['matrix'] = null;
  const [rows, columns] = framework.facets;
  if (rows && columns) {
    const cells: LensCell[] = [];
    for (const row of rows.tags) {
      const inRow = tagged(indicators, framework.id, rows.id, row.id);
      for (const column of columns.tags) {
        // Keys set on the group's own object: see scoreRubric on spreads.
        const cell = scoreGroup(`${row.id}/${column.id}`, `${row.name} / ${column.name}`, tagged(inRow, framework.id, columns.id, column.id), settings) as LensCell;
        cell.row = row.id;
        cell.column = column.id;
        cells.push(cell);
      }
    }
    matrix = { rows: rows.id, columns: columns.id, cells };
  }
  return { framework: framework.id, title: framework.title, facets, matrix };
}

export function lensCoverage(framework: Framework, indicators: readonly IndicatorScore[], settings: ScoreSettings): ({ facet: string; id: string } & CoverageFigures)[] {
  return framework.facets.flatMap((facet) =>
    facet.tags.map((tag) => ({ facet: facet.id, id: tag.id, ...coverageOf(tagged(indicators, framework.id, facet.id, tag.id), settings) })),
  );
}
