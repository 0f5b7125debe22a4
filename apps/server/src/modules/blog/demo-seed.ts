// Demo blogs: the akim of Astana and the minister of labour, each with news and an event.
import type { AppContext } from '../../app-context.ts';

const HEADS = [
  {
    body: 'akimat-astana',
    slug: 'astana-akim',
    position: 'Аким города Астаны',
    biography: 'Родился в 1970 году. Окончил Казахский национальный технический университет. Работал в органах местного самоуправления и государственного управления; акимом города назначен в 2024 году.',
    contacts: 'Приёмная: ул. Бейбитшилик, 11, Астана. Телефон: +7 7172 55-00-00. Личный приём — по графику, запись на портале.',
    posts: [
      { kind: 'news', language: 'ru', title: 'Начался ремонт дворов в районе Сарыарка', text: 'В этом году отремонтируем 120 дворов: освещение, детские площадки и тротуары. Список дворов опубликован на сайте акимата.' },
      { kind: 'event', language: 'kk', title: 'Тұрғындармен кездесу', text: 'Алматы ауданының тұрғындарымен ашық кездесу. Сұрақтарыңызды алдын ала блогқа жіберуге болады.', eventInDays: 7 },
    ],
  },
  {
    body: 'min-labour',
    slug: 'labour-minister',
    position: 'Министр труда и социальной защиты населения',
    biography: 'Экономист, более 20 лет в сфере социальной политики.',
    contacts: 'Астана, пр. Мангилик Ел, 8. Канцелярия: kense@min-labour.example.kz',
    posts: [{ kind: 'news', language: 'ru', title: 'Пенсии проиндексированы с 1 января', text: 'Базовая пенсия и солидарная пенсия проиндексированы. Подробности и калькулятор — на портале.' }],
  },
] as const;

export async function seedDemoBlogs(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  for (const h of HEADS) {
    const head = await ctx.db
      .selectFrom('staffUser as u')
      .innerJoin('body as b', 'b.id', 'u.bodyId')
      .select(['u.id', 'u.name', 'u.bodyId'])
      .where('b.code', '=', h.body)
      .where('u.role', '=', 'head')
      .executeTakeFirst();
    if (!head) continue;
    const row = await ctx.db
      .insertInto('blogHead')
      .values({ bodyId: head.bodyId, slug: h.slug, staffUserId: head.id, name: head.name, position: h.position, biography: h.biography, contacts: h.contacts, updatedAt: now })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) continue;
    for (const [i, p] of h.posts.entries()) {
      const eventInDays = 'eventInDays' in p ? p.eventInDays : undefined;
      await ctx.db
        .insertInto('blogPost')
        .values({ headId: row.id, kind: p.kind, language: p.language, title: p.title, text: p.text, eventAt: eventInDays ? new Date(now.getTime() + eventInDays * 86_400_000) : null, publishedAt: new Date(now.getTime() - (i + 1) * 86_400_000), createdBy: head.id })
        .execute();
    }
  }
}
