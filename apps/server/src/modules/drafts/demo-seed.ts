// A demo discussion: Astana's draft rules on yards, open for comment, with a few comments —
// one answered, two waiting for an answer, one hidden by moderation — so the public page,
// the answer form and the moderation queue have something to show.
import type { AppContext } from '../../app-context.ts';
import { splitDocument } from './document.ts';
import { answerDueAt } from './drafts.service.ts';
import { moderate } from './moderation.ts';
import * as repo from './drafts.repository.ts';

export const DEMO_DRAFT_TITLE = 'Правила содержания дворовых территорий города Астаны';

const TEXT = `# Статья 1. Общие положения
Настоящие Правила определяют порядок содержания и уборки дворовых территорий многоквартирных домов.
Правила обязательны для управляющих компаний и объединений собственников имущества.
# Статья 2. Уборка снега
Снег с внутриквартальных проездов убирается в течение 24 часов после окончания снегопада.
Складирование снега на детских и спортивных площадках не допускается.
# Статья 3. Вывоз отходов
Твёрдые бытовые отходы вывозятся не реже двух раз в неделю.
`;

const COMMENTS = [
  { p: 2, name: 'Ерлан Жумабаев', stance: 'against', text: 'Предлагаю сократить срок уборки до 12 часов: за сутки дворы становятся непроходимыми.' },
  { p: 0, name: 'Айгерим Садыкова', stance: 'for', text: 'Поддерживаю: правила наконец собраны в одном документе.', answer: true },
  { p: 4, name: 'Нурлан Ахметов', stance: 'neutral', text: 'Қоқысты аптасына үш рет шығаруды ұсынамын.' },
  { p: 3, name: 'Аноним', stance: 'against', text: 'Авторы проекта — идиоты, всё и так плохо.' },
] as const;

export async function seedDemoDrafts(ctx: AppContext): Promise<void> {
  const body = await repo.bodyByCode(ctx.db, 'akimat-astana');
  if (!body) return;
  const now = ctx.clock.now();
  const paragraphs = splitDocument(TEXT);
  const dues = await Promise.all(COMMENTS.map((c) => answerDueAt(ctx, now, c.stance !== 'for')));
  await ctx.db.transaction().execute(async (tx) => {
    const id = await repo.insertDiscussion(tx, { bodyId: body.id, kind: 'draft_act', subjectKey: null, title: DEMO_DRAFT_TITLE, language: 'ru', opensAt: now, closesAt: new Date(now.getTime() + 20 * 86_400_000), by: null, at: now });
    await repo.insertVersion(tx, id, 1, TEXT, now, paragraphs);
    const ps = await repo.paragraphs(tx, id, 1);
    for (const [i, c] of COMMENTS.entries()) {
      const commentId = await repo.insertComment(tx, {
        discussionId: id,
        paragraphId: ps[c.p]!.id,
        authorName: c.name,
        contact: `demo${i}@example.kz`,
        contactKind: 'email',
        stance: c.stance,
        text: c.text,
        proposal: c.stance !== 'for',
        at: now,
        answerDueAt: dues[i]!,
        hiddenReason: moderate(c.text),
      });
      if ('answer' in c) {
        await repo.updateComment(tx, commentId, {
          answerText: 'Уважаемая Айгерим! Благодарим за поддержку проекта. Правила вступят в силу после утверждения маслихатом.',
          decision: 'accepted',
          decisionReason: 'Замечание поддерживает редакцию проекта, изменений не требуется.',
          answeredAt: now,
        });
      }
    }
  });
}
