// The network report as JSON: the roll-up result itself, described by
// schemas/network.schema.json. Percents are unrounded.
import type { NetworkResult } from '../../model/aggregate.js';
import type { ReportFile } from '../report/types.js';

export function renderNetworkJson(result: NetworkResult): ReportFile[] {
  return [{ path: 'network.json', content: `${JSON.stringify(result, null, 2)}\n` }];
}
