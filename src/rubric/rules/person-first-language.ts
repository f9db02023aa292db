// The language lint: flags stigmatizing words in text people read and suggests
// person-first wording. The words live in rubrics/language/person-first-terms.yaml,
// so the list can grow without a code change.
import type { PathFinding } from '../../model/finding.js';
import type { TiraLanguageTermList } from '../../model/schema-types.generated.js';
import type { FileRule } from './types.js';
import { collectUserText } from './user-text.js';

interface CompiledTerm {
  term: string;
  suggest: string;
  pattern: RegExp;
}

const compiled = new WeakMap<TiraLanguageTermList, { terms: CompiledTerm[]; exceptions: RegExp[] }>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "substance abuse" also matches across a line break; "abuser*" matches "abusers". */
export function termPattern(term: string): RegExp {
  const wildcard = term.endsWith('*');
  const words = (wildcard ? term.slice(0, -1) : term).trim().split(/\s+/).map(escape);
  return new RegExp(`(?<![\\w-])${words.join('\\s+')}${wildcard ? '[\\w-]*' : ''}(?![\\w-])`, 'i');
}

function compile(list: TiraLanguageTermList) {
  let entry = compiled.get(list);
  if (!entry) {
    entry = {
      terms: list.terms.map((t) => ({ term: t.term, suggest: t.suggest, pattern: termPattern(t.term) })),
      exceptions: (list.exceptions ?? []).map((phrase) => new RegExp(escape(phrase).replace(/\s+/g, '\\s+'), 'gi')),
    };
    compiled.set(list, entry);
  }
  return entry;
}

/** The flagged terms in one piece of text, each with the wording to use instead. */
export function findStigmatizingTerms(text: string, list: TiraLanguageTermList): { found: string; suggest: string; pattern: RegExp }[] {
  const { terms, exceptions } = compile(list);
  let visible = text;
  for (const exception of exceptions) visible = visible.replace(exception, (m) => ' '.repeat(m.length));
  const hits: { found: string; suggest: string; pattern: RegExp }[] = [];
  for (const t of terms) {
    const match = t.pattern.exec(visible);
    // A longer term ("substance abuse") wins over a shorter one inside it ("abuse").
    if (match && !hits.some((h) => h.found.toLowerCase().includes(match[0].toLowerCase()))) {
      hits.push({ found: match[0], suggest: t.suggest, pattern: t.pattern });
    }
  }
  return hits;
}

export const personFirstLanguage: FileRule = {
  ids: ['person-first-language'],
  check(file, kind, data, context) {
    if (!context.terms || kind === 'term-list') return [];
    const findings: PathFinding[] = [];
    for (const { path, text } of collectUserText(data)) {
      for (const hit of findStigmatizingTerms(text, context.terms)) {
        findings.push({
          rule: 'person-first-language',
          severity: 'warning',
          file,
          path,
          match: hit.pattern,
          message: `"${hit.found}" can stigmatize people served; write "${hit.suggest}" instead`,
        });
      }
    }
    return findings;
  },
};
