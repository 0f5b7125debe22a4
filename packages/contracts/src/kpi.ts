// The one set of KPIs: every figure the API, the dashboard, the reports and the public
// statistics show is computed here from the same sums, so a body, a unit, a channel and a
// topic are always measured alike. Names and formulas in kk/ru/en are the glossary's
// (ARCHITECTURE.md, "KPI glossary").

/** The additive sums a KPI is made of; each is a plain count (or a sum) over a cohort of appeals. */
export interface KpiSums {
  received: number;
  /** Still open now (registered, in work, awaiting the applicant). */
  open: number;
  /** Open and past the legal term now. */
  overdue: number;
  answered: number;
  answeredOnTime: number;
  /** Sum of working days from receipt to answer over the answered appeals. */
  answerWorkdays: number;
  redirected: number;
  lateRedirects: number;
  extensions: number;
  resolved: number;
  explained: number;
  refused: number;
  leftWithoutConsideration: number;
  rated: number;
  satisfactionSum: number;
  disagreements: number;
  repeats: number;
  /** Appeals of an applicant who wrote on the same topic through another channel within 30 days before. */
  overlap: number;
  /** Calls something was made of (a consultation or an appeal), and those settled on the call. */
  callsWithOutcome: number;
  callsResolvedOnCall: number;
  /** Requests for a personal reception and reception slots held. */
  receptionRequests: number;
  receptionSlots: number;
}

