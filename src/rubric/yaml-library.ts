// The `yaml` package, loaded on first use. Clean files never need it (see
// parse-yaml.ts), and loading it costs about 20 ms of every start-up otherwise.
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';

type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;

export function loadYamlLibrary(): YamlLibrary {
  library ??= createRequire(import.meta.url)('yaml') as YamlLibrary;
  return library;
}

/** A document with positions: the form every use of `yaml` here needs. */
export function parseYamlDocument(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const yaml = loadYamlLibrary();
  const lineCounter = new yaml.LineCounter();
  // Duplicate keys are js-yaml's to report (parse-yaml.ts); here they must not stop anything.
  const doc = yaml.parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  return { doc, lineCounter };
}
