// The formats of `tira aggregate`. Adding one: a reporter file and an entry here.
// Each is pure: the same network result gives the same files, byte for byte.
import type { NetworkResult } from '../../model/aggregate.js';
import type { ReportFile } from '../report/types.js';
import { renderNetworkCsv } from './csv.js';
import { renderNetworkHtml } from './html.js';
import { renderNetworkJson } from './json.js';
import { renderNetworkMarkdown } from './markdown.js';
import { renderNetworkText } from './text.js';

export type NetworkFormat = 'text' | 'md' | 'csv' | 'json' | 'html';
export type NetworkReporter = (result: NetworkResult) => ReportFile[];

export const NETWORK_FORMATS: readonly NetworkFormat[] = ['text', 'md', 'csv', 'json', 'html'];

export const networkReporters = {
  text: renderNetworkText,
  md: renderNetworkMarkdown,
  csv: renderNetworkCsv,
  json: renderNetworkJson,
  html: renderNetworkHtml,
} satisfies Record<NetworkFormat, NetworkReporter>;
