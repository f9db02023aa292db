// Types for the validators that scripts/build.js generates from schemas/ (see that script).
import type { ErrorObject } from 'ajv';

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const rubric: GeneratedValidator;
export const domainCatalog: GeneratedValidator;
export const scale: GeneratedValidator;
export const framework: GeneratedValidator;
export const termList: GeneratedValidator;
export const roleCatalog: GeneratedValidator;
export const assessment: GeneratedValidator;
export const responses: GeneratedValidator;
export const agencyExport: GeneratedValidator;

/** At most this many errors are kept by one validation (scripts/build.js bounds them). */
export const maxSchemaErrors: number;

/** The JSON Schemas the validators were compiled from, keyed by file name without `.schema.json`. */
export const schemaSources: Record<string, unknown>;
