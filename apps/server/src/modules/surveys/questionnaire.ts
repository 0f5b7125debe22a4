// What a questionnaire is made of: questions of four kinds in kk/ru/en, the respondent's
// profile (the study's quota dimensions) and the study's own template: awareness, use and
// satisfaction for each channel of appeal.
import { AppError } from '../../platform/errors.ts';

export type Localized = { kk: string; ru: string; en: string };
export type QuestionKind = 'single' | 'multiple' | 'scale' | 'text';
export interface Question {
  id: string;
  kind: QuestionKind;
  text: Localized;
  options?: Array<{ id: string; text: Localized }>;
  /** scale: from 1 to max (default 5) */
  max?: number;
  required?: boolean;
}

const l = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

/** The profile every respondent gives: the dimensions of the quotas and the cross-tabulations. */
export const PROFILE: Record<string, { name: Localized; groups: Record<string, Localized> }> = {
  ageGroup: {
    name: l('Жас тобы', 'Возрастная группа', 'Age group'),
    groups: { '18-29': l('18–29', '18–29', '18–29'), '30-44': l('30–44', '30–44', '30–44'), '45-60': l('45–60', '45–60', '45–60'), '61+': l('61 және одан жоғары', '61 и старше', '61 and over') },
  },
  region: {
    name: l('Өңір', 'Регион', 'Region'),
    groups: {
      astana: l('Астана', 'Астана', 'Astana'),
      almaty: l('Алматы', 'Алматы', 'Almaty'),
      shymkent: l('Шымкент', 'Шымкент', 'Shymkent'),
      north: l('Солтүстік облыстар', 'Северные области', 'Northern regions'),
      south: l('Оңтүстік облыстар', 'Южные области', 'Southern regions'),
      east: l('Шығыс облыстар', 'Восточные области', 'Eastern regions'),
      west: l('Батыс облыстар', 'Западные области', 'Western regions'),
      centre: l('Орталық облыстар', 'Центральные области', 'Central regions'),
    },
  },
  occupation: {
    name: l('Қызмет түрі', 'Род занятий', 'Occupation'),
    groups: {
      student: l('Білім алушы', 'Учащийся, студент', 'Student'),
      public_sector: l('Мемлекеттік сектор қызметкері', 'Работник госсектора', 'Public sector employee'),
      private_sector: l('Жеке сектор қызметкері', 'Работник частного сектора', 'Private sector employee'),
      self_employed: l('Өзін-өзі жұмыспен қамтыған, кәсіпкер', 'Самозанятый, предприниматель', 'Self-employed, entrepreneur'),
      unemployed: l('Жұмыссыз', 'Безработный', 'Unemployed'),
      retired: l('Зейнеткер', 'Пенсионер', 'Retired'),
      other: l('Басқа', 'Другое', 'Other'),
    },
  },
  education: {
    name: l('Білімі', 'Образование', 'Education'),
    groups: {
      secondary: l('Орта', 'Среднее', 'Secondary'),
      vocational: l('Арнаулы орта', 'Среднее специальное', 'Vocational'),
      higher: l('Жоғары', 'Высшее', 'Higher'),
      postgraduate: l('Жоғары оқу орнынан кейінгі', 'Послевузовское', 'Postgraduate'),
    },
  },
  sex: { name: l('Жынысы', 'Пол', 'Sex'), groups: { female: l('Әйел', 'Женский', 'Female'), male: l('Ер', 'Мужской', 'Male') } },
};
export const DIMENSIONS = Object.keys(PROFILE);

const YES_NO = [
  { id: 'yes', text: l('Иә', 'Да', 'Yes') },
  { id: 'no', text: l('Жоқ', 'Нет', 'No') },
];

/** The channels the study asked about. */
const CHANNELS: Array<[string, Localized]> = [
  ['eotinish', l('E-Otinish порталы', 'Портал E-Otinish', 'The E-Otinish portal')],
  ['egov', l('eGov порталы', 'Портал eGov', 'The eGov portal')],
  ['personal_reception', l('Жеке қабылдау', 'Личный приём', 'Personal reception')],
  ['call_centre', l('Байланыс орталығы (1414, 109)', 'Контакт-центр (1414, 109)', 'Contact centre (1414, 109)')],
  ['head_blog', l('Басшының блогы', 'Блог руководителя', 'The head’s blog')],
  ['social_media', l('Әлеуметтік желілер', 'Социальные сети', 'Social media')],
  ['website', l('Органның сайты', 'Сайт госоргана', 'The body’s website')],
  ['mobile_app', l('Қаланың мобильді қосымшасы', 'Мобильное приложение города', 'The city’s mobile app')],
];

