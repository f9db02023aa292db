// The first step of every command that works on a workspace: read it, or say on
// stderr what is wrong with it (one line each, naming file and line), and pass
// on the warnings that did not stop the read (a torn last line).
import type { Workspace } from '../model/workspace.js';
import { readWorkspace } from '../workspace/read-workspace.js';
import type { Io } from './io.js';

/** The workspace, or null after saying what is wrong with it (the command then exits 2). */
export async function readWorkspaceOrSay(dir: string, io: Io): Promise<Workspace | null> {
  const read = await readWorkspace(dir, { cwd: io.cwd });
  if (!read.ok) {
    for (const error of read.errors) io.stderr(`tira: ${error}\n`);
    return null;
  }
  for (const warning of read.workspace.warnings) io.stderr(`tira: warning: ${warning}\n`);
  return read.workspace;
}
