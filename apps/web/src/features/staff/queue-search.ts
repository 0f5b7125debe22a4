// The staff queue's filters as they live in the address (?view=&status=…): the route
// validates them with this and the queue page reads them through it.
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export interface QueueSearch {
  view?: 'mine' | 'unit' | 'body';
  status?: string;
  channel?: string;
  kind?: string;
  q?: string;
  flag?: 'overdue' | 'dueSoon';
  /** Drill-down from the KPI dashboard: a topic and a period of receipt (YYYY-MM-DD). */
  topic?: string;
  from?: string;
  to?: string;
}

export const parseQueueSearch = (s: Record<string, unknown>): QueueSearch => ({
  view: s.view === 'mine' || s.view === 'unit' || s.view === 'body' ? s.view : undefined,
  status: str(s.status),
  channel: str(s.channel),
  kind: str(s.kind),
  q: str(s.q),
  flag: s.flag === 'overdue' || s.flag === 'dueSoon' ? s.flag : undefined,
  topic: str(s.topic),
  from: str(s.from),
  to: str(s.to),
});
