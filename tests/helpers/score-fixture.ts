// A synthetic workspace over the bundled rubrics, scored by the real engine, for
// testing reporters apart from any workspace on disk. Answers come from a seeded
// generator, shaped so that the result has what reports must handle: a
// suppressed role, withheld figures, critical gaps, disagreements, don't-know
// findings, perception gaps, low coverage and notes.
import type { Rubric } from '../../src/model/rubric.js';
import type { ScoreResult } from '../../src/model/score.js';
import type { Assessment, LatestAnswer, RespondentAnswers, Workspace } from '../../src/model/workspace.js';
import { bundledRubricsDir, bundledTermList } from '../../src/paths.js';
import { collectNotes } from '../../src/reporters/report/notes.js';
import type { ReportMeta } from '../../src/reporters/report/types.js';
import { loadFiles } from '../../src/rubric/load.js';
import { canJudge } from '../../src/rubric/raters.js';
import { scoreAssessment } from '../../src/scoring/score.js';
import { loadBundledRoles } from '../../src/workspace/read-workspace.js';
import { join } from 'node:path';

export interface FixtureOptions {
  rubricIds?: string[];
  agency?: string;
  seed?: number;
  /** Replace one indicator's text in the rubric, to test escaping of rubric text. */
  indicatorText?: { id: string; text: string };
  /** A note every respondent of a reportable role leaves on the first indicator they rate. */
  note?: string;
  /** A note the respondents of the suppressed role leave: no report may quote it. */
  suppressedNote?: string;
  lens?: string;
}

/** Respondents per role: support staff stay below the threshold of 3, so none of their figures may appear. */
export const FIXTURE_ROLES: Record<string, number> = {
  leadership: 4,
  'clinical-staff': 9,
  'support-staff': 2,
  'peer-specialist': 3,
  'person-served': 7,
};
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

export async function buildFixtureWorkspace(options: FixtureOptions = {}): Promise<Workspace> {
  const rubrics = await loadBundledRubrics(options.rubricIds ?? ['tic', 'rosc']);
  if (options.indicatorText) {
    for (const r of rubrics) for (const ind of r.indicators) if (ind.id === options.indicatorText.id) ind.text = options.indicatorText.text;
  }
  const allRoles = await loadBundledRoles();
  const roles = allRoles.filter((r) => r.id in FIXTURE_ROLES);
  const random = generator(options.seed ?? 15);
  const assessment: Assessment = {
    agency: options.agency ?? 'Riverbend Community Services',
    cycle: '2025 baseline',
    date: '2025-03-14',
    rubrics: rubrics.map((r) => ({ id: r.id, version: r.version, file: `tira:${r.id}.yaml` })),
    targetLevel: 3,
    smallCellThreshold: 3,
    roles,
  };

  const respondents: RespondentAnswers[] = [];
  for (const role of roles) {
    for (let k = 1; k <= FIXTURE_ROLES[role.id]!; k++) {
      const answers = new Map<string, LatestAnswer>();
      // Leadership sees the agency more kindly than people served do: perception gaps.
      const lean = role.id === 'leadership' ? 0.9 : role.id === 'person-served' ? -0.7 : 0;
      let noted = false;
      for (const [ri, rubric] of rubrics.entries()) {
        const base = ri === 0 ? 2.5 : 1.7;
        for (const [ii, ind] of rubric.indicators.entries()) {
          if (!canJudge(ind, role)) continue;
          // A principle of the second rubric and one cell of the first go mostly unanswered: withheld figures.
          if (ri === 1 && ind.principle === rubric.principles[4]?.id && ii % 4 !== 0) continue;
          if (ri === 0 && ind.principle === 'choice' && ind.domain === 'funding-metrics') continue;
          // The second rubric is answered by fewer people: low coverage.
          if (ri === 1 && random() < 0.45) continue;
          const roll = random();
          let value: LatestAnswer['value'];
          if (ind.domain === 'funding-metrics' && roll < 0.35) value = 'unknown';
          else if (roll < 0.05) value = 'unknown';
          else if (roll < 0.07) value = 'na';
          else if (roll < 0.09) value = 'skipped';
          else {
            // Every seventh practice splits the team: some rate it 0, others 4.
            const split = ii % 9 === 3 ? (random() < 0.5 ? 0 : 4) : null;
            const critical = ind.critical && ii % 2 === 0 ? -1.2 : 0;
            const drawn = base + lean + critical + (random() - 0.5) * 1.6;
            value = split ?? Math.max(0, Math.min(4, Math.round(drawn)));
          }
          const answer: LatestAnswer = { value, at: '2025-03-10T10:00:00.000Z' };
          const note = role.id === SUPPRESSED_ROLE ? options.suppressedNote : options.note;
          if (note && !noted && typeof value === 'number') {
            answer.note = note;
            noted = true;
          }
          answers.set(ind.id, answer);
        }
      }
      respondents.push({
        id: `${role.id}-${k}`,
        role: role.id,
        rubrics: Object.fromEntries(rubrics.map((r) => [r.id, r.version])),
        created: '2025-03-01T09:00:00.000Z',
        answers,
        lastActivity: '2025-03-10T10:00:00.000Z',
        events: answers.size,
      });
    }
  }
  return { dir: 'fixture', path: '/nonexistent/fixture', assessment, rubrics, respondents, warnings: [] };
}

export const FIXTURE_GENERATED_AT = '2025-03-15T09:30:00.000Z';

export async function buildScoreFixture(options: FixtureOptions = {}): Promise<{ result: ScoreResult; meta: ReportMeta; workspace: Workspace }> {
  const workspace = await buildFixtureWorkspace(options);
  const result = scoreAssessment(workspace, { tiraVersion: '0.1.0', generatedAt: FIXTURE_GENERATED_AT, ...(options.lens ? { lens: options.lens } : {}) });
  const meta: ReportMeta = { tiraVersion: '0.1.0', generatedAt: FIXTURE_GENERATED_AT, rubrics: workspace.rubrics, notes: collectNotes(workspace, result) };
  return { result, meta, workspace };
}