/** The study's questionnaire: for each channel, awareness, use in the last 12 months and satisfaction (1–5). */
export function channelsTemplate(): { title: Localized; questions: Question[] } {
  const questions: Question[] = [];
  for (const [code, name] of CHANNELS) {
    questions.push(
      { id: `${code}_aware`, kind: 'single', required: true, text: l(`${name.kk}: бұл арна туралы білесіз бе?`, `${name.ru}: знаете ли вы об этом канале?`, `${name.en}: have you heard of this channel?`), options: YES_NO },
      { id: `${code}_used`, kind: 'single', text: l(`${name.kk}: соңғы 12 айда пайдаландыңыз ба?`, `${name.ru}: пользовались ли вы им за последние 12 месяцев?`, `${name.en}: have you used it in the last 12 months?`), options: YES_NO },
      { id: `${code}_satisfaction`, kind: 'scale', max: 5, text: l(`${name.kk}: қаншалықты қанағаттандыңыз? (1–5)`, `${name.ru}: насколько вы удовлетворены? (1–5)`, `${name.en}: how satisfied were you? (1–5)`) },
    );
  }
  questions.push({
    id: 'preferred_channel',
    kind: 'multiple',
    text: l('Қай арналар арқылы жүгінуді қалайсыз?', 'Через какие каналы вы предпочитаете обращаться?', 'Which channels do you prefer to use?'),
    options: CHANNELS.map(([id, text]) => ({ id, text })),
  });
  questions.push({ id: 'suggestions', kind: 'text', text: l('Арналарды жақсарту бойынша ұсыныстарыңыз', 'Ваши предложения по улучшению каналов', 'Your suggestions for improving the channels') });
  return { title: l('Өтініш беру арналарын қабылдау', 'Восприятие каналов обращений', 'Perception of the channels of appeal'), questions };
}

const bad = (message: string, field: string) => new AppError('VALIDATION_FAILED', message, { field });

/** A questionnaire as the builder sends it: ids unique, options where the kind needs them. */
export function assertQuestions(questions: Question[]): void {
  if (questions.length === 0) throw bad('a survey needs at least one question', 'questions');
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    if (ids.has(q.id)) throw bad(`question id ${q.id} repeats`, `questions.${i}.id`);
    ids.add(q.id);
    const needsOptions = q.kind === 'single' || q.kind === 'multiple';
    if (needsOptions && (!q.options || q.options.length < 2)) throw bad('a choice question needs at least two options', `questions.${i}.options`);
    if (needsOptions && new Set(q.options!.map((o) => o.id)).size !== q.options!.length) throw bad('option ids repeat', `questions.${i}.options`);
    if (!needsOptions && q.options?.length) throw bad('only choice questions have options', `questions.${i}.options`);
  });
}

export function assertQuotas(quotas: Record<string, Record<string, number>>): void {
  for (const [dim, groups] of Object.entries(quotas)) {
    if (!PROFILE[dim]) throw bad(`unknown profile dimension ${dim}`, 'quotas');
    for (const g of Object.keys(groups)) if (!PROFILE[dim].groups[g]) throw bad(`unknown group ${g} of ${dim}`, 'quotas');
  }
}

/** A response checked against the questionnaire and the profile: only known answers of the right shape. */
export function checkResponse(questions: Question[], profile: Record<string, string>, answers: Record<string, unknown>): Record<string, string | string[] | number> {
  for (const dim of DIMENSIONS) if (!profile[dim] || !PROFILE[dim].groups[profile[dim]]) throw bad(`profile ${dim} is required`, `profile.${dim}`);
  for (const k of Object.keys(profile)) if (!PROFILE[k]) throw bad(`unknown profile dimension ${k}`, `profile.${k}`);
  const out: Record<string, string | string[] | number> = {};
  const known = new Map(questions.map((q) => [q.id, q]));
  for (const k of Object.keys(answers)) if (!known.has(k)) throw bad(`unknown question ${k}`, `answers.${k}`);
  for (const q of questions) {
    const a = answers[q.id];
    if (a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0)) {
      if (q.required) throw bad('this question needs an answer', `answers.${q.id}`);
      continue;
    }
    const optionIds = new Set(q.options?.map((o) => o.id));
    if (q.kind === 'single' && !(typeof a === 'string' && optionIds.has(a))) throw bad('choose one of the options', `answers.${q.id}`);
    if (q.kind === 'multiple' && !(Array.isArray(a) && a.every((x) => typeof x === 'string' && optionIds.has(x)) && new Set(a).size === a.length)) throw bad('choose among the options', `answers.${q.id}`);
    if (q.kind === 'scale' && !(Number.isInteger(a) && (a as number) >= 1 && (a as number) <= (q.max ?? 5))) throw bad(`a whole number from 1 to ${q.max ?? 5}`, `answers.${q.id}`);
    if (q.kind === 'text' && !(typeof a === 'string' && a.length <= 4000)) throw bad('text up to 4000 characters', `answers.${q.id}`);
    out[q.id] = q.kind === 'text' ? (a as string).trim() : (a as string | string[] | number);
  }
  return out;
}
