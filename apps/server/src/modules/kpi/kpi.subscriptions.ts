// Every appeal event marks its appeal for the KPI refresh, in the event's transaction: a
// change and its mark commit together. Intake marks inside its one statement (inline).
import type { AppContext } from '../../app-context.ts';
import { markAppealChanged, markAppealsChangedInline } from './kpi.repository.ts';

export function subscribeKpis(ctx: AppContext): void {
  ctx.events.on('*', (tx, e) => markAppealChanged(tx, e.appealId), {
    row: () => ({}),
    insert: (rows) => markAppealsChangedInline(rows),
  });
}
