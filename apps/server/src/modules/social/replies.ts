// What the body says back under a comment, in the comment's language. A registered comment
// gets its appeal's number (never the access code: the comment thread is public); a
// question for another body names that body and its page; nobody's question gets the
// standard reply of the process maps.
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import type { Tx } from '../../platform/events.ts';
import { queueNotification } from '../notify/index.ts';
import * as repo from './social.repository.ts';

export function registeredReply(lang: Language, number: string): string {
  return {
    kk: `Рақмет! Пікіріңіз № ${number} өтініш ретінде тіркелді. Жауап заңда белгіленген мерзімде осында беріледі.`,
    ru: `Спасибо! Ваш комментарий зарегистрирован как обращение № ${number}. Ответ будет дан здесь в установленный законом срок.`,
    en: `Thank you! Your comment is registered as appeal No. ${number}. The answer will be given here within the term set by law.`,
  }[lang];
}

export function redirectedReply(lang: Language, bodyName: string, link: string): string {
  return {
    kk: `Бұл сұрақ ${bodyName} құзыретіне жатады. Өтінішіңізді соларға жіберіңіз: ${link}`,
    ru: `Этот вопрос относится к компетенции: ${bodyName}. Пожалуйста, обратитесь туда: ${link}`,
    en: `This question is for ${bodyName}. Please write to them: ${link}`,
  }[lang];
}

export function standardReplyText(lang: Language, reason: string | null): string {
  const text = {
    kk: 'Сіздің сұрағыңыз мемлекеттік органдардың құзыретіне жатпайды, сондықтан оны мәні бойынша қарау мүмкін емес.',
    ru: 'Ваш вопрос не относится к компетенции государственных органов, поэтому рассмотреть его по существу невозможно.',
    en: 'Your question does not fall within the competence of any state body, so it cannot be considered on its merits.',
  }[lang];
  return reason ? `${text} ${reason}` : text;
}

/**
 * A reply to one comment, queued in the caller's transaction: the `social_reply` row and the
 * outbox row that the delivery worker sends through the network's API (reply-sender.ts).
 */
export async function queueReply(ctx: AppContext, tx: Tx, m: { id: string }, r: { text: string; kind: string; language: Language; by: string | null }) {
  const at = ctx.clock.now();
  const reply = await repo.insertReply(tx, { messageId: m.id, text: r.text, kind: r.kind, at, by: r.by });
  await queueNotification(tx, { recipientKind: 'applicant', template: 'social.reply', channel: 'social', language: r.language, address: reply.id, payload: {}, at });
  return reply.id;
}
