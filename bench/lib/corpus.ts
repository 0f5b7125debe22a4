// Realistic appeal content for the benchmarks: real Russian appeals read at run time from
// ../shared/data (never copied into the repository), generated Kazakh and English ones,
// valid ИИН/БИН, and a seeded random source so runs are repeatable.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const SPB_CSV = path.resolve(import.meta.dirname, '../../../shared/data/spb-appeals-2020-2021.csv.gz');

/** mulberry32: small, fast, seeded. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  /** Pick by weight: [[value, weight], …]. */
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of xs) if ((r -= w) < 0) return v;
    return xs[xs.length - 1][0];
  };
  return { next, int, pick, weighted };
}
export type Rng = ReturnType<typeof rng>;

/** The `text` column of the St Petersburg appeals (RFC 4180 CSV, quoted fields may hold newlines). */
export function loadRussianTexts(file = SPB_CSV): string[] {
  if (!fs.existsSync(file)) throw new Error(`${file} not found: the benchmarks read real appeals from ../shared/data`);
  const csv = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  const texts: string[] = [];
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
      if (row.length >= 9) texts.push(row[8]);
      row = [];
    } else field += c;
  }
  const clean = texts.slice(1).map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length >= 10);
  return clean;
}

// Kazakh appeals are written from parts, so every run has many distinct texts.
const KK_OPENINGS = ['Құрметті әкім!', 'Сәлеметсіз бе!', 'Құрметті министрлік!', 'Құрметті басшылық!', 'Құрметті әкімдік!', ''];
const KK_PLACES = ['Біздің ауламызда', 'Абай көшесіндегі үйдің жанында', 'Ауылымызда', 'Мектеп маңында', 'Орталық емхананың алдында', 'Бәйтерек ауданында', 'Достық көшесінде', 'Тұрғын үй кешенінде', 'Аялдама жанында', 'Балалар алаңында'];
const KK_PROBLEMS = [
  'үш апта бойы қоқыс шығарылмайды',
  'жол өте нашар жағдайда, шұңқырлар көп',
  'көше шамдары түнде жанбайды',
  'ыстық су екі айдан бері жоқ',
  'пәтерлерде жылу өте нашар, балалар ауырып жатыр',
  'автобус кестеге сай жүрмейді',
  'ағаштар заңсыз кесіліп жатыр',
  'кәріз құбыры жарылып, иіс шығып тұр',
  'тротуар жөнделмеген, қарттарға жүру қиын',
  'дәрігерге жазылу мүмкін емес, кезек өте ұзын',
  'балабақшаға орын берілмей жатыр',
  'жұмыссыздық бойынша жәрдемақы төленбей жатыр',
  'зейнетақы уақытында түспейді',
  'ауыз су сапасы нашар, түсі лай',
  'жер учаскесін ресімдеу бір жылдан бері созылып келеді',
];
const KK_ASKS = ['Шара қолдануыңызды сұраймын.', 'Мәселені шешуге көмектесуіңізді өтінеміз.', 'Жауабыңызды күтемін.', 'Тексеріс жүргізуді сұраймыз.', 'Жақын арада жөндеуді сұраймыз.', 'Осы мәселе бойынша түсініктеме беруіңізді сұраймын.'];
const KK_DETAILS = ['Бұл туралы бірнеше рет хабарласқанбыз.', 'Тұрғындар қатты алаңдаулы.', 'Фотосуреттерді қоса беремін.', 'Көршілер де осы мәселеге шағымданады.', 'Қыс жақындап келеді.', ''];

export function kazakhText(r: Rng): string {
  return [r.pick(KK_OPENINGS), `${r.pick(KK_PLACES)} ${r.pick(KK_PROBLEMS)}.`, r.pick(KK_DETAILS), r.pick(KK_ASKS)].filter(Boolean).join(' ');
}

const EN_TEXTS = [
  'The street lights on our street have not worked for two weeks. Please repair them.',
  'Garbage has not been collected from our courtyard for three weeks. Please take action.',
  'The bus on route 12 does not keep to its timetable; we wait up to forty minutes.',
  'There has been no hot water in our building for a month. Please explain when it will be restored.',
  'I propose to build a playground in the yard of our building, the children have nowhere to play.',
];
export const englishText = (r: Rng) => r.pick(EN_TEXTS);

/** A valid ИИН (individual) or БИН (legal entity): 11 digits and the checksum of contracts/iin.ts. */
export function iinOrBin(r: Rng, kind: 'iin' | 'bin'): string {
  for (;;) {
    const head =
      kind === 'iin'
        ? `${String(50 + r.int(50)).padStart(2, '0')}${String(1 + r.int(12)).padStart(2, '0')}${String(1 + r.int(28)).padStart(2, '0')}${3 + r.int(2)}`
        : `${String(r.int(25)).padStart(2, '0')}${String(1 + r.int(12)).padStart(2, '0')}${4 + r.int(3)}`;
    const d = [...(head + Array.from({ length: 11 - head.length }, () => r.int(10)).join(''))].map(Number);
    const sum = (offset: number) => d.reduce((s, x, i) => s + x * (((i + offset) % 11) + 1), 0) % 11;
    let check = sum(0);
    if (check === 10) check = sum(2);
    if (check !== 10) return d.join('') + check;
  }
}

const FIRST = ['Айгерим', 'Нұрлан', 'Дана', 'Ерлан', 'Асель', 'Марат', 'Ольга', 'Сергей', 'Гульнара', 'Тимур', 'Жанна', 'Арман', 'Елена', 'Бауыржан'];
const LAST = ['Садықова', 'Ахметов', 'Иванова', 'Сейткали', 'Жумабаев', 'Ким', 'Петров', 'Омарова', 'Нургалиев', 'Смагулова'];
export const personName = (r: Rng) => `${r.pick(FIRST)} ${r.pick(LAST)}`;
const STREETS = ['Абая', 'Достык', 'Республики', 'Кенесары', 'Сатпаева', 'Ленина', 'Жамбыла', 'Мира'];
export const address = (r: Rng, city: string) => `${city}, ул. ${r.pick(STREETS)}, ${1 + r.int(120)}, кв. ${1 + r.int(200)}`;
