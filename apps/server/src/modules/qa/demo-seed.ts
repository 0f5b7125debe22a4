// Demo questions in Astana's online Q&A: asked through intake like any question, then
// published and answered as a moderator and an executor would (demonstration data only).
import type { AppContext } from '../../app-context.ts';
import { askQuestion } from './qa.service.ts';

const QUESTIONS = [
  {
    topic: 'improvement.lighting',
    text: 'Когда восстановят освещение во дворе дома на проспекте Сарыарка, 12? Меня зовут Айгүл Серікқызы.',
    published: 'Когда восстановят освещение во дворе дома на проспекте Сарыарка, 12?',
    answer: 'Освещение во дворе восстановлено 20 ноября: заменены кабель и четыре светильника. Благодарим за сигнал.',
  },
  {
    topic: 'roads_transport.potholes',
    text: 'Будет ли отремонтирована дорога на улице Кабанбай батыра у пересечения с Сыганак? Тел. +7 701 555 01 02',
    published: 'Будет ли отремонтирована дорога на улице Кабанбай батыра у пересечения с Сыганак?',
    answer: 'Ямочный ремонт участка включён в план на весну; до этого установлены временные знаки объезда.',
  },
  {
    topic: 'improvement.playgrounds',
    text: 'Балалар алаңына пандус қашан орнатылады? Нұра ауданындағы саябақ.',
    published: 'Балалар алаңына пандус қашан орнатылады? Нұра ауданындағы саябақ.',
    answer: null,
  },
];

export async function seedDemoQuestions(ctx: AppContext): Promise<void> {
  const body = await ctx.db.selectFrom('body').select('id').where('code', '=', 'akimat-astana').executeTakeFirst();
  const moderator = body && (await ctx.db.selectFrom('staffUser').select('id').where('bodyId', '=', body.id).where('role', '=', 'moderator').executeTakeFirst());
  if (!body || !moderator) return;
  const now = ctx.clock.now();
  for (const [i, q] of QUESTIONS.entries()) {
    const asked = await askQuestion(ctx, { bodyId: body.id, text: q.text, topicCode: q.topic, name: 'Демо Заявитель', email: `qa${i}@example.kz`, consentToPublish: true }, { channel: 'online_qa' });
    await ctx.db
      .updateTable('publicQuestion')
      .set({ moderation: 'published', publishedQuestion: q.published, publishedAt: now, moderatedBy: moderator.id, moderatedAt: now, ...(q.answer ? { answerText: q.answer, answeredAt: now, answeredOnTime: true } : {}) })
      .where('appealId', '=', asked.id)
      .execute();
  }
}
