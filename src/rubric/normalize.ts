// Builds the normalized rubric from a rubric file and the catalogs it names:
// catalogs are inlined, defaults applied (weight 1, critical false), and tag
// values always lists. Pure: the loader has already read and checked every file.
import { at, type CatalogPart, type IndicatorTags, type LoadedRubric, type Origin, type Scale } from '../model/rubric.js';
import type { Domain, TiraDomainCatalog, TiraFrameworkCatalog, TiraRatingScale, TiraRubric } from '../model/schema-types.generated.js';

/** A file that passed its schema check, with the data read from it. */
export interface CheckedFile<T = unknown> {
  file: string;
  data: T;
}

export interface ResolvedCatalogs {
  scale?: CheckedFile<TiraRatingScale>;
  experienceScale?: CheckedFile<TiraRatingScale>;
  domains?: CheckedFile<TiraDomainCatalog>;
  frameworks: CheckedFile<TiraFrameworkCatalog>[];
}

export function normalizeRubric(source: CheckedFile<TiraRubric>, catalogs: ResolvedCatalogs, unresolved: CatalogPart[] = []): LoadedRubric {
  const { data, file } = source;
  const here: Origin = { file, path: [] };

  let scale: Scale;
  let scaleOrigin: Origin;
  if (typeof data.scale === 'string') {
    const catalog = catalogs.scale?.data;
    scale = { id: catalog?.id, title: catalog?.title, levels: catalog?.levels ?? [] };
    scaleOrigin = catalogs.scale ? { file: catalogs.scale.file, path: [] } : at(here, 'scale');
  } else {
    scale = { ...data.scale };
    scaleOrigin = at(here, 'scale');
  }

  let experienceScale: Scale | undefined;
  if (typeof data.experienceScale === 'string') {
    const catalog = catalogs.experienceScale?.data;
    if (catalog) experienceScale = { id: catalog.id, title: catalog.title, levels: catalog.levels };
  } else if (data.experienceScale) {
    experienceScale = { ...data.experienceScale };
  }

  let domains: Domain[];
  let domainsOrigin: Origin;
  if (typeof data.domains === 'string') {
    domains = catalogs.domains?.data.domains ?? [];
    domainsOrigin = catalogs.domains ? { file: catalogs.domains.file, path: ['domains'] } : at(here, 'domains');
  } else {
    domains = data.domains;
    domainsOrigin = at(here, 'domains');
  }

  const indicators = data.indicators.map((indicator) => ({
    id: indicator.id,
    principle: indicator.principle,
    domain: indicator.domain,
    text: indicator.text,
    weight: indicator.weight ?? 1,
    critical: indicator.critical ?? false,
    evidence: indicator.evidence,
    actions: indicator.actions,
    anchors: indicator.anchors ?? {},
    tags: normalizeTags(indicator.tags),
    ...(indicator.raters ? { raters: indicator.raters } : {}),
    experience: indicator.experience ?? {},
    ...(indicator.notApplicableWhen ? { notApplicableWhen: indicator.notApplicableWhen } : {}),
  }));

  return {
    rubric: {
      id: data.id,
      version: data.version,
      title: data.title,
      description: data.description,
      file,
      sources: data.sources,
      scale,
      ...(experienceScale ? { experienceScale } : {}),
      principles: data.principles,
      ...(catalogs.domains && typeof data.domains === 'string' ? { domainCatalog: catalogs.domains.data.id } : {}),
      domains,
      frameworks: catalogs.frameworks.map(({ data: f }) => ({
        id: f.id,
        title: f.title,
        ...(f.description ? { description: f.description } : {}),
        sources: f.sources,
        facets: f.facets,
      })),
      stages: data.stages,
      ...(data.criticalGate ? { criticalGate: data.criticalGate } : {}),
      indicators,
    },
    origins: {
      rubric: here,
      scale: scaleOrigin,
      levels: scale.levels.map((_, i) => at(scaleOrigin, 'levels', i)),
      principles: data.principles.map((_, i) => at(here, 'principles', i)),
      domains: domains.map((_, i) => at(domainsOrigin, i)),
      frameworks: catalogs.frameworks.map((f) => ({ file: f.file, path: [] })),
      stages: data.stages.map((_, i) => at(here, 'stages', i)),
      indicators: data.indicators.map((_, i) => at(here, 'indicators', i)),
    },
    unresolved,
  };
}

// Object.fromEntries defines own properties, so even a key such as "__proto__"
// could not reach a prototype here (the schema rejects such keys anyway).
function normalizeTags(tags: Record<string, Record<string, string | string[]>> | undefined): IndicatorTags {
  return Object.fromEntries(
    Object.entries(tags ?? {}).map(([framework, facets]) => [
      framework,
      Object.fromEntries(Object.entries(facets).map(([facet, value]) => [facet, Array.isArray(value) ? value : [value]])),
    ]),
  );
}