export const KPI_CODES = [
  'received',
  'open',
  'overdue',
  'on_time_share',
  'avg_answer_days',
  'redirected_share',
  'late_redirects',
  'extensions',
  'resolved_share',
  'satisfaction',
  'disagreements',
  'repeat_rate',
  'first_call_resolution',
  'reception_demand',
  'channel_overlap',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

/** count: a number of appeals; share: 0..1; average: a mean; ratio: requests per reception. */
export type KpiKind = 'count' | 'share' | 'average' | 'ratio';

interface Text {
  kk: string;
  ru: string;
  en: string;
}

export interface KpiDefinition {
  code: KpiCode;
  kind: KpiKind;
  /** Higher is better (true), worse (false), or neither (null: a volume). */
  higherIsBetter: boolean | null;
  name: Text;
  formula: Text;
  value(s: KpiSums): number | null;
}

const ratio = (num: number, den: number, digits = 3): number | null => (den > 0 ? Math.round((num / den) * 10 ** digits) / 10 ** digits : null);

export const KPIS: readonly KpiDefinition[] = [
  {
    code: 'received', kind: 'count', higherIsBetter: null,
    name: { kk: 'Түскен өтініштер', ru: 'Поступило обращений', en: 'Appeals received' },
    formula: { kk: 'кезеңде түскен өтініштер саны', ru: 'число обращений, поступивших за период', en: 'appeals received in the period' },
    value: (s) => s.received,
  },
  {
    code: 'open', kind: 'count', higherIsBetter: null,
    name: { kk: 'Қаралуда', ru: 'На рассмотрении', en: 'Open' },
    formula: { kk: 'кезеңде түскен, қазір қаралып жатқан өтініштер', ru: 'поступившие за период и сейчас не завершённые', en: 'received in the period and still open now' },
    value: (s) => s.open,
  },
  {
    code: 'overdue', kind: 'count', higherIsBetter: false,
    name: { kk: 'Мерзімі өткен', ru: 'Просрочено', en: 'Overdue' },
    formula: { kk: 'қаралуда және заңды мерзімі өтіп кеткен', ru: 'не завершённые и с истёкшим законным сроком', en: 'open and past the legal term now' },
    value: (s) => s.overdue,
  },
  {
    code: 'on_time_share', kind: 'share', higherIsBetter: true,
    name: { kk: 'Мерзімінде жауап берілгені, %', ru: 'Отвечено в срок, %', en: 'Answered on time, %' },
    formula: { kk: 'мерзімінде жауап берілген ÷ жауап берілген', ru: 'отвечено в законный срок (с продлением) ÷ отвечено', en: 'answered within the legal term (as extended) ÷ answered' },
    value: (s) => ratio(s.answeredOnTime, s.answered),
  },
  {
    code: 'avg_answer_days', kind: 'average', higherIsBetter: false,
    name: { kk: 'Жауаптың орташа мерзімі, жұмыс күні', ru: 'Средний срок ответа, рабочих дней', en: 'Average time to answer, working days' },
    formula: { kk: 'түскен күннен жауапқа дейінгі жұмыс күндерінің қосындысы ÷ жауап берілген', ru: 'сумма рабочих дней от поступления до ответа ÷ отвечено', en: 'sum of working days from receipt to answer ÷ answered' },
    value: (s) => ratio(s.answerWorkdays, s.answered, 1),
  },
  {
    code: 'redirected_share', kind: 'share', higherIsBetter: false,
    name: { kk: 'Қайта жолданғаны, %', ru: 'Переадресовано, %', en: 'Redirected, %' },
    formula: { kk: 'басқа органға жолданған ÷ түскен', ru: 'переадресовано в другой орган ÷ поступило', en: 'redirected to another body ÷ received' },
    value: (s) => ratio(s.redirected, s.received),
  },
  {
    code: 'late_redirects', kind: 'count', higherIsBetter: false,
    name: { kk: 'Кешіктірілген қайта жолдау', ru: 'Переадресовано с опозданием', en: 'Late redirects' },
    formula: { kk: '3 жұмыс күнінен кейін жолданған (ӘРПК 65-бап)', ru: 'переадресовано позже 3 рабочих дней (ст. 65 АППК)', en: 'redirected after the 3-working-day term (art. 65)' },
    value: (s) => s.lateRedirects,
  },
  {
    code: 'extensions', kind: 'count', higherIsBetter: false,
    name: { kk: 'Мерзімі ұзартылған', ru: 'Продлено сроков', en: 'Extensions' },
    formula: { kk: 'мерзімі ұзартылған өтініштер', ru: 'обращения с продлённым сроком', en: 'appeals whose term was extended' },
    value: (s) => s.extensions,
  },
  {
    code: 'resolved_share', kind: 'share', higherIsBetter: true,
    name: { kk: 'Шешілгені, %', ru: 'Решено, %', en: 'Resolved, %' },
    formula: { kk: 'шешілді ÷ (шешілді + түсіндірілді + бас тартылды)', ru: 'решено ÷ (решено + разъяснено + отказано)', en: 'resolved ÷ (resolved + explained + refused)' },
    value: (s) => ratio(s.resolved, s.resolved + s.explained + s.refused),
  },
  {
    code: 'satisfaction', kind: 'average', higherIsBetter: true,
    name: { kk: 'Қанағаттану (1–5)', ru: 'Удовлетворённость (1–5)', en: 'Satisfaction (1–5)' },
    formula: { kk: 'бағалардың қосындысы ÷ бағалар саны', ru: 'сумма оценок ÷ число оценок', en: 'sum of ratings ÷ number of ratings' },
    value: (s) => ratio(s.satisfactionSum, s.rated, 2),
  },
  {
    code: 'disagreements', kind: 'count', higherIsBetter: false,
    name: { kk: 'Жауаппен келіспеу', ru: 'Несогласие с ответом', en: 'Disagreements' },
    formula: { kk: 'жауаппен келіспеген өтініш берушілер', ru: 'заявители, не согласные с ответом', en: 'applicants who disagreed with the answer' },
    value: (s) => s.disagreements,
  },
  {
    code: 'repeat_rate', kind: 'share', higherIsBetter: false,
    name: { kk: 'Қайталама өтініштер, %', ru: 'Повторные обращения, %', en: 'Repeat rate, %' },
    formula: { kk: 'қайталама ÷ түскен', ru: 'повторные ÷ поступило', en: 'repeat appeals ÷ received' },
    value: (s) => ratio(s.repeats, s.received),
  },
  {
    code: 'first_call_resolution', kind: 'share', higherIsBetter: true,
    name: { kk: 'Бірінші қоңырауда шешілгені, %', ru: 'Решено при первом звонке, %', en: 'First-call resolution, %' },
    formula: { kk: 'кеңеспен аяқталған қоңыраулар ÷ нәтижесі бар қоңыраулар', ru: 'звонки, решённые консультацией ÷ звонки с результатом', en: 'calls settled by a consultation ÷ calls with an outcome' },
    value: (s) => ratio(s.callsResolvedOnCall, s.callsWithOutcome),
  },
  {
    code: 'reception_demand', kind: 'ratio', higherIsBetter: null,
    name: { kk: 'Жеке қабылдауға сұраныс', ru: 'Спрос на личный приём', en: 'Demand for personal reception' },
    formula: { kk: 'жеке қабылдауға жазылу ÷ өткізілген қабылдау уақыттары', ru: 'запросы на личный приём ÷ проведённые приёмы (слоты)', en: 'requests for a personal reception ÷ reception slots held' },
    value: (s) => ratio(s.receptionRequests, s.receptionSlots, 2),
  },
  {
    code: 'channel_overlap', kind: 'share', higherIsBetter: false,
    name: { kk: 'Арналардың қайталануы, %', ru: 'Дублирование каналов, %', en: 'Channel overlap, %' },
    formula: {
      kk: '30 күн ішінде сол тақырып бойынша басқа арна арқылы да жазған өтініш берушінің өтініштері ÷ түскен',
      ru: 'обращения заявителя, писавшего по той же теме через другой канал в предыдущие 30 дней ÷ поступило',
      en: 'appeals of an applicant who wrote on the same topic through another channel in the 30 days before ÷ received',
    },
    value: (s) => ratio(s.overlap, s.received),
  },
];

export const EMPTY_KPI_SUMS: KpiSums = {
  received: 0, open: 0, overdue: 0, answered: 0, answeredOnTime: 0, answerWorkdays: 0, redirected: 0, lateRedirects: 0, extensions: 0,
  resolved: 0, explained: 0, refused: 0, leftWithoutConsideration: 0, rated: 0, satisfactionSum: 0, disagreements: 0, repeats: 0, overlap: 0,
  callsWithOutcome: 0, callsResolvedOnCall: 0, receptionRequests: 0, receptionSlots: 0,
};

export type KpiValues = Record<KpiCode, number | null>;

/** Every KPI of a set of sums: the one place a KPI is computed. */
export function computeKpis(s: KpiSums): KpiValues {
  return Object.fromEntries(KPIS.map((k) => [k.code, k.value(s)])) as KpiValues;
}

/** Sums of several groups added up (a body and its subordinates, a year of days). */
export function addKpiSums(a: KpiSums, b: KpiSums): KpiSums {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof KpiSums)[]) out[k] = a[k] + b[k];
  return out;
}

/** Dimensions the KPIs are grouped and filtered by. */
export const KPI_DIMENSIONS = ['body', 'unit', 'channel', 'topic', 'district', 'day'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];
