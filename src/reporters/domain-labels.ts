// Short column labels for service domains, for terminal tables too narrow for
// their names ("Funding and performance metrics" over a column of "47!"). Each
// table that uses them prints a key from label to name underneath.
// NOTE: the bundled catalog (rubrics/catalogs/domains.yaml) has no short labels
// of its own, so its ids get hand-picked ones here; a domain of an agency's own
// catalog gets the first letters of its name. A `short` key in the catalog would
// be the better home for these.

/** The longest label: a figure column is as wide as "100✓" plus a space. */
export const SHORT_LABEL_MAX = 5;

const bundled: Readonly<Record<string, string>> = {
  outreach: 'Outr',
  screening: 'Scrn',
  crisis: 'Cris',
  'funding-metrics': 'Fund',
  'case-management': 'Case',
  resources: 'Res',
  workforce: 'Staff',
  environment: 'Env',
  governance: 'Gov',
};

/** A label of at most SHORT_LABEL_MAX characters for each domain, distinct within the list. */
export function shortDomainLabels(domains: readonly { id: string; name: string }[]): Map<string, string> {
  const labels = new Map<string, string>();
  const taken = new Set<string>();
  for (const d of domains) {
    const first = (d.name.split(/\s+/)[0] ?? d.id).replace(/[^\p{L}\p{N}-]/gu, '') || d.id;
    // A first word that fits is used whole; a longer one is cut to four letters, which reads as a cut.
    let label = bundled[d.id] ?? (first.length <= SHORT_LABEL_MAX ? first : first.slice(0, 4));
    // Two domains whose names start alike would get one label: number the later ones.
    for (let n = 2; taken.has(label); n++) label = `${label.slice(0, SHORT_LABEL_MAX - String(n).length)}${n}`;
    taken.add(label);
    labels.set(d.id, label);
  }
  return labels;
}

