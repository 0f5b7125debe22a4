// Demo data for a new installation: the 21 bodies of the study with units, competence,
// channels, staff in every role and a few appeals. Demo passwords exist only here.
import type { AppContext } from '../../app-context.ts';
import type { Role } from '@tyndau/contracts';
import type { Tx } from '../../platform/events.ts';
import { DEMO_BODIES } from './demo-bodies.ts';
import { TOPICS } from './topic-taxonomy.ts';
import { DEMO_BOUNDARIES } from './demo-boundaries.ts';
import { setBoundary } from './boundaries.ts';

export const DEMO_PASSWORD = 'demo-password';
/**
 * Published like the demo password: the TOTP secret of every demo account whose role must
 * have a second factor (admin, head, deputy, ethics commissioner, oversight). Demo data is
 * never loaded in production.
 */
export const DEMO_TOTP_SECRET = 'TYNDAUDEMOTOTPSECRETKAZAKHSTANQZ';
export const DEMO_ROLES = ['admin', 'comms_officer', 'head', 'deputy', 'executor', 'operator', 'ethics_commissioner', 'moderator'] as const;

/** demo e-mail of a role in a body: head@akimat-astana.example.kz */
/** The central body (settings.central): its calendar_admin edits the national calendar. */
export const CENTRAL_BODY_CODE = DEMO_BODIES[0].code;

export const demoEmail = (role: string, bodyCode: string) => `${role.replace('_', '-')}@${bodyCode}.example.kz`;

/**
 * The topic taxonomy and the 21 bodies (units, competence, channels, contacts) without any
 * account: what a production installation starts from before `user add`.
 */
export async function seedBodies(ctx: AppContext): Promise<{ bodies: number; staff: number }> {
  return seedDemo(ctx, {});
}

/** A demo account to be: the auth module, which owns accounts, writes it. */
export interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  bodyId: string;
  unitId: string | null;
}

/**
 * With `addAccounts` (the auth module's writer), every body also gets an account per demo
 * role, written in the same transaction as the bodies.
 */
export async function seedDemo(ctx: AppContext, opts: { addAccounts?: (tx: Tx, people: DemoPerson[]) => Promise<void> }): Promise<{ bodies: number; staff: number }> {
  const accounts = opts.addAccounts !== undefined;
  const people: DemoPerson[] = [];
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('topic')
      .values(TOPICS.map((t, i) => ({ code: t.code, parentCode: t.parentCode, nameKk: t.name.kk, nameRu: t.name.ru, nameEn: t.name.en, defaultDifficulty: t.defaultDifficulty, sort: i })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const idByCode = new Map<string, string>();
    for (const b of DEMO_BODIES) {
      const body = await tx
        .insertInto('body')
        .values({
          code: b.code,
          kind: b.kind,
          parentId: b.parentCode ? idByCode.get(b.parentCode)! : null,
          nameKk: b.name.kk,
          nameRu: b.name.ru,
          nameEn: b.name.en,
          settings: { numberPrefix: b.numberPrefix, contacts: b.contacts, channels: b.channels, fallbackUnitCode: b.units[0].code, ...(b.code === CENTRAL_BODY_CODE ? { central: true } : {}) },
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      idByCode.set(b.code, body.id);
      const units = await tx
        .insertInto('unit')
        .values(b.units.map((u) => ({ bodyId: body.id, code: u.code, nameKk: u.name.kk, nameRu: u.name.ru, nameEn: u.name.en })))
        .returning(['id', 'code'])
        .execute();
      const unitId = (code: string) => units.find((u) => u.code === code)!.id;
      // Competence: every topic a unit names is handled by that unit; the rest of the body's
      // competence falls to its first (general) unit.
      const rules = new Map<string, string | null>(b.competence.map((t) => [t, null]));
      for (const u of b.units) for (const t of u.topics) rules.set(t, unitId(u.code));
      await tx
        .insertInto('bodyTopic')
        .values([...rules].map(([topicCode, uid]) => ({ bodyId: body.id, topicCode, unitId: uid ?? unitId(b.units[0].code) })))
        .execute();
      if (!accounts) continue;
      people.push(
        ...DEMO_ROLES.map((role) => ({
          email: demoEmail(role, b.code),
          name: role === 'head' ? b.head.name : role === 'deputy' ? b.deputy.name : `${role} (${b.code})`,
          role,
          bodyId: body.id,
          unitId: role === 'executor' ? unitId(b.units[Math.min(1, b.units.length - 1)].code) : null,
        })),
      );
    }
    if (!accounts) return;
    // Rough outlines of the demo cities and districts, for routing by place (boundaries.ts).
    for (const [code, geometry] of Object.entries(DEMO_BOUNDARIES)) await setBoundary(tx, idByCode.get(code)!, geometry);
    // Cross-body readers and the calendar's administrator sit in the first ministry, the central body.
    const first = CENTRAL_BODY_CODE;
    for (const role of ['analyst', 'oversight', 'calendar_admin'] as const) people.push({ email: demoEmail(role, first), name: `${role} (${first})`, role, bodyId: idByCode.get(first)!, unitId: null });
    await opts.addAccounts!(tx, people);
  });
  return { bodies: DEMO_BODIES.length, staff: people.length };
}
