// `tira status` as text: one row per respondent and rubric, the roles, and the
// next command. Respondent codes appear here because this is the facilitator's
// working view; the output says that reports never show them.
import type { WorkspaceStatus } from '../workspace/status.js';

export const REPORTS_SHOW_ROLES = 'Respondent codes are shown here for the facilitator only; reports show roles, never respondent codes.';

export function renderStatusText(status: WorkspaceStatus): string {
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  line(`${status.agency}, cycle ${status.cycle} (started ${status.date})`);
  line(`Rubrics: ${status.rubrics.map((r) => `${r.id} ${r.version} (${r.indicators} indicator${r.indicators === 1 ? '' : 's'})`).join(', ')}`);
  line();

  if (status.respondents.length === 0) {
    line('No respondents yet.');
  } else {
    const head = ['respondent', 'role', 'rubric', 'answered', 'skipped', 'n/a', "don't know", 'not yet', 'last activity'];
    const rows: string[][] = [];
    for (const r of status.respondents) {
      r.rubrics.forEach((t, i) => {
        rows.push([
          i === 0 ? r.id : '',
          i === 0 ? r.roleName : '',
          t.rubric,
          ...(t.total === 0 ? ['-', '-', '-', '-', '-'] : [t.answered, t.skipped, t.notApplicable, t.unknown, t.notYet].map(String)),
          i === 0 ? shortTime(r.lastActivity) : '',
        ]);
      });
    }
    for (const row of table(head, rows, [3, 4, 5, 6, 7])) line(row);
    if (status.respondents.some((r) => r.rubrics.some((t) => t.total === 0))) line('(-: the role has nothing to rate in that rubric.)');
  }

  line();
  line(`Roles (a role with fewer than ${status.smallCellThreshold} respondents shows no figures in reports):`);
  const width = Math.max(...status.roles.map((r) => r.name.length));
  for (const role of status.roles) {
    const flag = role.respondents === 0 ? 'none yet' : role.belowThreshold ? `below ${status.smallCellThreshold}: too few to report` : '';
    line(`  ${role.name.padEnd(width)}  ${String(role.respondents).padStart(3)}${flag ? `  ${flag}` : ''}`.trimEnd());
  }
  line();
  line(REPORTS_SHOW_ROLES);
  line();
  line(`Next: ${status.next.command}`);
  line(`  ${status.next.why}`);
  return `${out.join('\n')}\n`;
}

/** `2026-03-02T10:04:05.000Z` as `2026-03-02 10:04 UTC`; anything else as given. */
function shortTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})[:.\d]*Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function table(head: readonly string[], rows: readonly string[][], rightAligned: readonly number[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(head), ...rows.map(format)];
}
