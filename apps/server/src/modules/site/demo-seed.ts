// Demo pages: Astana's complete (about, documents, news, social accounts), the ministry of
// labour's without social accounts, so completeness has something to show.
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';

const PAGES = [
  {
    body: 'akimat-astana',
    about: {
      kk: 'Астана қаласының әкімдігі — қаланың атқарушы органы. Қала шаруашылығын, абаттандыруды, білім беру мен денсаулық сақтауды басқарады.',
      ru: 'Акимат города Астаны — исполнительный орган города. Отвечает за городское хозяйство, благоустройство, образование и здравоохранение.',
      en: 'The Akimat of Astana is the city’s executive body, responsible for municipal services, improvement, education and health care.',
    },
    documents: [{ title: 'Порядок рассмотрения обращений', url: 'https://akimat-astana.example.kz/docs/appeals.pdf', date: '2026-01-15' }],
    news: [{ title: 'Приём граждан в декабре', text: 'График личного приёма руководства на декабрь утверждён.', date: '2026-11-20' }],
    social: [
      { network: 'telegram', url: 'https://t.me/astana_akimat_demo' },
      { network: 'instagram', url: 'https://instagram.com/astana_akimat_demo' },
    ],
  },
  {
    body: 'min-labour',
    about: { ru: 'Министерство труда и социальной защиты населения Республики Казахстан.' },
    documents: [],
    news: [],
    social: [],
  },
];

export async function seedDemoSitePages(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  for (const p of PAGES) {
    const body = await ctx.db.selectFrom('body').select('id').where('code', '=', p.body).executeTakeFirst();
    if (!body) continue;
    const json = (v: unknown) => sql<never>`${JSON.stringify(v)}::jsonb`;
    await ctx.db
      .insertInto('sitePage')
      .values({ bodyId: body.id, about: json(p.about), documents: json(p.documents), news: json(p.news), social: json(p.social), updatedAt: now })
      .onConflict((oc) => oc.column('bodyId').doNothing())
      .execute();
  }
}
