// The semantic checks that run after the schema check.
// Adding a rule: write it in its own file and add it to one of these lists.
import { anchorLevels } from './anchors.js';
import { assessmentSettings } from './assessment.js';
import { criticalGate } from './critical-gate.js';
import { duplicateIds } from './duplicate-ids.js';
import { experienceRoleCannotJudge, experienceScaleMissing } from './experience.js';
import { indicatorReferences } from './indicator-references.js';
import { personFirstLanguage } from './person-first-language.js';
import { roleReferences } from './roles.js';
import { scaleValues } from './scale-values.js';
import { stageThresholds } from './stage-thresholds.js';
import { frameworkTags } from './tags.js';
import type { CrossFileRule, FileRule, RubricRule } from './types.js';
import { uniqueAcrossRubrics } from './unique-across-rubrics.js';
import { weightPositive } from './weight-positive.js';

export type { CrossFileRule, FileRule, RubricRule, RubricSummary, RuleContext } from './types.js';

export const fileRules: readonly FileRule[] = [duplicateIds, scaleValues, stageThresholds, weightPositive, personFirstLanguage, assessmentSettings];

export const rubricRules: readonly RubricRule[] = [
  indicatorReferences,
  anchorLevels,
  frameworkTags,
  experienceScaleMissing,
  experienceRoleCannotJudge,
  roleReferences,
  criticalGate,
];

export const crossFileRules: readonly CrossFileRule[] = [uniqueAcrossRubrics];
