// The time that commands stamp on what they write. TIRA_NOW fixes it, for
// reproducible builds of sample workspaces and for tests; nothing else reads it.
import { UsageError } from './io.js';

/** Now, or the time in TIRA_NOW (ISO 8601, such as 2026-03-02T10:00:00Z), as an ISO string. */
export function currentTime(env: Record<string, string | undefined>, now: () => Date = () => new Date()): string {
  const fixed = env.TIRA_NOW;
  if (fixed === undefined || fixed === '') return now().toISOString();
  const time = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(fixed) ? new Date(fixed) : new Date(Number.NaN);
  if (Number.isNaN(time.getTime())) throw new UsageError(`TIRA_NOW="${fixed}" is not a time; write it as 2026-03-02T10:00:00Z, or unset it to use the clock`);
  return time.toISOString();
}
