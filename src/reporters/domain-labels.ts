// Short column labels for service domains, for terminal tables too narrow for
// their names ("Funding and performance metrics" over a column of "47!"). Each
// table that uses them prints a key from label to name underneath.
// The labels are data: a domain's optional `short` in its catalog (the bundled
// catalog gives every domain one). A domain without one, from an agency's own
// catalog, gets the first letters of its name.

/**
 * The longest label: a figure column is as wide as "100✓" plus a space. The
 * schema's pattern for `short` allows the same 5 characters.
 */
export const SHORT_LABEL_MAX = 5;

/**
 * The `short` each domain id declares in the rubrics given. Score results carry
 * no catalog details, so the command that has the rubrics collects these for the
 * reporter. When two rubrics give one domain id different labels the first wins,
 * as the first name does for the domains scored across rubrics.
 */
export function declaredShortLabels(rubrics: readonly { domains: readonly { id: string; short?: string }[] }[]): Map<string, string> {
  const declared = new Map<string, string>();
  for (const r of rubrics) for (const d of r.domains) if (d.short !== undefined && !declared.has(d.id)) declared.set(d.id, d.short);
  return declared;
}

/** A label made from a domain's name: its first word, whole when it fits, else cut to four letters, which reads as a cut. */
function labelFromName(domain: { id: string; name: string }): string {
  const first = (domain.name.split(/\s+/)[0] ?? domain.id).replace(/[^\p{L}\p{N}-]/gu, '') || domain.id;
  const letters = [...first];
  return letters.length <= SHORT_LABEL_MAX ? first : letters.slice(0, 4).join('');
}

/**
 * A label of at most SHORT_LABEL_MAX characters for each domain, distinct within
 * the list: the domain's declared label (`declared`, by id) when it has one, else
 * one made from its name.
 */
export function shortDomainLabels(domains: readonly { id: string; name: string }[], declared: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const taken = new Set<string>();
  // Two domains would get one label (names that start alike, or a catalog that
  // gives two domains the same `short`): number the later ones.
  const claim = (wanted: string): string => {
    let label = wanted;
    for (let n = 2; taken.has(label); n++) label = `${[...wanted].slice(0, SHORT_LABEL_MAX - String(n).length).join('')}${n}`;
    taken.add(label);
    return label;
  };
  const labels = new Map<string, string>();
  // Declared labels are claimed first, so that one made from a name never takes
  // the label a catalog's author chose for another domain.
  for (const d of domains) {
    const own = declared.get(d.id);
    if (own !== undefined) labels.set(d.id, claim(own));
  }
  for (const d of domains) if (!labels.has(d.id)) labels.set(d.id, claim(labelFromName(d)));
  // In the order of the domains given, which is the order of the columns.
  return new Map(domains.map((d) => [d.id, labels.get(d.id)!]));
}
