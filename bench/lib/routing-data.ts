// The real labelled appeals of ../shared/data for the routing model: St Petersburg's
// (category, reason, executor) and Kursk's (topic, executor, category), read at run time and
// never copied into the repository. Their labels are mapped to the platform's topic taxonomy
// by the rules below (first match wins); the shipped base model is trained on the mapped
// labels, and the benchmark measures both the source labels and the mapped topics.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SPB_CSV } from './corpus.ts';

export const KURSK_CSV = path.resolve(import.meta.dirname, '../../../shared/data/kursk-appeals-train.csv');

/** RFC 4180 rows (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (csv[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

export interface LabelledAppeal {
  id: string;
  text: string;
  /** the source's own fine label (St Petersburg: reason; Kursk: topic) */
  reason: string;
  /** the source's coarse label (St Petersburg: its 15 categories; Kursk: its 17 category numbers) */
  category: string;
  executor: string;
  /** the platform's taxonomy code the labels map to */
  topic: string;
}

function need(file: string) {
  if (!fs.existsSync(file)) throw new Error(`${file} not found: routing is trained and measured on the real appeals in ../shared/data`);
}

export function loadSpb(): LabelledAppeal[] {
  need(SPB_CSV);
  const [, ...rows] = parseCsv(zlib.gunzipSync(fs.readFileSync(SPB_CSV)).toString('utf8'));
  return rows
    .filter((r) => r.length >= 9 && r[8].trim().length >= 5)
    .map((r) => ({ id: r[0], text: r[8], category: r[3], reason: r[4], executor: r[5], topic: taxonomyTopic(`${r[3]} | ${r[4]}`) }));
}

export function loadKursk(): LabelledAppeal[] {
  need(KURSK_CSV);
  const [, ...rows] = parseCsv(fs.readFileSync(KURSK_CSV, 'utf8'));
  return rows
    .filter((r) => r.length >= 5 && r[1].trim().length >= 5 && r[2] !== 'Тестовая категория')
    .map((r) => ({ id: r[0], text: r[1], reason: r[2], executor: r[3], category: r[4], topic: taxonomyTopic(r[2]) }));
}

// Source label (Russian) -> taxonomy code. Order matters: specific before general.
const RULES: Array<[RegExp, string]> = [
  [/инвалид|пандус|подъемная платформа/i, 'social.disability'],
  [/пособи|компенсац|социальн.*(поддержк|льгот)|адресн.*помощ|ветеран/i, 'social.family_benefits'],
  [/вакцин|covid|пцр|переболевш|самонаблюдени|медицин|здравоохранени|регистратур/i, 'health.clinic'],
  [/лекарств|детским питанием/i, 'health.medicines'],
  [/дошкольн|детский сад|воспитател/i, 'education.kindergarten_queue'],
  [/школ|обучени|учител|преподавател|образовани/i, 'education.school'],
  [/заработной платы|трудов/i, 'labour.wage_arrears'],
  [/занятост/i, 'labour.jobs'],
  [/наледи на крыше|кровл/i, 'housing.repair'],
  [/снег|налед/i, 'improvement.snow'],
  [/ливнев|водоотведен|канализац|жидких бытовых/i, 'housing.water'],
  [/водоснабжен|воды|водозабор|протечка труб/i, 'housing.water'],
  [/отоплен|теплоснабжен|температура|радиатор/i, 'housing.heating'],
  [/электросет|энергоснабжен|провода на зданиях/i, 'housing.power'],
  [/свалк|железобетонные изделия|крупногабаритные/i, 'ecology.illegal_dumps'],
  [/запах|водных объектов|порча земель/i, 'ecology.air'],
  [/тарификац|оплат.*проезд/i, 'roads_transport.fares'],
  [/поезд|ж\/д|вагон|междугородн/i, 'roads_transport.intercity'],
  [/маршрут|перевозок|остановочн|остановки общественного/i, 'roads_transport.bus_routes'],
  [/светофор|дорожн.*знак|знаки|разметк|неровност|бордюр|пешеходные переходы|безопасная дорога/i, 'roads_transport.traffic'],
  [/парков/i, 'roads_transport.parking'],
  [/освещени.*(подъезд|лифт|многоквартирном|фасаде жилого)/i, 'housing.management_company'],
  [/освещени|опор.*освещени|провода на опорах/i, 'improvement.lighting'],
  [/детск|спортивн|зон отдыха/i, 'improvement.playgrounds'],
  [/дерев|кустарник|зелен|газон|клумб|сорная растительность|насаждени/i, 'improvement.greenery'],
  [/животны/i, 'improvement.stray_animals'],
  [/мусор|урн|отходов|контейнер|уборк.*(улиц|дворов)/i, 'improvement.garbage'],
  [/дорожного покрытия|ямы|выбоин|проезжей части|тротуар/i, 'roads_transport.potholes'],
  [/реклам|информационн.*конструкц/i, 'construction.urban_planning'],
  [/самовольн|перепланиров|незаконное (использование|проживание)|передача общего имущества|блоков систем кондицион/i, 'construction.illegal'],
  [/строительн|стройка|строительство/i, 'construction.quality'],
  [/торговл|реализаци.*товар|качество товара/i, 'public_order.crime_prevention'],
  [/управляющ|жкх|коммунальных услуг/i, 'housing.management_company'],
  [/содержание мкд|санитарное состояние|парадн|подъезд|домофон|лифт|почтов|двер|лестничн|мусоропровод|дезинс|дератиз/i, 'housing.management_company'],
  [/фасад|подвал|цокол|ремонт многоквартирного|аварийное жиль/i, 'housing.repair'],
  [/колодц|люк/i, 'improvement.courtyards'],
  [/благоустройств|асфальтов|лужи|ограждени|малых архитектурных|уличной мебели|надписи|земляных работ|транспортное средство|памятник/i, 'improvement.courtyards'],
  [/государственных.*услуг|госуслуг/i, 'other.public_services'],
];

export function taxonomyTopic(label: string): string {
  for (const [re, code] of RULES) if (re.test(label)) return code;
  return 'other.general';
}

/** A seeded split: every `k`-th item (after a seeded shuffle) held out. */
export function split<T>(items: T[], heldOutShare: number, seed: number): { train: T[]; test: T[] } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const train: T[] = [];
  const test: T[] = [];
  for (const x of items) (next() < heldOutShare ? test : train).push(x);
  return { train, test };
}
