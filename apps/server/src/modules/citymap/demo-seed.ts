// Demo city objects (QR posters) of the Astana akimat and, with the demo appeals, a few
// appeals from the city app with a place, so the public map has something to show.
import type { AppContext } from '../../app-context.ts';
import { registerAppeal } from '../appeals/index.ts';
import type { Staff } from '../../platform/staff.ts';
import * as repo from './citymap.repository.ts';

const OBJECTS = [
  { code: 'AST-BUS-0417', name: 'Аялдама «Бәйтерек» / Остановка «Байтерек»', address: 'Астана, Нұржол бульвары', lat: 51.1283, lon: 71.4305, topicCode: 'roads_transport' },
  { code: 'AST-PLAY-0021', name: 'Балалар алаңы, Нұра ауданы / Детская площадка, район Нура', address: 'Астана, Нұра ауданы, Орталық саябақ', lat: 51.0902, lon: 71.4187, topicCode: 'improvement.playgrounds' },
  { code: 'AST-ENTR-1203', name: 'Кіреберіс, Сарыарқа даңғылы 12 / Подъезд, пр. Сарыарка 12', address: 'Астана, Сарыарқа даңғылы, 12', lat: 51.1665, lon: 71.4222, topicCode: 'improvement.lighting' },
];

const PLACED_APPEALS = [
  { daysAgo: 2, topic: 'roads_transport.potholes', lat: 51.1512, lon: 71.4417, text: 'Глубокая яма на проезжей части у дома 8 по улице Кенесары, машины бьют колёса.' },
  { daysAgo: 4, topic: 'improvement.lighting', lat: 51.1665, lon: 71.4222, text: 'Подъезд дома 12 по Сарыарке: не горит фонарь у входа уже неделю.' },
  { daysAgo: 6, topic: 'improvement.garbage', lat: 51.1421, lon: 71.4718, text: 'Контейнерлік алаң толып кетті, қоқыс үш күннен бері шығарылмайды.' },
  { daysAgo: 9, topic: 'improvement.playgrounds', lat: 51.0904, lon: 71.4186, text: 'The swing at the playground in Nura district is broken and dangerous for children.' },
  { daysAgo: 11, topic: 'roads_transport.potholes', lat: 51.1189, lon: 71.4662, text: 'Разбит тротуар на пересечении Туран и Орынбор, пешеходам приходится идти по дороге.' },
];

export async function seedDemoCityObjects(ctx: AppContext, opts: { appeals?: boolean } = {}): Promise<{ objects: number; appeals: number }> {
  const officer = await ctx.db
    .selectFrom('staffUser as u')
    .innerJoin('body as b', 'b.id', 'u.bodyId')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.bodyId', 'u.unitId', 'u.language'])
    .where('b.code', '=', 'akimat-astana')
    .where('u.role', '=', 'comms_officer')
    .executeTakeFirst();
  if (!officer) return { objects: 0, appeals: 0 }; // no accounts (seed --bodies)
  const now = ctx.clock.now();
  let objects = 0;
  for (const o of OBJECTS) {
    if (await repo.insertObject(ctx.db, { ...o, bodyId: officer.bodyId, createdBy: officer.id, createdAt: now })) objects += 1;
  }
  let appeals = 0;
  if (opts.appeals) {
    for (const a of PLACED_APPEALS) {
      await registerAppeal(
        ctx,
        {
          bodyId: officer.bodyId,
          kind: 'complaint',
          text: a.text,
          topicCode: a.topic,
          applicant: { type: 'individual', name: 'Демо Өтініш беруші', email: 'city-app@example.kz' },
          preferredAnswer: 'email',
          channel: 'mobile_app',
          receivedAt: new Date(now.getTime() - a.daysAgo * 86_400_000).toISOString(),
          location: { lat: a.lat, lon: a.lon },
        },
        { staff: officer as Staff },
      );
      appeals += 1;
    }
  }
  return { objects, appeals };
}
