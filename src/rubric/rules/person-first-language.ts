// The language lint: flags stigmatizing words in text people read and suggests
// person-first wording. The words live in rubrics/language/person-first-terms.yaml,
// so the list can grow without a code change.
import type { PathFinding } from '../../model/finding.js';
import type { TiraLanguageTermList } from '../../model/schema-types.generated.js';
import type { FileRule } from './types.js';
import { forEachUserText } from './user-text.js';

interface CompiledTerm {
  term: string;
  suggest: string;
  pattern: RegExp;
}

interface CompiledList {
  terms: CompiledTerm[];
  /**
   * Any term at all, with plain word boundaries: one quick pass that clears almost
   * every text before the exact term-by-term search. (\b lets a few more through
   * than the exact patterns, never fewer, and is several times faster than a lookbehind.)
   */
  any: RegExp;
  exceptions: RegExp[];
}

const compiled = new WeakMap<TiraLanguageTermList, CompiledList>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Whole words only: "addict" must not match inside "addiction".
const BEFORE = '(?<![\\w-])';
const AFTER = '(?![\\w-])';

/** The term without word boundaries: "substance abuse" also matches across a line break; "abuser*" matches "abusers". */
function termSource(term: string): string {
  const wildcard = term.endsWith('*');
  const words = (wildcard ? term.slice(0, -1) : term).trim().split(/\s+/).map(escape);
  return `${words.join('\\s+')}${wildcard ? '[\\w-]*' : ''}`;
}

export function termPattern(term: string): RegExp {
  return new RegExp(`${BEFORE}${termSource(term)}${AFTER}`, 'i');
}

function compile(list: TiraLanguageTermList): CompiledList {
  let entry = compiled.get(list);
  if (!entry) {
    const terms = list.terms.map((t) => ({ term: t.term, suggest: t.suggest, pattern: termPattern(t.term) }));
    entry = {
      terms,
      any: new RegExp(`\\b(?:${list.terms.map((t) => termSource(t.term)).join('|')})\\b`, 'i'),
      exceptions: (list.exceptions ?? []).map((phrase) => new RegExp(escape(phrase).replace(/\s+/g, '\\s+'), 'gi')),
    };
    compiled.set(list, entry);
  }
  return entry;
}

/** The flagged terms in one piece of text, each with the wording to use instead. */
export function findStigmatizingTerms(text: string, list: TiraLanguageTermList): { found: string; suggest: string; pattern: RegExp }[] {
  const { terms, any, exceptions } = compile(list);
  if (!any.test(text)) return [];
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
    const terms = context.terms;
    forEachUserText(data, (path, text) => {
      for (const hit of findStigmatizingTerms(text, terms)) {
        findings.push({
          rule: 'person-first-language',
          severity: 'warning',
          file,
          path: [...path],
          match: hit.pattern,
          message: `"${hit.found}" can stigmatize people served; instead write: ${hit.suggest}`,
        });
      }
    });
    return findings;
  },
};
