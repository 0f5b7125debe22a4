// Demo data for a new installation: bodies, topics and staff (bodies module) and a few
// appeals on several channels, so the staff workspace has something to show.
import type { AppContext } from './app-context.ts';
import type { Channel } from '@tyndau/contracts';
import { seedDemo } from './modules/bodies/index.ts';
import { demoAccountWriter } from './modules/auth/index.ts';
import { seedDemoReceptions } from './modules/reception/index.ts';
import { seedDemoKnowledge } from './modules/knowledge/index.ts';
import { seedDemoCallLines } from './modules/calls/index.ts';
import { seedDemoDrafts } from './modules/drafts/index.ts';
import { seedDemoBlogs } from './modules/blog/index.ts';
import { seedDemoSitePages } from './modules/site/index.ts';
import { seedDemoQuestions } from './modules/qa/index.ts';
import { seedDemoCityObjects } from './modules/citymap/index.ts';
import { registerAppeal } from './modules/appeals/index.ts';
import type { Staff } from './platform/staff.ts';

interface DemoAppeal {
  body: string;
  channel: Channel;
  daysAgo: number;
  kind: 'application' | 'complaint' | 'proposal' | 'inquiry';
  topic: string;
  text: string;
  name: string;
  email?: string;
  phone?: string;
}

const DEMO_APPEALS: DemoAppeal[] = [
  { body: 'akimat-astana', channel: 'website', daysAgo: 1, kind: 'complaint', topic: 'improvement.lighting', name: 'Айгүл Серікқызы', email: 'aigul@example.kz', text: 'Сарыарқа даңғылы 12 үйдің ауласында екі аптадан бері шам жанбайды. Кешке балалар қараңғыда жүреді.' },
  { body: 'akimat-astana', channel: 'hand_delivered', daysAgo: 12, kind: 'application', topic: 'housing.repair', name: 'Виктор Павлов', phone: '+77015550101', text: 'Прошу включить дом по улице Бейбитшилик, 25 в программу капитального ремонта кровли: крыша протекает третий год.' },
  { body: 'akimat-astana', channel: 'call_centre', daysAgo: 20, kind: 'complaint', topic: 'roads_transport.potholes', name: 'Ерлан Жұмабаев', phone: '+77015550102', text: 'На пересечении улиц Кабанбай батыра и Сыганак глубокая яма, машины объезжают по встречной полосе.' },
  { body: 'akimat-astana', channel: 'mobile_app', daysAgo: 3, kind: 'proposal', topic: 'improvement.playgrounds', name: 'Dana Akhmetova', email: 'dana@example.kz', text: 'Please install a ramp at the playground in the Nura district park so that children in wheelchairs can use it.' },
  { body: 'akimat-almaty', channel: 'social_media', daysAgo: 2, kind: 'complaint', topic: 'ecology.air', name: 'Мария Ким', email: 'maria@example.kz', text: 'В микрорайоне Шанырак по вечерам жгут мусор, дышать невозможно. Просим провести проверку.' },
  { body: 'akimat-almaty', channel: 'egov', daysAgo: 25, kind: 'inquiry', topic: 'education.kindergarten_queue', name: 'Нұрлан Бекұлы', email: 'nurlan@example.kz', text: 'Балабақшаға кезекте тұрмыз, кезек нөміріміз үш айдан бері өзгермейді. Неге екенін түсіндіріп беріңіздерші.' },
  { body: 'nko-petropavlovsk', channel: 'front_office', daysAgo: 5, kind: 'application', topic: 'housing.heating', name: 'Галина Сергеевна Иванова', phone: '+77155550103', text: 'В квартире температура 14 градусов, управляющая компания не реагирует. Прошу принять меры.' },
  { body: 'min-health', channel: 'eotinish', daysAgo: 8, kind: 'complaint', topic: 'health.medicines', name: 'Асель Тулеген', email: 'asel@example.kz', text: 'В поликлинике №4 города Уральска уже месяц нет бесплатного инсулина по программе ГОБМП.' },
  { body: 'min-labour', channel: 'online_qa', daysAgo: 4, kind: 'inquiry', topic: 'social.pension', name: 'Бахыт Оспанов', email: 'bakhyt@example.kz', text: 'Как рассчитывается базовая пенсия при стаже 22 года? Какие документы нужны для назначения?' },
  { body: 'wko-uralsk', channel: 'public_reception', daysAgo: 16, kind: 'complaint', topic: 'improvement.garbage', name: 'Самат Әлиев', phone: '+77115550104', text: 'Контейнерлік алаңнан қоқыс бір аптадан бері шығарылмайды, иті көп, балалар қорқады.' },
];

export async function loadDemoData(ctx: AppContext, opts: { appeals?: boolean } = {}): Promise<void> {
  await seedDemo(ctx, { addAccounts: await demoAccountWriter() });
  await seedDemoReceptions(ctx);
  await seedDemoKnowledge(ctx);
  await seedDemoCallLines(ctx);
  await seedDemoDrafts(ctx);
  await seedDemoBlogs(ctx);
  await seedDemoSitePages(ctx);
  if (opts.appeals) await seedDemoAppeals(ctx);
  if (opts.appeals) await seedDemoQuestions(ctx);
  await seedDemoCityObjects(ctx, opts);
}

async function seedDemoAppeals(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  for (const a of DEMO_APPEALS) {
    const officer = await ctx.db
      .selectFrom('staffUser as u')
      .innerJoin('body as b', 'b.id', 'u.bodyId')
      .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.bodyId', 'u.unitId', 'u.language'])
      .where('b.code', '=', a.body)
      .where('u.role', '=', 'comms_officer')
      .executeTakeFirstOrThrow();
    const receivedAt = new Date(now.getTime() - a.daysAgo * 86_400_000);
    await registerAppeal(
      ctx,
      {
        bodyId: officer.bodyId,
        kind: a.kind,
        text: a.text,
        topicCode: a.topic,
        applicant: { type: 'individual', name: a.name, email: a.email, phone: a.phone },
        preferredAnswer: a.email ? 'email' : 'sms',
        channel: a.channel,
        receivedAt: receivedAt.toISOString(),
      },
      { staff: officer as Staff },
    );
  }
}
