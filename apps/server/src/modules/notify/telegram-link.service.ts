// Linking a Telegram chat to an appeal (a citizen, from the tracking page) or to a staff
// member: a one-time code in a deep link t.me/<bot>?start=<code>; the bot's /start handler
// redeems it. Only the code's hash is stored; it expires in a day and works once.
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { newToken, sha256 } from '../../platform/ids.ts';
import type { Staff } from '../../platform/staff.ts';
import { trackAppeal } from '../appeals/index.ts';

const CODE_TTL_MS = 24 * 3_600_000;

export interface TelegramLink {
  url: string;
  bot: string;
  expiresAt: string;
}

async function issueCode(ctx: AppContext, owner: { appealId: string } | { userId: string }, botUsername: string): Promise<TelegramLink> {
  // 43 characters of [A-Za-z0-9_-]: what Telegram allows in a start parameter (≤ 64).
  const code = newToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await ctx.db
    .insertInto('telegramLinkCode')
    .values({ codeHash: sha256(code), appealId: 'appealId' in owner ? owner.appealId : null, userId: 'userId' in owner ? owner.userId : null, createdAt: now, expiresAt, usedAt: null })
    .execute();
  return { url: `https://t.me/${botUsername}?start=${code}`, bot: botUsername, expiresAt: expiresAt.toISOString() };
}

/** For the tracking page: the applicant proves the appeal with its number and access code. */
export async function createAppealTelegramLink(ctx: AppContext, number: string, accessCode: string, botUsername: () => Promise<string>): Promise<TelegramLink> {
  const { appeal } = await trackAppeal(ctx, number, accessCode);
  return issueCode(ctx, { appealId: appeal.id }, await botUsername());
}

export async function createStaffTelegramLink(ctx: AppContext, staff: Staff, botUsername: () => Promise<string>): Promise<TelegramLink> {
  return issueCode(ctx, { userId: staff.id }, await botUsername());
}

const REPLIES = {
  appeal: {
    kk: (n: string) => `Чат № ${n} өтінішке байланыстырылды. Өтініш бойынша хабарлар осында да келеді.`,
    ru: (n: string) => `Чат привязан к обращению № ${n}. Сообщения по обращению будут приходить и сюда.`,
    en: (n: string) => `This chat is linked to appeal No. ${n}. Messages about the appeal will come here too.`,
  },
  staff: {
    kk: () => `Чат Tyndau есептік жазбаңызға байланыстырылды. Баптауларда Telegram арнасын таңдаңыз.`,
    ru: () => `Чат привязан к вашей учётной записи Tyndau. Выберите Telegram в настройках уведомлений.`,
    en: () => `This chat is linked to your Tyndau account. Choose Telegram in your notification settings.`,
  },
  invalid:
    'Сілтеме жарамсыз немесе мерзімі өтті. / Ссылка недействительна или устарела. / The link is invalid or has expired.',
};

const asLanguage = (s: string | null | undefined): Language => (s === 'kk' || s === 'en' ? s : 'ru');

/**
 * Redeem a code for a chat. The same chat redeeming the same code again (Telegram redelivers
 * an update after a restart) gets the same answer and no second link.
 */
export async function linkTelegramChat(ctx: AppContext, chatId: number, code: string, userLanguage?: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(code)) return REPLIES.invalid;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('telegramLinkCode').selectAll().where('codeHash', '=', sha256(code)).forUpdate().executeTakeFirst();
    if (!row || row.expiresAt <= now) return REPLIES.invalid;
    if (row.appealId) {
      const appeal = await tx.selectFrom('appeal').select(['number', 'language']).where('id', '=', row.appealId).executeTakeFirstOrThrow();
      if (row.usedAt) {
        const same = await tx.selectFrom('telegramChat').select('id').where('appealId', '=', row.appealId).where('chatId', '=', chatId).executeTakeFirst();
        if (!same) return REPLIES.invalid;
      } else {
        await tx
          .insertInto('telegramChat')
          .values({ appealId: row.appealId, userId: null, chatId, linkedAt: now })
          .onConflict((oc) => oc.columns(['appealId', 'chatId']).where('appealId', 'is not', null).doNothing())
          .execute();
        await tx.updateTable('telegramLinkCode').set({ usedAt: now }).where('codeHash', '=', row.codeHash).execute();
      }
      return REPLIES.appeal[asLanguage(appeal.language)](appeal.number);
    }
    const user = await tx.selectFrom('staffUser').select(['language']).where('id', '=', row.userId!).executeTakeFirstOrThrow();
    if (row.usedAt) {
      const same = await tx.selectFrom('telegramChat').select('id').where('userId', '=', row.userId).where('chatId', '=', chatId).executeTakeFirst();
      if (!same) return REPLIES.invalid;
    } else {
      // A staff member has one chat: linking another replaces it.
      await tx
        .insertInto('telegramChat')
        .values({ appealId: null, userId: row.userId, chatId, linkedAt: now })
        .onConflict((oc) => oc.column('userId').where('userId', 'is not', null).doUpdateSet({ chatId, linkedAt: now }))
        .execute();
      await tx.updateTable('telegramLinkCode').set({ usedAt: now }).where('codeHash', '=', row.codeHash).execute();
    }
    return REPLIES.staff[asLanguage(user.language ?? userLanguage)]();
  });
}
