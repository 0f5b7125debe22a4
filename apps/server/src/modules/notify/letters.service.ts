// The print queue of the communications office: paper letters waiting to be printed, each
// as a PDF on the body's letterhead; marking a letter printed and then posted, each an
// event in the appeal's history (posting is shown to the applicant).
import { isUuid } from '../../platform/ids.ts';
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { auditRead } from '../audit/index.ts';
import { AppError } from '../../platform/errors.ts';
import { pageOf } from '../../platform/pagination.ts';
import type { Staff } from '../../platform/staff.ts';
import * as repo from './notify.repository.ts';
import { PRINT_ROLES, printsConfidential } from './notify.policy.ts';
import { render } from './templates.ts';
import { openedPayload, SEALED_ACCESS_CODE } from '../../platform/secrets.ts';
import { sql } from 'kysely';
import { renderLetterPdf, SIGNER_TITLE } from './letter-pdf.ts';
import { afterOf } from './outbox.service.ts';

export const LETTER_STATUSES = ['to_print', 'printed', 'posted'] as const;
const asLanguage = (s: string): Language => (s === 'kk' || s === 'en' ? s : 'ru');

function assertPrintRole(staff: Staff) {
  if (!PRINT_ROLES.includes(staff.role)) throw new AppError('FORBIDDEN');
}

export async function listLetters(ctx: AppContext, staff: Staff, q: { status?: string; limit: number; cursor?: string }) {
  assertPrintRole(staff);
  // The route allows only LETTER_STATUSES.
  const status = q.status ? q.status.split(',').map((s) => s.trim()) : ['to_print'];
  const rows = await repo.listOutbox(ctx.db, { bodyId: staff.bodyId, paper: true, confidential: printsConfidential(staff.role), status, after: afterOf(q.cursor), limit: q.limit });
  const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  const context = await repo.loadRenderContext(ctx.db, page.items);
  return {
    items: page.items.map((r) => {
      const appeal = r.appealId ? context.appeals.get(r.appealId) : undefined;
      const m = render({ template: r.template, language: r.language, payload: r.payload, appeal, publicUrl: ctx.config.publicUrl, maskSecrets: true });
      return {
        id: r.id,
        appealId: r.appealId,
        appealNumber: appeal?.number ?? null,
        addressee: appeal?.applicantName ?? null,
        address: r.address,
        language: r.language,
        subject: m.subject,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        printedAt: r.printedAt?.toISOString() ?? null,
        postedAt: r.status === 'posted' ? (r.sentAt?.toISOString() ?? null) : null,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

async function getLetter(ctx: AppContext, staff: Staff, id: string) {
  assertPrintRole(staff);
  const n = isUuid(id) ? await repo.findNotification(ctx.db, id) : undefined;
  if (!n || n.channel !== 'paper' || n.bodyId !== staff.bodyId) throw new AppError('LETTER_NOT_FOUND');
  // The other side of the split print queue does not exist for this reader.
  const [appeal] = n.appealId ? await ctx.db.selectFrom('appeal').select('confidential').where('id', '=', n.appealId).execute() : [];
  if ((appeal?.confidential ?? false) !== printsConfidential(staff.role)) throw new AppError('LETTER_NOT_FOUND');
  return n;
}

export async function getLetterPdf(ctx: AppContext, staff: Staff, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  const n = await getLetter(ctx, staff, id);
  const context = await repo.loadRenderContext(ctx.db, [n]);
  const appeal = n.appealId ? context.appeals.get(n.appealId) : undefined;
  const lang = asLanguage(n.language);
  const body = await ctx.db.selectFrom('body').select(['nameKk', 'nameRu', 'nameEn', 'settings']).where('id', '=', n.bodyId!).executeTakeFirstOrThrow();
  const head = await ctx.db.selectFrom('staffUser').select('name').where('bodyId', '=', n.bodyId!).where('role', '=', 'head').where('active', '=', true).orderBy('createdAt').executeTakeFirst();
  const signerName = typeof n.payload.signerName === 'string' ? n.payload.signerName : (head?.name ?? null);
  const contacts = (body.settings as { contacts?: { address?: unknown } }).contacts;
  const bodyAddress = contacts && typeof contacts.address === 'object' && contacts.address ? String((contacts.address as Record<string, unknown>)[lang] ?? '') : typeof contacts?.address === 'string' ? contacts.address : null;
  // The letter shows the access code: it goes to the applicant's own address.
  const message = render({ template: n.template, language: n.language, payload: openedPayload(ctx, n.payload), appeal, publicUrl: ctx.config.publicUrl });
  const pdf = await renderLetterPdf({
    language: lang,
    body: { kk: body.nameKk, ru: body.nameRu, en: body.nameEn, address: bodyAddress || null },
    number: appeal?.number ?? null,
    date: n.createdAt,
    addressee: { name: appeal?.applicantName ?? null, address: n.address },
    message,
    signer: { name: signerName, title: SIGNER_TITLE[lang] },
  });
  if (n.appealId) auditRead(ctx, staff, n.appealId, 'letter_pdf', n.id);
  return { pdf, fileName: `letter-${appeal?.number ?? n.id}.pdf` };
}

/** printed: from to_print; posted: from printed. Anything else is INVALID_TRANSITION. */
export async function markLetter(ctx: AppContext, staff: Staff, id: string, to: 'printed' | 'posted') {
  await getLetter(ctx, staff, id);
  const from = to === 'printed' ? 'to_print' : 'printed';
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const n = await repo.findNotification(tx, id, { forUpdate: true });
    if (!n || n.status !== from) throw new AppError('INVALID_TRANSITION', `a letter that is ${n?.status} cannot be marked ${to}`, { from: n?.status, to });
    await tx
      .updateTable('notification')
      // Posted: the letter has left with the access code it carried; the sealed copy goes.
      .set(to === 'printed' ? { status: 'printed', printedAt: now } : { status: 'posted', sentAt: now, payload: sql`payload - ${SEALED_ACCESS_CODE}::text` })
      .where('id', '=', id)
      .execute();
    if (n.appealId) {
      await ctx.events.record(tx, {
        appealId: n.appealId,
        type: to === 'printed' ? 'letter.printed' : 'letter.posted',
        at: now,
        actor: { id: staff.id, role: staff.role },
        public: to === 'posted',
        data: { notificationId: n.id, template: n.template },
      });
    }
    return { id, status: to, at: now.toISOString() };
  });
}
