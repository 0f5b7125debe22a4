// Telegram through grammY, pointed at TELEGRAM_API_ROOT when set (tests, private Bot API
// servers). One Bot object per process: it sends messages, tells the deep-link route the bot's
// username (getMe, once), and — on the one node that holds the advisory lock — long-polls
// for /start <code> to link chats.
import { Bot, GrammyError, HttpError } from 'grammy';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { PermanentError, RetryLaterError, type ChannelSender, type OutgoingMessage } from './channel.ts';
import { linkTelegramChat } from './telegram-link.service.ts';

const bots = new Map<string, Bot>();
/** Any constant: the key of the lock that elects the one node polling Telegram. */
const POLL_LOCK_KEY = 727_001;
const TELEGRAM_MAX = 4096;
const withHandlers = new WeakSet<Bot>();
const pollingCtx = new WeakMap<Bot, { ctx: AppContext; log: (msg: string, err?: unknown) => void }>();

export function telegramBot(config: Pick<Config, 'telegramBotToken' | 'telegramApiRoot'>): Bot {
  if (!config.telegramBotToken) throw new AppError('TELEGRAM_NOT_CONFIGURED');
  const key = `${config.telegramApiRoot ?? ''}|${config.telegramBotToken}`;
  let bot = bots.get(key);
  if (!bot) {
    bot = new Bot(config.telegramBotToken, { client: { apiRoot: config.telegramApiRoot?.replace(/\/+$/, ''), timeoutSeconds: 30 } });
    bots.set(key, bot);
  }
  return bot;
}

/** The bot's @username for deep links; asks Telegram once per process. */
export async function telegramBotUsername(config: Pick<Config, 'telegramBotToken' | 'telegramApiRoot'>): Promise<string> {
  const bot = telegramBot(config);
  if (!bot.isInited()) {
    try {
      await bot.init();
    } catch (err) {
      throw new AppError('CHANNEL_UNAVAILABLE', `Telegram getMe failed: ${(err as Error).message}`);
    }
  }
  return bot.botInfo.username;
}

export function telegramSender(config: Pick<Config, 'telegramBotToken' | 'telegramApiRoot'>): ChannelSender {
  const bot = telegramBot(config);
  return {
    async send(msg: OutgoingMessage) {
      const chatId = Number(msg.address);
      if (!Number.isSafeInteger(chatId)) throw new PermanentError(`not a Telegram chat id: ${msg.address}`);
      const m = msg.message;
      let text = [m.subject, ...m.paragraphs, ...(m.link ? [m.link] : [])].join('\n\n');
      if (text.length > TELEGRAM_MAX) text = `${text.slice(0, TELEGRAM_MAX - (m.link?.length ?? 0) - 4)}…\n\n${m.link ?? ''}`;
      try {
        const sent = await bot.api.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
        // Accepted by the Bot API means it is in the chat: that is delivery for this channel.
        return { status: 'delivered', providerRef: String(sent.message_id) };
      } catch (err) {
        if (err instanceof GrammyError) {
          if (err.error_code === 429) throw new RetryLaterError(err.description, (err.parameters.retry_after ?? 30) * 1000);
          // 400 chat not found, 403 blocked by the user: retrying will not help.
          if (err.error_code === 400 || err.error_code === 403) throw new PermanentError(`Telegram ${err.error_code}: ${err.description}`);
        }
        if (err instanceof HttpError) throw new Error(`Telegram unreachable: ${err.message}`);
        throw err;
      }
    },
    async close() {},
  };
}

/**
 * Long polling for /start <code>, on one node at a time: the node holding a PostgreSQL
 * advisory lock polls; the others try again every `retryMs`. Returns a stop function.
 */
export function startTelegramPolling(ctx: AppContext, log: (msg: string, err?: unknown) => void, retryMs = 30_000): () => Promise<void> {
  const bot = telegramBot(ctx.config);
  let stopped = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // Handlers are installed once per bot (grammY refuses new ones after polling started);
  // they use the context of the latest start.
  pollingCtx.set(bot, { ctx, log });
  if (!withHandlers.has(bot)) {
    withHandlers.add(bot);
    bot.command('start', async (c) => {
      const reply = await linkTelegramChat(pollingCtx.get(bot)!.ctx, c.chat.id, c.match.trim(), c.from?.language_code);
      await c.reply(reply);
    });
    bot.catch((err) => pollingCtx.get(bot)?.log('Telegram update failed', err.error));
  }

  const loop = (async () => {
    // A failure to take the lock's connection (a busy pool at start, PostgreSQL restarting)
    // is retried soon, 2 s, 4 s … up to retryMs; finding the lock taken waits retryMs.
    let failures = 0;
    while (!stopped) {
      let failed = false;
      try {
        await ctx.db.connection().execute(async (conn) => {
          const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${POLL_LOCK_KEY}) as ok`.execute(conn);
          if (!rows[0]?.ok) return;
          try {
            if (!stopped) await bot.start({ drop_pending_updates: false, allowed_updates: ['message'] });
          } finally {
            await sql`select pg_advisory_unlock(${POLL_LOCK_KEY})`.execute(conn);
          }
        });
      } catch (err) {
        failed = true;
        log('Telegram polling stopped; will retry', err);
      }
      failures = failed ? failures + 1 : 0;
      if (!stopped) await sleep(failed ? Math.min(retryMs, 1_000 * 2 ** failures) : retryMs);
    }
  })();

  return async () => {
    stopped = true;
    wake?.();
    if (bot.isRunning()) await bot.stop().catch(() => {});
    await loop;
  };
}
