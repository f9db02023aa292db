// The `yaml` package, loaded on first use. Clean files never need it (see
// parse-yaml.ts), and loading it costs about 20 ms of every start-up otherwise.
import { createRequire } from 'node:module';

type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;

export function loadYamlLibrary(): YamlLibrary {
  library ??= createRequire(import.meta.url)('yaml') as YamlLibrary;
  return library;
}
