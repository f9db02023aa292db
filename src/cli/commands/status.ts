// `tira status <dir>`: where an assessment stands, for the facilitator.
import { readWorkspace } from '../../workspace/read-workspace.js';
import { summarizeStatus } from '../../workspace/status.js';
import { REPORTS_SHOW_ROLES, renderStatusText } from '../../reporters/status-text.js';
import { ExitCode, type Io } from '../io.js';

export async function statusCommand(options: { dir: string; json: boolean }, io: Io): Promise<number> {
  const read = await readWorkspace(options.dir, { cwd: io.cwd });
  if (!read.ok) {
    for (const error of read.errors) io.stderr(`tira: ${error}\n`);
    return ExitCode.usage;
  }
  for (const warning of read.workspace.warnings) io.stderr(`tira: warning: ${warning}\n`);
  const status = summarizeStatus(read.workspace);
  io.stdout(options.json ? `${JSON.stringify({ ...status, note: REPORTS_SHOW_ROLES }, null, 2)}\n` : renderStatusText(status));
  return ExitCode.ok;
}
