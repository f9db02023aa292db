// A blank answer form: which indicators a role answers, in whose words and on
// which scale, grouped by rubric and principle. Pure; the reporters in
// src/reporters/answer-form.ts render it as CSV (for `tira import`) or Markdown
// (to print).
import type { Rubric, Scale } from '../model/rubric.js';
import type { Role } from '../model/workspace.js';
import { questionFor } from '../rubric/raters.js';

export interface FormItem {
  indicator: string;
  principleId: string;
  /** The principle's name, as people read it; likewise the domain. */
  principle: string;
  domain: string;
  /** What the respondent reads: the practice, or the first-person statement for an experience role. */
  text: string;
  /** When the practice does not apply, as the rubric says (staff wording only). */
  notApplicableWhen?: string;
  /** The assessment's roles that can rate this indicator (`tira import` refuses a rating from any other). */
  raters: Role[];
}

export interface FormRubric {
  id: string;
  version: string;
  title: string;
  /** The scale this form's role answers the rubric on. */
  scale: Scale;
  principles: { id: string; name: string; items: FormItem[] }[];
  items: FormItem[];
}

export interface AnswerForm {
  agency: string;
  cycle: string;
  /** The role the form is for; without one, the staff wording of every indicator. */
  role?: Role;
  smallCellThreshold: number;
  rubrics: FormRubric[];
}

export interface FormRequest {
  agency: string;
  cycle: string;
  smallCellThreshold: number;
  rubrics: readonly Rubric[];
  /** The assessment's roles: each row says which of them can rate it. */
  roles: readonly Role[];
  role?: Role;
}

/** A form staff can read without a role: every indicator, as written. */
const anyStaff: Role = { id: 'staff', name: 'Staff', description: 'Any staff role.', voice: 'staff' };

export function buildAnswerForm(request: FormRequest): AnswerForm {
  const rubrics: FormRubric[] = [];
  for (const rubric of request.rubrics) {
    const domains = new Map(rubric.domains.map((d) => [d.id, d.name]));
    const principles = new Map(rubric.principles.map((p) => [p.id, p.name]));
    const items: FormItem[] = [];
    let scale: Scale | undefined;
    for (const indicator of rubric.indicators) {
      const question = request.role ? questionFor(rubric, indicator, request.role) : { text: indicator.text, scale: rubric.scale, voice: anyStaff.voice };
      if (!question) continue;
      scale = question.scale;
      items.push({
        indicator: indicator.id,
        principleId: indicator.principle,
        principle: principles.get(indicator.principle) ?? indicator.principle,
        domain: domains.get(indicator.domain) ?? indicator.domain,
        text: question.text,
        ...(question.voice === 'staff' && indicator.notApplicableWhen ? { notApplicableWhen: indicator.notApplicableWhen } : {}),
        // The same test as the import's, so that the form never offers a row the import refuses.
        raters: request.roles.filter((r) => questionFor(rubric, indicator, r) !== undefined),
      });
    }
    if (!scale) continue;
    const grouped = rubric.principles
      .map((p) => ({ id: p.id, name: p.name, items: items.filter((i) => i.principleId === p.id) }))
      .filter((p) => p.items.length > 0);
    rubrics.push({ id: rubric.id, version: rubric.version, title: rubric.title, scale, principles: grouped, items });
  }
  return {
    agency: request.agency,
    cycle: request.cycle,
    ...(request.role ? { role: request.role } : {}),
    smallCellThreshold: request.smallCellThreshold,
    rubrics,
  };
}

export function formItemCount(form: AnswerForm): number {
  return form.rubrics.reduce((n, r) => n + r.items.length, 0);
}
