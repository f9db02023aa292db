// Large, faulty rubric and catalog files, just under the 512 KB size limit: the
// inputs that once made `tira validate` take a minute (issue 11). Shared by the
// benchmark (npm run bench:validate) and tests/e2e/large-faulty-files.test.ts, so
// that no such file is ever committed.

/** Just under the size limit of src/rubric/read-source.ts. */
export const FAULTY_FILE_BYTES = 512 * 1024 - 64;

const rubricHead = {
  id: 'id: faulty',
  version: 'version: 1.0.0',
  title: 'title: Faulty',
  description: 'description: A rubric whose one list is long and wrong.',
  sources: 'sources: [{id: s, citation: c}]',
  scale: 'scale: tira:catalogs/scale-0-4.yaml',
  principles: 'principles: [{id: p, name: P, description: D}]',
  domains: 'domains: tira:catalogs/domains.yaml',
  stages: 'stages: [{id: a, name: A, description: D, minPercent: 0}]',
};

/** `key:` followed by `line` repeated until the file is just under the limit; the rest of the file is valid. */
function fill(head, key, line, bytes) {
  let text = `${Object.entries(head)
    .filter(([k]) => k !== key)
    .map(([, v]) => v)
    .join('\n')}\n${key}:\n`;
  const count = Math.floor((bytes - text.length) / (line.length + 1));
  return text + `${line}\n`.repeat(count);
}

/**
 * @param {number} [bytes] size of each file (default: just under the limit)
 * @returns {{ name: string, text: string }[]}
 */
export function faultyRubrics(bytes = FAULTY_FILE_BYTES) {
  const catalogHead = { kind: 'kind: domain-catalog', id: 'id: faulty-domains', title: 'title: Faulty domains' };
  const frameworkHead = { kind: 'kind: framework', id: 'id: faulty-framework', title: 'title: Faulty', sources: 'sources: [{id: s, citation: c}]' };
  return [
    { name: 'indicators-unknown-key.yaml', text: fill(rubricHead, 'indicators', '  - {x: 1}', bytes) },
    { name: 'indicators-empty.yaml', text: fill(rubricHead, 'indicators', '  - {}', bytes) },
    { name: 'principles-unknown-key.yaml', text: fill(rubricHead, 'principles', '  - {x: 1}', bytes) },
    { name: 'sources-unknown-key.yaml', text: fill(rubricHead, 'sources', '  - {x: 1}', bytes) },
    { name: 'stages-empty.yaml', text: fill(rubricHead, 'stages', '  - {}', bytes) },
    { name: 'domain-catalog-empty.yaml', text: fill(catalogHead, 'domains', '  - {}', bytes) },
    { name: 'framework-facets-empty.yaml', text: fill(frameworkHead, 'facets', '  - {}', bytes) },
  ];
}
