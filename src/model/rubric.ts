// The normalized rubric: what a rubric file means once its catalogs are resolved
// and defaults applied. This is what `tira rubrics show --json` prints and what
// scoring and reports work from. The shapes of the files themselves are generated
// from the JSON Schemas into schema-types.generated.ts.
import type { JsonPath } from './finding.js';
import type {
  Domain,
  FrameworkFacet,
  Level,
  Principle,
  Source,
  Stage,
  Indicator as IndicatorInFile,
} from './schema-types.generated.js';

export type { Domain, Level, Principle, Source, Stage };

export interface Scale {
  id?: string;
  title?: string;
  levels: Level[];
}

/** Tags an indicator carries: framework id → facet id → tag ids. */
export type IndicatorTags = Record<string, Record<string, string[]>>;

export interface Indicator extends Omit<IndicatorInFile, 'weight' | 'critical' | 'anchors' | 'tags' | 'experience'> {
  weight: number;
  critical: boolean;
  /** Wording per scale value, keyed by the value as a string; empty when the rubric gives none. */
  anchors: Record<string, string>;
  tags: IndicatorTags;
  /** First-person wording per experience role (person-served, family-member); empty when the rubric gives none. */
  experience: Record<string, string>;
}

export interface Framework {
  id: string;
  title: string;
  description?: string;
  sources: Source[];
  facets: FrameworkFacet[];
}

export interface Rubric {
  id: string;
  version: string;
  title: string;
  description: string;
  /** The file the rubric was read from, as given to the loader. */
  file: string;
  sources: Source[];
  scale: Scale;
  /** The scale experience roles answer on; present when the rubric names one. */
  experienceScale?: Scale;
  principles: Principle[];
  /** Id of the shared domain catalog, when the domains come from one. */
  domainCatalog?: string;
  domains: Domain[];
  frameworks: Framework[];
  stages: Stage[];
  /** Reaching `stage` or above needs every critical indicator at or above `minLevel`. */
  criticalGate?: { stage: string; minLevel: number };
  indicators: Indicator[];
}

/** Where a part of the rubric was written: a file and a path inside it. */
export interface Origin {
  file: string;
  path: JsonPath;
}

/**
 * Where each part of a normalized rubric came from, index for index, so that a
 * rule can point at the right file and line even when a part comes from a catalog.
 */
export interface RubricOrigins {
  rubric: Origin;
  scale: Origin;
  levels: Origin[];
  principles: Origin[];
  domains: Origin[];
  frameworks: Origin[];
  stages: Origin[];
  indicators: Origin[];
}

/** A part of a rubric that comes from a catalog file. */
export type CatalogPart = 'scale' | 'experienceScale' | 'domains' | 'frameworks';

export interface LoadedRubric {
  rubric: Rubric;
  origins: RubricOrigins;
  /**
   * Parts whose catalog could not be read (missing, of the wrong kind, or with
   * errors of its own): they are empty here, and rules that need them skip them,
   * so that the rubric's other problems are still reported.
   */
  unresolved: CatalogPart[];
}

/** The origin of a value below another: `at(o, 'levels', 2)`. */
export function at(origin: Origin, ...path: JsonPath): Origin {
  return { file: origin.file, path: [...origin.path, ...path] };
}
