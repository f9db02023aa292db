// The network formats: hostile agency names reach no format as markup, a formula
// or a Markdown structure; a withheld figure never reads as 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { aggregateNetwork } from '../../../src/aggregate/network.js';
import { packageRoot } from '../../../src/paths.js';
import { networkReporters } from '../../../src/reporters/network/index.js';
import { agencyRecord } from '../../helpers/network.js';

const HOSTILE = ['<script>alert(1)</script> Clinic', '=HYPERLINK("http://x","y")', '| Pipe | Agency |', '# Heading Agency'];

function result(minAgencies = 3) {
  const records = HOSTILE.map((name, i) =>
    agencyRecord(name, { rubrics: [{ percent: 40 + i * 10, principles: { safety: 50 + i, choice: i < 2 ? 60 : null } }], domains: { outreach: 50 + i * 5 } }),
  );
  return aggregateNetwork({ records, failed: [] }, { minAgencies, tiraVersion: '0.1.0', generatedAt: '2026-11-23T12:00:00.000Z' });
}

describe('network reporters', () => {
  it('HTML: names are text, never markup; no script at all', () => {
    const page = networkReporters.html(result())[0]!.content;
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Clinic');
    const doc = parse(page);
    const text = JSON.stringify(doc, (k, v) => (k === 'parentNode' ? undefined : v));
    expect(text).not.toContain('"tagName":"script"');
  });

  it('CSV: a name that starts like a formula is kept as text', () => {
    const files = networkReporters.csv(result());
    const agencies = files.find((f) => f.path === 'network-agencies.csv')!.content;
    expect(agencies).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(agencies.charCodeAt(0)).toBe(0xfeff);
  });

  it('Markdown: a name cannot open a table cell or a heading', () => {
    const md = networkReporters.md(result())[0]!.content;
    expect(md).toContain('\\| Pipe \\| Agency \\|');
    expect(md).not.toMatch(/^# Heading Agency/m);
  });

  it('a figure under the threshold reads as such in every format, never as 0', () => {
    // Choice has figures in two agencies only.
    const r = result(3);
    expect(r.rubrics[0]!.principles.find((p) => p.id === 'choice')!.withheld).toBe('small-cell');
    for (const format of ['text', 'md', 'html'] as const) {
      expect(networkReporters[format](r)[0]!.content).toContain('fewer than 3 agencies');
    }
    const figures = networkReporters.csv(r).find((f) => f.path === 'network-figures.csv')!.content;
    expect(figures).toMatch(/principle,tic,1\.0\.0,,,choice,,choice,Choice,4,2,,,,,,,small-cell/);
  });
});

describe('schemas/network.schema.json', () => {
  it('describes what --format json prints, and holds the small-cell default', () => {
    const schema = JSON.parse(readFileSync(join(packageRoot, 'schemas', 'network.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const json = JSON.parse(networkReporters.json(result())[0]!.content);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(schema.properties.settings.properties.minAgencies.default).toBe(3);
  });
});
