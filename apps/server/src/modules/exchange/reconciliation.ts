// The daily reconciliation: what both sides hold of the appeals received on one Almaty day,
// counted per status, with every difference listed (one side lacks the appeal, or the two
// statuses differ). The other side exposes its list at POST {url}/v1/reconciliation.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseRealDate } from '../../platform/validation.ts';
import type { Staff } from '../../platform/staff.ts';
import * as repo from './exchange.repository.ts';
import type { Difference } from './exchange.tables.ts';
import { postSigned } from './peer-client.ts';
import { isSystem, systemEndpoint, SYSTEMS, type System } from './systems.ts';

interface TheirAppeal {
  externalId: string;
  bodyCode: string;
  status: string;
  number?: string | null;
}

function theirList(answer: unknown): TheirAppeal[] {
  const list = (answer as { appeals?: unknown })?.appeals;
  if (!Array.isArray(list)) throw new Error('the answer has no list of appeals');
  return list.map((x) => {
    const a = x as Record<string, unknown>;
    if (typeof a.externalId !== 'string' || typeof a.bodyCode !== 'string' || typeof a.status !== 'string') throw new Error('an appeal of the answer lacks externalId, bodyCode or status');
    return { externalId: a.externalId, bodyCode: a.bodyCode, status: a.status, number: typeof a.number === 'string' ? a.number : null };
  });
}

const count = (statuses: string[]) => statuses.reduce<Record<string, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});

/** Compare one system's day; the result is stored (a re-run replaces it). */
export async function reconcileDay(ctx: AppContext, system: System, day: string): Promise<{ ok: boolean; differences: number; error?: string }> {
  const endpoint = await systemEndpoint(ctx, system);
  if (!endpoint) throw new AppError('EXCHANGE_SYSTEM_NOT_CONFIGURED');
  const ours = await repo.exchangedOnDay(ctx.db, system, day);
  let theirs: TheirAppeal[];
  try {
    theirs = theirList(await postSigned(endpoint, '/v1/reconciliation', { system, day }));
  } catch (err) {
    const error = (err as Error).message;
    await repo.saveReconciliation(ctx.db, { system, day, at: ctx.clock.now(), ok: false, error, bodies: [] });
    return { ok: false, differences: 0, error };
  }
  const bodyIds = await repo.bodyIdsByCode(ctx.db, [...new Set([...theirs.map((t) => t.bodyCode), ...ours.map((o) => o.bodyCode)])]);
  const byBody = new Map<string, { ours: string[]; theirs: string[]; differences: Difference[] }>();
  const of = (bodyId: string) => {
    let b = byBody.get(bodyId);
    if (!b) byBody.set(bodyId, (b = { ours: [], theirs: [], differences: [] }));
    return b;
  };
  const theirById = new Map(theirs.map((t) => [t.externalId, t]));
  const ourIds = new Set(ours.map((o) => o.externalId));
  for (const o of ours) {
    const b = of(o.bodyId);
    b.ours.push(o.status);
    const t = theirById.get(o.externalId);
    if (!t) b.differences.push({ externalId: o.externalId, number: o.number, kind: 'missing_there', ours: o.status, theirs: null });
    else if (t.status !== o.status) b.differences.push({ externalId: o.externalId, number: o.number, kind: 'status', ours: o.status, theirs: t.status });
  }
  for (const t of theirs) {
    const bodyId = bodyIds.get(t.bodyCode);
    if (!bodyId) continue; // a body Tyndau does not serve
    of(bodyId).theirs.push(t.status);
    if (!ourIds.has(t.externalId)) of(bodyId).differences.push({ externalId: t.externalId, number: t.number ?? null, kind: 'missing_here', ours: null, theirs: t.status });
  }
  const bodies = [...byBody].map(([bodyId, b]) => ({ bodyId, ours: count(b.ours), theirs: count(b.theirs), differences: b.differences }));
  await repo.saveReconciliation(ctx.db, { system, day, at: ctx.clock.now(), ok: true, error: null, bodies });
  return { ok: true, differences: bodies.reduce((n, b) => n + b.differences.length, 0) };
}

/** Yesterday (Almaty) for every configured system not yet reconciled (or whose last try failed). */
export async function reconcileYesterday(ctx: AppContext): Promise<void> {
  const almatyNow = new Date(ctx.clock.now().getTime() + 5 * 3_600_000);
  const yesterday = new Date(almatyNow.getTime() - 86_400_000).toISOString().slice(0, 10);
  const done = await repo.reconciledDays(ctx.db, yesterday);
  for (const system of SYSTEMS) {
    if (done.some((d) => d.system === system && d.ok)) continue;
    if (!(await systemEndpoint(ctx, system))) continue;
    await reconcileDay(ctx, system, yesterday);
  }
}

export async function runReconciliation(ctx: AppContext, staff: Staff, input: { system: string; day: string }) {
  if (!isSystem(input.system)) throw new AppError('VALIDATION_FAILED', 'system is eotinish or egov', { field: 'system' });
  if (!parseRealDate(input.day) || !/^\d{4}-\d{2}-\d{2}$/.test(input.day)) throw new AppError('VALIDATION_FAILED', 'day is YYYY-MM-DD', { field: 'day' });
  void staff;
  return reconcileDay(ctx, input.system, input.day);
}

export async function listReconciliation(ctx: AppContext, staff: Staff, q: { from: string; to: string }) {
  if (!parseRealDate(q.from) || !parseRealDate(q.to)) throw new AppError('VALIDATION_FAILED', 'from and to are YYYY-MM-DD', { field: 'from' });
  const rows = await repo.listReconciliations(ctx.db, staff.bodyId, q);
  return {
    items: rows.map((r) => ({
      system: r.system,
      day: r.day,
      ranAt: r.ranAt.toISOString(),
      ok: r.ok,
      error: r.error,
      ours: r.ours ?? {},
      theirs: r.theirs ?? {},
      differences: r.differences ?? [],
    })),
  };
}
