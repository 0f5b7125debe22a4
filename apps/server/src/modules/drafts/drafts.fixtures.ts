// What the discussion tests share: a published draft, a confirmed commenter, a code read
// from the outbox as the commenter reads it from their mail.
import type { TestEnv } from '../../../test/harness.ts';

export const DRAFT_MD = `# Статья 1. Общие положения
Настоящие Правила определяют порядок содержания дворовых территорий.
Правила применяются на всей территории города.
# Статья 2. Уборка
Уборка снега во дворах проводится в течение суток после снегопада.
Вывоз мусора осуществляется не реже двух раз в неделю.
`;

export async function publishDraft(env: TestEnv, over: Record<string, unknown> = {}, body = 'akimat-astana') {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/drafts',
    headers: { cookie: await env.login('comms_officer', body) },
    payload: { title: 'Правила содержания дворов', language: 'ru', closesAt: '2026-12-10', markdown: DRAFT_MD, ...over },
  });
  if (res.statusCode !== 201) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; state: string; closesAt: string; version: number };
}

/** Asks for a code and reads it from the queued message (as the citizen reads their mail); one code per contact in a test. */
let readers = 0;
/** Each reader comes from an address of their own (the per-address limits count them apart). */
export async function confirmedCode(env: TestEnv, contact: string): Promise<{ codeId: string; code: string; ip: string }> {
  const ip = `10.9.${Math.floor(++readers / 250)}.${(readers % 250) + 1}`;
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/drafts/codes', remoteAddress: ip, payload: { contact, language: 'ru' } });
  if (res.statusCode !== 201) throw new Error(`code: ${res.statusCode} ${res.body}`);
  const { codeId } = res.json() as { codeId: string };
  const msg = await env.ctx.db.selectFrom('notification').select(['payload', 'address', 'channel']).where('template', '=', 'drafts.code').where('address', '=', contact).orderBy('createdAt', 'desc').executeTakeFirstOrThrow();
  return { codeId, code: String((msg.payload as { accessCode: string }).accessCode), ip };
}

export async function comment(env: TestEnv, draftId: string, over: Record<string, unknown>, who: { contact: string; codeId: string; code: string; ip?: string }, ip = who.ip ?? '127.0.0.1') {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/drafts/${draftId}/comments`,
    remoteAddress: ip,
    payload: { name: 'Айгерим Садыкова', contact: who.contact, codeId: who.codeId, code: who.code, stance: 'neutral', text: 'Предлагаю уточнить срок уборки.', ...over },
  });
}
