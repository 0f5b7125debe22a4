// What each message says, in Kazakh, Russian and English: a subject, paragraphs (for the
// e-mail's HTML and text, Telegram, the portal and the paper letter) and a short SMS that
// fits two segments (134 UCS-2 characters for Cyrillic, 306 GSM characters for Latin).
// Rendered at send time from the notification's payload; an unknown template still says
// something useful (the number, any text, the link) rather than failing.
import { ALMATY_TIME_ZONE } from '@tyndau/contracts';
import type { Language, Localized } from '@tyndau/contracts';
import { splitSms } from './sms-encoding.ts';

export interface RenderInput {
  template: string;
  language: string;
  payload: Record<string, unknown>;
  /** The appeal the message is about, when there is one. */
  appeal?: { id: string; number: string; applicantName: string | null; bodyName: Localized; legalDueAt: Date | null } | null;
  /** The staff member it goes to (staff messages). */
  recipientName?: string | null;
  publicUrl: string;
  /** Hide secrets (the access code) — for the administrator's outbox and the tracking page. */
  maskSecrets?: boolean;
}

export interface RenderedMessage {
  subject: string;
  /** Greeting and body paragraphs, without the link and footer (the paper letter uses these). */
  paragraphs: string[];
  text: string;
  html: string;
  sms: string;
  /** Where the recipient can follow up (tracking page or the staff card). */
  link: string | null;
}

type Vars = {
  lang: Language;
  n: string;
  name: string | null;
  body: string;
  due: string;
  link: string;
  shortLink: string;
  p: Record<string, unknown>;
  str: (key: string) => string;
  date: (key: string) => string;
};

interface Template {
  subject: (v: Vars) => string;
  /** Paragraphs after the greeting; `greet: false` when the text brings its own address (answers). */
  body: (v: Vars) => Array<string | null | false | undefined>;
  /** SMS text; `{…}` is replaced by `shrink`, cut to make the whole fit two segments. */
  sms?: (v: Vars) => { text: string; shrink?: string };
  greet?: boolean;
}

export const MASK = '••••••••••';
const SMS_MAX: Record<'gsm7' | 'ucs2', number> = { gsm7: 306, ucs2: 134 };

const pad = (x: number) => String(x).padStart(2, '0');
function almaty(at: Date) {
  const d = new Date(at.getTime() + 5 * 3_600_000);
  return { date: `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` };
}
export function formatDate(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const at = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(at.getTime()) ? String(value) : almaty(at).date;
}
export function formatTime(value: unknown): string {
  const at = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(at.getTime()) ? '' : almaty(at).time;
}

/** A payload value in the message's language: plain text, or a {kk, ru, en} object. */
function localized(value: unknown, lang: Language): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    const v = value as Partial<Record<string, unknown>>;
    return String(v[lang] ?? v.ru ?? v.kk ?? v.en ?? '');
  }
  return String(value);
}

const greeting = (lang: Language, name: string | null) =>
  ({
    kk: name ? `Құрметті ${name}!` : 'Құрметті өтініш беруші!',
    ru: name ? `Уважаемый(ая) ${name}!` : 'Уважаемый заявитель!',
    en: name ? `Dear ${name},` : 'Dear applicant,',
  })[lang];

const FOOTER: Localized = {
  kk: 'Бұл хат автоматты түрде жіберілді, оған жауап бермеңіз.',
  ru: 'Это письмо отправлено автоматически, отвечать на него не нужно.',
  en: 'This message was sent automatically; please do not reply to it.',
};
const FOLLOW: Localized = { kk: 'Өтініш беті', ru: 'Страница обращения', en: 'The appeal’s page' };
const OPEN_STAFF: Localized = { kk: 'Tyndau-да ашу', ru: 'Открыть в Tyndau', en: 'Open in Tyndau' };
const RESOLUTION: Record<string, Localized> = {
  resolved: { kk: 'Мәселе шешілді', ru: 'Вопрос решён по существу', en: 'Resolved in substance' },
  explained: { kk: 'Түсіндірілді', ru: 'Даны разъяснения', en: 'Explained' },
  refused: { kk: 'Негіздемесімен бас тартылды', ru: 'Отказано с обоснованием', en: 'Refused with reasons' },
  redirected: { kk: 'Қайта жолданды', ru: 'Переадресовано', en: 'Redirected' },
  left_without_consideration: { kk: 'Қараусыз қалдырылды', ru: 'Оставлено без рассмотрения', en: 'Left without consideration' },
};

type Localizable = Record<Language, Template>;

const registered: Localizable = {
  kk: {
    subject: (v) => `Өтініш № ${v.n} тіркелді`,
    body: (v) => [
      `Сіздің өтінішіңіз тіркелді: ${v.body}.`,
      `Тіркеу нөмірі: ${v.n}. Қолжетімділік коды: ${v.str('accessCode')}. Кодты ешкімге бермеңіз: онымен өтініштің барысын бақылай аласыз.`,
      v.due && `Қарау мерзімі: ${v.due} дейін.`,
    ],
    sms: (v) => ({ text: `Өтініш ${v.n} тіркелді. Код: ${v.str('accessCode')}. ${v.shortLink}` }),
  },
  ru: {
    subject: (v) => `Обращение № ${v.n} зарегистрировано`,
    body: (v) => [
      `Ваше обращение зарегистрировано: ${v.body}.`,
      `Регистрационный номер: ${v.n}. Код доступа: ${v.str('accessCode')}. Никому не сообщайте код: по нему вы следите за рассмотрением обращения.`,
      v.due && `Срок рассмотрения — до ${v.due}.`,
    ],
    sms: (v) => ({ text: `Обращение ${v.n} зарегистрировано. Код доступа: ${v.str('accessCode')}. Статус: ${v.shortLink}` }),
  },
  en: {
    subject: (v) => `Appeal No. ${v.n} registered`,
    body: (v) => [
      `Your appeal has been registered by ${v.body}.`,
      `Registration number: ${v.n}. Access code: ${v.str('accessCode')}. Keep the code to yourself: with it you follow your appeal.`,
      v.due && `It will be considered by ${v.due}.`,
    ],
    sms: (v) => ({ text: `Appeal ${v.n} registered. Access code: ${v.str('accessCode')}. Status: ${v.shortLink}` }),
  },
};

const redirected: Localizable = {
  kk: {
    subject: (v) => `Өтініш № ${v.n} қайта жолданды`,
    body: (v) => [
      `Сіздің өтінішіңіз құзыретіне сәйкес қарау үшін жолданды: ${v.str('targetBodyName')}.`,
      v.str('newNumber') && `Жаңа тіркеу нөмірі: ${v.str('newNumber')}.`,
      v.str('reason') && `Негіздеме: ${v.str('reason')}`,
    ],
    sms: (v) => ({ text: `Өтініш ${v.n} жолданды: {…}.${v.str('newNumber') ? ` Жаңа нөмір: ${v.str('newNumber')}.` : ''}`, shrink: v.str('targetBodyName') }),
  },
  ru: {
    subject: (v) => `Обращение № ${v.n} переадресовано`,
    body: (v) => [
      `Ваше обращение направлено по компетенции: ${v.str('targetBodyName')}.`,
      v.str('newNumber') && `Новый регистрационный номер: ${v.str('newNumber')}.`,
      v.str('reason') && `Основание: ${v.str('reason')}`,
    ],
    sms: (v) => ({ text: `Обращение ${v.n} переадресовано: {…}.${v.str('newNumber') ? ` Новый номер: ${v.str('newNumber')}.` : ''}`, shrink: v.str('targetBodyName') }),
  },
  en: {
    subject: (v) => `Appeal No. ${v.n} redirected`,
    body: (v) => [
      `Your appeal has been forwarded to the competent body: ${v.str('targetBodyName')}.`,
      v.str('newNumber') && `New registration number: ${v.str('newNumber')}.`,
      v.str('reason') && `Grounds: ${v.str('reason')}`,
    ],
    sms: (v) => ({ text: `Appeal ${v.n} forwarded to {…}.${v.str('newNumber') ? ` New number: ${v.str('newNumber')}.` : ''}`, shrink: v.str('targetBodyName') }),
  },
};

const extended: Localizable = {
  kk: {
    subject: (v) => `Өтініш № ${v.n}: қарау мерзімі ұзартылды`,
    body: (v) => [`Өтінішіңізді қарау мерзімі ${v.date('until')} дейін ұзартылды.`, v.str('reason') && `Себебі: ${v.str('reason')}`],
    sms: (v) => ({ text: `Өтініш ${v.n}: мерзім ${v.date('until')} дейін ұзартылды. Себебі: {…}`, shrink: v.str('reason') }),
  },
  ru: {
    subject: (v) => `Обращение № ${v.n}: срок рассмотрения продлён`,
    body: (v) => [`Срок рассмотрения вашего обращения продлён до ${v.date('until')}.`, v.str('reason') && `Причина: ${v.str('reason')}`],
    sms: (v) => ({ text: `Обращение ${v.n}: срок продлён до ${v.date('until')}. Причина: {…}`, shrink: v.str('reason') }),
  },
  en: {
    subject: (v) => `Appeal No. ${v.n}: the term is extended`,
    body: (v) => [`The term for considering your appeal has been extended to ${v.date('until')}.`, v.str('reason') && `Reason: ${v.str('reason')}`],
    sms: (v) => ({ text: `Appeal ${v.n}: term extended to ${v.date('until')}. Reason: {…}`, shrink: v.str('reason') }),
  },
};

const infoRequested: Localizable = {
  kk: {
    subject: (v) => `Өтініш № ${v.n}: қосымша мәліметтер қажет`,
    body: (v) => [
      `Өтінішіңізді қарау үшін қосымша мәліметтер қажет:`,
      v.str('text') || v.str('reason'),
      v.str('until') && `Жауапты ${v.date('until')} дейін жіберуіңізді сұраймыз.`,
      `Жауапты өтініш бетінде қалдыра аласыз.`,
    ],
    sms: (v) => ({ text: `Өтініш ${v.n}: қосымша мәліметтер қажет. Толығырақ: ${v.shortLink}` }),
  },
  ru: {
    subject: (v) => `Обращение № ${v.n}: нужны дополнительные сведения`,
    body: (v) => [
      `Для рассмотрения вашего обращения нужны дополнительные сведения:`,
      v.str('text') || v.str('reason'),
      v.str('until') && `Просим ответить до ${v.date('until')}.`,
      `Ответить можно на странице обращения.`,
    ],
    sms: (v) => ({ text: `Обращение ${v.n}: нужны дополнительные сведения. Подробнее: ${v.shortLink}` }),
  },
  en: {
    subject: (v) => `Appeal No. ${v.n}: more information is needed`,
    body: (v) => [
      `To consider your appeal we need more information:`,
      v.str('text') || v.str('reason'),
      v.str('until') && `Please reply by ${v.date('until')}.`,
      `You can reply on the appeal’s page.`,
    ],
    sms: (v) => ({ text: `Appeal ${v.n}: more information is needed. Details: ${v.shortLink}` }),
  },
};

const resolutionLine = (v: Vars, label: string) => {
  const r = RESOLUTION[v.str('resolution')];
  return r ? `${label}: ${r[v.lang]}.` : null;
};

const answered: Localizable = {
  kk: {
    greet: false,
    subject: (v) => `Өтініш № ${v.n} бойынша жауап`,
    body: (v) => [v.str('text'), resolutionLine(v, 'Қарау нәтижесі'), `Жауапты өтініш бетінде бағалай аласыз.`],
    sms: (v) => ({ text: `Өтініш ${v.n} бойынша жауап дайын. Оқу: ${v.shortLink}` }),
  },
  ru: {
    greet: false,
    subject: (v) => `Ответ на обращение № ${v.n}`,
    body: (v) => [v.str('text'), resolutionLine(v, 'Результат рассмотрения'), `Оценить ответ можно на странице обращения.`],
    sms: (v) => ({ text: `Ответ на обращение ${v.n} готов: ${v.shortLink}` }),
  },
  en: {
    greet: false,
    subject: (v) => `Answer to appeal No. ${v.n}`,
    body: (v) => [v.str('text'), resolutionLine(v, 'Outcome'), `You can rate the answer on the appeal’s page.`],
    sms: (v) => ({ text: `The answer to appeal ${v.n} is ready. Read it: ${v.shortLink}` }),
  },
};

const leftWithout: Localizable = {
  kk: {
    subject: (v) => `Өтініш № ${v.n} қараусыз қалдырылды`,
    body: (v) => [`Өтінішіңіз қараусыз қалдырылды.`, v.str('reason') && `Себебі: ${v.str('reason')}`],
    sms: (v) => ({ text: `Өтініш ${v.n} қараусыз қалдырылды. Себебі: {…}`, shrink: v.str('reason') }),
  },
  ru: {
    subject: (v) => `Обращение № ${v.n} оставлено без рассмотрения`,
    body: (v) => [`Ваше обращение оставлено без рассмотрения.`, v.str('reason') && `Причина: ${v.str('reason')}`],
    sms: (v) => ({ text: `Обращение ${v.n} оставлено без рассмотрения. Причина: {…}`, shrink: v.str('reason') }),
  },
  en: {
    subject: (v) => `Appeal No. ${v.n} left without consideration`,
    body: (v) => [`Your appeal has been left without consideration.`, v.str('reason') && `Reason: ${v.str('reason')}`],
    sms: (v) => ({ text: `Appeal ${v.n} left without consideration. Reason: {…}`, shrink: v.str('reason') }),
  },
};

/** Where the meeting is: the room, or the video link for a remote reception. */
const placeOf = (v: Vars) => v.str('place') || v.str('videoUrl');
const withOfficial = (v: Vars, sep: string) => (v.str('officialName') ? `${sep}${v.str('officialName')}` : '');

const receptionBooked: Localizable = {
  kk: {
    subject: (v) => `Жеке қабылдауға жазылдыңыз: өтініш № ${v.n}`,
    body: (v) => [
      `Сіз ${v.date('startsAt')} күні сағат ${formatTime(v.p.startsAt)} жеке қабылдауға жазылдыңыз${withOfficial(v, ': ')}.`,
      v.str('place') && `Орны: ${v.str('place')}.`,
      v.str('videoUrl') && `Бейнебайланыс: ${v.str('videoUrl')}`,
      `Тіркеу нөмірі: ${v.n}. Қолжетімділік коды: ${v.str('accessCode')}. Кодты ешкімге бермеңіз.`,
    ],
    sms: (v) => ({ text: `Қабылдау ${v.date('startsAt')} ${formatTime(v.p.startsAt)}. Өтініш ${v.n}, код ${v.str('accessCode')}. ${v.shortLink}` }),
  },
  ru: {
    subject: (v) => `Вы записаны на личный приём: обращение № ${v.n}`,
    body: (v) => [
      `Вы записаны на личный приём ${v.date('startsAt')} в ${formatTime(v.p.startsAt)}${withOfficial(v, ': ')}.`,
      v.str('place') && `Место: ${v.str('place')}.`,
      v.str('videoUrl') && `Видеосвязь: ${v.str('videoUrl')}`,
      `Регистрационный номер: ${v.n}. Код доступа: ${v.str('accessCode')}. Никому не сообщайте код.`,
    ],
    sms: (v) => ({ text: `Личный приём ${v.date('startsAt')} в ${formatTime(v.p.startsAt)}. Обращение ${v.n}, код ${v.str('accessCode')}. ${v.shortLink}` }),
  },
  en: {
    subject: (v) => `You are booked for a personal reception: appeal No. ${v.n}`,
    body: (v) => [
      `You are booked for a personal reception on ${v.date('startsAt')} at ${formatTime(v.p.startsAt)}${withOfficial(v, ' with ')}.`,
      v.str('place') && `Place: ${v.str('place')}.`,
      v.str('videoUrl') && `Video link: ${v.str('videoUrl')}`,
      `Registration number: ${v.n}. Access code: ${v.str('accessCode')}. Keep the code to yourself.`,
    ],
    sms: (v) => ({ text: `Personal reception ${v.date('startsAt')} at ${formatTime(v.p.startsAt)}. Appeal ${v.n}, code ${v.str('accessCode')}. ${v.shortLink}` }),
  },
};

const receptionRescheduled: Localizable = {
  kk: {
    subject: (v) => `Жеке қабылдау уақыты өзгерді: өтініш № ${v.n}`,
    body: (v) => [`Жеке қабылдау ${v.date('startsAt')} күні сағат ${formatTime(v.p.startsAt)} уақытына ауыстырылды${withOfficial(v, ': ')}.`, v.str('place') && `Орны: ${v.str('place')}.`, v.str('videoUrl') && `Бейнебайланыс: ${v.str('videoUrl')}`],
    sms: (v) => ({ text: `Өтініш ${v.n}: қабылдау ${v.date('startsAt')} ${formatTime(v.p.startsAt)} ауыстырылды. Орны: {…}`, shrink: placeOf(v) }),
  },
  ru: {
    subject: (v) => `Личный приём перенесён: обращение № ${v.n}`,
    body: (v) => [`Личный приём перенесён на ${v.date('startsAt')}, ${formatTime(v.p.startsAt)}${withOfficial(v, ': ')}.`, v.str('place') && `Место: ${v.str('place')}.`, v.str('videoUrl') && `Видеосвязь: ${v.str('videoUrl')}`],
    sms: (v) => ({ text: `Обращение ${v.n}: приём перенесён на ${v.date('startsAt')} ${formatTime(v.p.startsAt)}. Место: {…}`, shrink: placeOf(v) }),
  },
  en: {
    subject: (v) => `Personal reception moved: appeal No. ${v.n}`,
    body: (v) => [`Your personal reception has moved to ${v.date('startsAt')} at ${formatTime(v.p.startsAt)}${withOfficial(v, ' with ')}.`, v.str('place') && `Place: ${v.str('place')}.`, v.str('videoUrl') && `Video link: ${v.str('videoUrl')}`],
    sms: (v) => ({ text: `Appeal ${v.n}: reception moved to ${v.date('startsAt')} ${formatTime(v.p.startsAt)}. Place: {…}`, shrink: placeOf(v) }),
  },
};

const receptionReminder: Localizable = {
  kk: {
    subject: () => `Жеке қабылдау туралы еске салу`,
    body: (v) => [
      `${v.date('startsAt')} күні сағат ${formatTime(v.p.startsAt)} жеке қабылдауға жазылғаныңызды еске саламыз${withOfficial(v, ': ')}.`,
      v.str('place') && `Орны: ${v.str('place')}.`,
      v.str('videoUrl') && `Бейнебайланыс: ${v.str('videoUrl')}`,
    ],
    sms: (v) => ({ text: `${v.date('startsAt')} ${formatTime(v.p.startsAt)} жеке қабылдау. Орны: {…}. Өтініш ${v.n}`, shrink: placeOf(v) || v.str('officialName') }),
  },
  ru: {
    subject: () => `Напоминание о личном приёме`,
    body: (v) => [
      `Напоминаем: ${v.date('startsAt')} в ${formatTime(v.p.startsAt)} вы записаны на личный приём${withOfficial(v, ': ')}.`,
      v.str('place') && `Место: ${v.str('place')}.`,
      v.str('videoUrl') && `Видеосвязь: ${v.str('videoUrl')}`,
    ],
    sms: (v) => ({ text: `Личный приём ${v.date('startsAt')} в ${formatTime(v.p.startsAt)}. Место: {…}. Обращение ${v.n}`, shrink: placeOf(v) || v.str('officialName') }),
  },
  en: {
    subject: () => `Reminder: personal reception`,
    body: (v) => [
      `A reminder: you are booked for a personal reception on ${v.date('startsAt')} at ${formatTime(v.p.startsAt)}${withOfficial(v, ' with ')}.`,
      v.str('place') && `Place: ${v.str('place')}.`,
      v.str('videoUrl') && `Video link: ${v.str('videoUrl')}`,
    ],
    sms: (v) => ({ text: `Personal reception ${v.date('startsAt')} at ${formatTime(v.p.startsAt)}. Place: {…}. Appeal ${v.n}`, shrink: placeOf(v) || v.str('officialName') }),
  },
};

const receptionSolved: Localizable = {
  kk: {
    subject: (v) => `Өтініш № ${v.n}: мәселе жеке қабылдаусыз шешілді`,
    body: (v) => [`Сіздің мәселеңіз жеке қабылдауды күтпей шешілді, жазылу тоқтатылды.`, v.str('text') || v.str('reason')],
    sms: (v) => ({ text: `Өтініш ${v.n}: мәселе қабылдаусыз шешілді. ${v.shortLink}` }),
  },
  ru: {
    subject: (v) => `Обращение № ${v.n}: вопрос решён без личного приёма`,
    body: (v) => [`Ваш вопрос решён без личного приёма, запись закрыта.`, v.str('text') || v.str('reason')],
    sms: (v) => ({ text: `Обращение ${v.n}: вопрос решён без личного приёма. ${v.shortLink}` }),
  },
  en: {
    subject: (v) => `Appeal No. ${v.n}: solved without a personal reception`,
    body: (v) => [`Your question has been solved without a meeting; the booking is closed.`, v.str('text') || v.str('reason')],
    sms: (v) => ({ text: `Appeal ${v.n}: solved without a personal reception. ${v.shortLink}` }),
  },
};

const generic: Localizable = {
  kk: {
    subject: (v) => `Өтініш № ${v.n}: жаңа хабар`,
    body: (v) => [v.str('text') || `Өтінішіңіз бойынша жаңа хабар бар.`, v.str('reason')],
    sms: (v) => ({ text: `Өтініш ${v.n}: жаңа хабар. ${v.shortLink}` }),
  },
  ru: {
    subject: (v) => `Обращение № ${v.n}: новое сообщение`,
    body: (v) => [v.str('text') || `По вашему обращению есть новости.`, v.str('reason')],
    sms: (v) => ({ text: `Обращение ${v.n}: новое сообщение. ${v.shortLink}` }),
  },
  en: {
    subject: (v) => `Appeal No. ${v.n}: an update`,
    body: (v) => [v.str('text') || `There is news about your appeal.`, v.str('reason')],
    sms: (v) => ({ text: `Appeal ${v.n}: an update. ${v.shortLink}` }),
  },
};

// Staff messages (e-mail or Telegram; never SMS).
const staffAssigned: Localizable = {
  kk: { subject: (v) => `Сізге жаңа өтініш: № ${v.n}`, body: (v) => [`Сізге № ${v.n} өтініш орындауға берілді.`, v.due && `Қарау мерзімі: ${v.due}.`] },
  ru: { subject: (v) => `Вам поступило обращение № ${v.n}`, body: (v) => [`Вам на исполнение передано обращение № ${v.n}.`, v.due && `Срок рассмотрения: ${v.due}.`] },
  en: { subject: (v) => `New appeal in your queue: No. ${v.n}`, body: (v) => [`Appeal No. ${v.n} has been assigned to you.`, v.due && `It is due on ${v.due}.`] },
};

const staffDueSoon: Localizable = {
  kk: { subject: (v) => `№ ${v.n} өтініштің мерзімі жақындады (${v.due})`, body: (v) => [`№ ${v.n} өтініштің қарау мерзімі ${v.due} аяқталады, жауап әлі жіберілмеген.`] },
  ru: { subject: (v) => `Срок по обращению № ${v.n} истекает ${v.due}`, body: (v) => [`Срок рассмотрения обращения № ${v.n} истекает ${v.due}, ответ ещё не отправлен.`] },
  en: { subject: (v) => `Appeal No. ${v.n} is due on ${v.due}`, body: (v) => [`Appeal No. ${v.n} is due on ${v.due} and has not been answered yet.`] },
};

const staffOverdue: Localizable = {
  kk: {
    subject: (v) => `№ ${v.n} өтініштің мерзімі өтіп кетті`,
    body: (v) => [`№ ${v.n} өтініштің қарау мерзімі ${v.due} аяқталды, жауап жоқ.`, Number(v.p.level) > 0 && `Орындаушы: ${v.str('executorName') || '—'}. Бақылау үшін сізге жіберілді.`],
  },
  ru: {
    subject: (v) => `Просрочено обращение № ${v.n}`,
    body: (v) => [`Срок рассмотрения обращения № ${v.n} истёк ${v.due}, ответа нет.`, Number(v.p.level) > 0 && `Исполнитель: ${v.str('executorName') || '—'}. Направлено вам для контроля.`],
  },
  en: {
    subject: (v) => `Appeal No. ${v.n} is overdue`,
    body: (v) => [`Appeal No. ${v.n} was due on ${v.due} and has not been answered.`, Number(v.p.level) > 0 && `Executor: ${v.str('executorName') || '—'}. Sent to you for control.`],
  },
};

interface DigestItem {
  number: string;
  legalDueAt: string;
  overdue: boolean;
}
const digestLines = (v: Vars, overdueWord: string) =>
  ((v.p.items as DigestItem[] | undefined) ?? []).map((i) => `• ${i.number} — ${formatDate(i.legalDueAt)}${i.overdue ? ` (${overdueWord})` : ''}`).join('\n');
const more = (v: Vars, word: string) => (Number(v.p.more) > 0 ? `${word}: ${v.p.more}` : null);

const staffDigest: Localizable = {
  kk: {
    subject: (v) => `Күнделікті шолу ${v.date('date')}: мерзімі жақын — ${v.p.dueSoon}, мерзімі өткен — ${v.p.overdue}`,
    body: (v) => [`Мерзімі жақындаған өтініштер: ${v.p.dueSoon}. Мерзімі өткен өтініштер: ${v.p.overdue}.`, digestLines(v, 'мерзімі өтті'), more(v, 'Тағы')],
  },
  ru: {
    subject: (v) => `Сводка на ${v.date('date')}: истекает срок — ${v.p.dueSoon}, просрочено — ${v.p.overdue}`,
    body: (v) => [`Обращений с истекающим сроком: ${v.p.dueSoon}. Просроченных: ${v.p.overdue}.`, digestLines(v, 'просрочено'), more(v, 'И ещё')],
  },
  en: {
    subject: (v) => `Daily digest ${v.date('date')}: ${v.p.dueSoon} due soon, ${v.p.overdue} overdue`,
    body: (v) => [`Due soon: ${v.p.dueSoon}. Overdue: ${v.p.overdue}.`, digestLines(v, 'overdue'), more(v, 'And more')],
  },
};

// Sign-in lock-out notice (auth/throttle.ts): the time is the platform's zone, to the minute.
const almatyTime = (v: Vars) => {
  const until = new Date(String(v.p.until));
  if (Number.isNaN(until.getTime())) return '—';
  return new Intl.DateTimeFormat(v.lang === 'kk' ? 'kk-KZ' : v.lang === 'en' ? 'en-GB' : 'ru-RU', { timeZone: ALMATY_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(until);
};
const staffSignInLocked: Localizable = {
  kk: {
    subject: () => 'Тіндау: есептік жазбаңызға кіру уақытша бұғатталды',
    body: (v) => [`Есептік жазбаңызға бірнеше рет қате құпиясөз немесе код енгізілді, сондықтан кіру ${almatyTime(v)} (Астана уақыты) дейін бұғатталды.`, 'Егер бұл сіз болмасаңыз, құпиясөзді ауыстырып, әкімшіге хабарлаңыз.'],
  },
  ru: {
    subject: () => 'Тындау: вход в вашу учётную запись временно заблокирован',
    body: (v) => [`В вашу учётную запись несколько раз ввели неверный пароль или код, поэтому вход заблокирован до ${almatyTime(v)} (время Астаны).`, 'Если это были не вы, смените пароль и сообщите администратору.'],
  },
  en: {
    subject: () => 'Tyndau: sign-in to your account is locked for a while',
    body: (v) => [`Several wrong passwords or codes were entered for your account, so sign-in is locked until ${almatyTime(v)} (Astana time).`, 'If it was not you, change your password and tell your administrator.'],
  },
};


// Public discussion of drafts (modules/drafts): announcements to subscribers, the one-time
// code that confirms a commenter, and the outreach alert to the developer body.
const draftAnnounced: Localizable = {
  kk: { subject: (v) => `Талқылауға жоба: ${v.str('title')}`, body: (v) => [`Жоба қоғамдық талқылауға шығарылды: «${v.str('title')}».`, `Пікірлер ${v.date('closesAt')} дейін қабылданады: ${v.str('url')}`], sms: (v) => ({ text: `Талқылауға жоба: ${v.str('url')}` }) },
  ru: { subject: (v) => `Проект на обсуждении: ${v.str('title')}`, body: (v) => [`На публичное обсуждение вынесен проект «${v.str('title')}».`, `Комментарии принимаются до ${v.date('closesAt')}: ${v.str('url')}`], sms: (v) => ({ text: `Проект на обсуждении: ${v.str('url')}` }) },
  en: { subject: (v) => `Draft open for comment: ${v.str('title')}`, body: (v) => [`The draft “${v.str('title')}” is open for public comment.`, `Comments are accepted until ${v.date('closesAt')}: ${v.str('url')}`], sms: (v) => ({ text: `Draft open for comment: ${v.str('url')}` }) },
};

const draftReannounced: Localizable = {
  kk: { subject: (v) => `Еске саламыз: «${v.str('title')}» талқылауда`, body: (v) => [`«${v.str('title')}» жобасы бойынша әлі пікір жоқ. Пікірлер ${v.date('closesAt')} дейін қабылданады: ${v.str('url')}`] },
  ru: { subject: (v) => `Напоминаем: обсуждается «${v.str('title')}»`, body: (v) => [`К проекту «${v.str('title')}» ещё нет комментариев. Они принимаются до ${v.date('closesAt')}: ${v.str('url')}`] },
  en: { subject: (v) => `Reminder: “${v.str('title')}” is open for comment`, body: (v) => [`The draft “${v.str('title')}” has no comments yet. Comments are accepted until ${v.date('closesAt')}: ${v.str('url')}`] },
};

const draftCode: Localizable = {
  kk: { subject: () => 'Растау коды', body: (v) => [`Пікір қалдыру үшін растау коды: ${v.str('accessCode')}. Код 2 сағат жарамды.`], sms: (v) => ({ text: `Tyndau растау коды: ${v.str('accessCode')}` }), greet: false },
  ru: { subject: () => 'Код подтверждения', body: (v) => [`Код подтверждения для комментария: ${v.str('accessCode')}. Код действует 2 часа.`], sms: (v) => ({ text: `Код подтверждения Tyndau: ${v.str('accessCode')}` }), greet: false },
  en: { subject: () => 'Confirmation code', body: (v) => [`Your confirmation code for commenting: ${v.str('accessCode')}. It is valid for 2 hours.`], sms: (v) => ({ text: `Tyndau confirmation code: ${v.str('accessCode')}` }), greet: false },
};

const staffDraftsOutreach: Localizable = {
  kk: { subject: (v) => `«${v.str('title')}» жобасына пікірлердің көбі қарсы`, body: (v) => [`${v.str('comments')} пікірдің ${v.str('against')} қарсы. Түсіндіру жұмысын (тыңдаулар, брифингтер) өткізіңіз.`] },
  ru: { subject: (v) => `Большинство комментариев к «${v.str('title')}» против`, body: (v) => [`Из ${v.str('comments')} комментариев против — ${v.str('against')}. Проведите разъяснительную работу (слушания, брифинги).`] },
  en: { subject: (v) => `Most comments on “${v.str('title')}” are against`, body: (v) => [`${v.str('against')} of ${v.str('comments')} comments are against. Hold outreach (hearings, briefings).`] },
};

// KPIs (kpi module): a surge of one topic, and the daily or weekly report with its files.
const staffKpiSurge: Localizable = {
  kk: {
    subject: (v) => `Ерте ескерту: «${v.str('topic')}» тақырыбы бойынша өтініштер күрт өсті (${v.p.count})`,
    body: (v) => [`${v.date('day')} күні «${v.str('topic')}» тақырыбы бойынша ${v.p.count} өтініш түсті, әдетте күніне ${v.p.baseline}.`, 'Өтініштер мен көрсеткіштер тақтасы Tyndau-да.'],
  },
  ru: {
    subject: (v) => `Раннее предупреждение: всплеск обращений по теме «${v.str('topic')}» (${v.p.count})`,
    body: (v) => [`${v.date('day')} по теме «${v.str('topic')}» поступило ${v.p.count} обращений, обычно — ${v.p.baseline} в день.`, 'Обращения и панель показателей — в Tyndau.'],
  },
  en: {
    subject: (v) => `Early warning: a surge of appeals on “${v.str('topic')}” (${v.p.count})`,
    body: (v) => [`On ${v.date('day')}, ${v.p.count} appeals came in on “${v.str('topic')}”, against ${v.p.baseline} a day as a rule.`, 'The appeals and the KPI dashboard are in Tyndau.'],
  },
};
const staffKpiReport: Localizable = {
  kk: {
    subject: (v) => `Көрсеткіштер есебі: ${v.str('bodyName')}, ${v.date('from')} – ${v.date('to')}`,
    body: (v) => [`Түскені: ${v.p.received}. Мерзімінде жауап берілгені: ${v.str('onTime')}. Мерзімі өткені: ${v.p.overdue}.`, `PDF: ${v.str('pdfUrl')}`, `XLSX: ${v.str('xlsxUrl')}`],
  },
  ru: {
    subject: (v) => `Отчёт по показателям: ${v.str('bodyName')}, ${v.date('from')} – ${v.date('to')}`,
    body: (v) => [`Поступило: ${v.p.received}. Отвечено в срок: ${v.str('onTime')}. Просрочено: ${v.p.overdue}.`, `PDF: ${v.str('pdfUrl')}`, `XLSX: ${v.str('xlsxUrl')}`],
  },
  en: {
    subject: (v) => `KPI report: ${v.str('bodyName')}, ${v.date('from')} – ${v.date('to')}`,
    body: (v) => [`Received: ${v.p.received}. Answered on time: ${v.str('onTime')}. Overdue: ${v.p.overdue}.`, `PDF: ${v.str('pdfUrl')}`, `XLSX: ${v.str('xlsxUrl')}`],
  },
};

// Public questions (modules/qa): the moderator's decision about publication, and the body
// page's subscribers (modules/site). The appeal itself is answered whatever the decision.
const REJECT_REASON: Record<string, Localized> = {
  spam: { kk: 'спам', ru: 'спам', en: 'spam' },
  offensive: { kk: 'қорлайтын мазмұн', ru: 'оскорбительное содержание', en: 'offensive content' },
  does_not_belong: { kk: 'сұрақ бұл бөлімге жатпайды', ru: 'вопрос не относится к этому разделу', en: 'the question does not belong here' },
  personal_data: { kk: 'мәтінде дербес деректер бар', ru: 'текст содержит персональные данные', en: 'the text contains personal data' },
};
const reasonOf = (v: Vars) => REJECT_REASON[String(v.p.reason)]?.[v.lang] ?? String(v.p.reason ?? '');
const qaPublished: Localizable = {
  kk: { subject: (v) => `№ ${v.n} сұрағыңыз жарияланды`, body: (v) => [`№ ${v.n} сұрағыңыз дербес деректерсіз жарияланды: ${v.str('questionUrl')}`, 'Жауап қол қойылғаннан кейін сұрақпен бірге жарияланады және сізге жеке жіберіледі.'] },
  ru: { subject: (v) => `Ваш вопрос № ${v.n} опубликован`, body: (v) => [`Ваш вопрос № ${v.n} опубликован без персональных данных: ${v.str('questionUrl')}`, 'Ответ после подписания будет опубликован вместе с вопросом и направлен вам лично.'] },
  en: { subject: (v) => `Your question No. ${v.n} is published`, body: (v) => [`Your question No. ${v.n} has been published without personal data: ${v.str('questionUrl')}`, 'Once signed, the answer will be published with it and sent to you.'] },
};
const qaRejected: Localizable = {
  kk: { subject: (v) => `№ ${v.n} сұрағыңыз жарияланбайды`, body: (v) => [`№ ${v.n} сұрағыңыз жарияланбайды. Себебі: ${reasonOf(v)}.`, 'Өтінішіңіз тіркелген және оған заңда белгіленген мерзімде жауап беріледі.'] },
  ru: { subject: (v) => `Ваш вопрос № ${v.n} не будет опубликован`, body: (v) => [`Ваш вопрос № ${v.n} не будет опубликован. Причина: ${reasonOf(v)}.`, 'Обращение зарегистрировано, ответ на него будет дан в установленный законом срок.'] },
  en: { subject: (v) => `Your question No. ${v.n} will not be published`, body: (v) => [`Your question No. ${v.n} will not be published. Reason: ${reasonOf(v)}.`, 'Your appeal is registered and will be answered within the legal term.'] },
};
const qaPrivate: Localizable = {
  kk: { subject: (v) => `№ ${v.n} сұрағыңыз жеке қаралады`, body: (v) => [`№ ${v.n} сұрағыңыз жарияланбай, әдеттегі өтініш ретінде қаралады. Жауап сізге жеке жіберіледі.`] },
  ru: { subject: (v) => `Ваш вопрос № ${v.n} рассматривается без публикации`, body: (v) => [`Ваш вопрос № ${v.n} рассматривается как обычное обращение, без публикации. Ответ будет направлен вам лично.`] },
  en: { subject: (v) => `Your question No. ${v.n} is handled privately`, body: (v) => [`Your question No. ${v.n} is handled as an ordinary appeal, without publication. The answer will be sent to you.`] },
};
const siteConfirm: Localizable = {
  kk: { subject: (v) => `Жазылымды растаңыз: ${v.str('bodyName')}`, body: (v) => [`${v.str('bodyName')} парағындағы өзгерістерге жазылу үшін мына сілтемені ашыңыз: ${v.str('confirmUrl')}`, `Жазылудан бас тарту: ${v.str('unsubscribeUrl')}`] },
  ru: { subject: (v) => `Подтвердите подписку: ${v.str('bodyName')}`, body: (v) => [`Чтобы получать изменения страницы «${v.str('bodyName')}», откройте ссылку: ${v.str('confirmUrl')}`, `Отписаться: ${v.str('unsubscribeUrl')}`] },
  en: { subject: (v) => `Confirm your subscription: ${v.str('bodyName')}`, body: (v) => [`To receive changes of the page of ${v.str('bodyName')}, open: ${v.str('confirmUrl')}`, `Unsubscribe: ${v.str('unsubscribeUrl')}`] },
};
const siteChanged: Localizable = {
  kk: { subject: (v) => `${v.str('bodyName')}: парақ өзгерді (${v.date('at')})`, body: (v) => [`Өзгерген бөлімдер: ${v.str('sections')}.`, `Парақ: ${v.str('pageUrl')}`, `Жазылудан бас тарту: ${v.str('unsubscribeUrl')}`] },
  ru: { subject: (v) => `${v.str('bodyName')}: страница изменена (${v.date('at')})`, body: (v) => [`Изменённые разделы: ${v.str('sections')}.`, `Страница: ${v.str('pageUrl')}`, `Отписаться: ${v.str('unsubscribeUrl')}`] },
  en: { subject: (v) => `${v.str('bodyName')}: the page changed (${v.date('at')})`, body: (v) => [`Sections changed: ${v.str('sections')}.`, `Page: ${v.str('pageUrl')}`, `Unsubscribe: ${v.str('unsubscribeUrl')}`] },
};


const STAFF_TEMPLATES = new Set(['staff.assigned', 'staff.due_soon', 'staff.overdue', 'staff.digest', 'staff.sign_in_locked', 'staff.drafts_outreach', 'staff.kpi_surge', 'staff.kpi_report']);

export const TEMPLATES: Record<string, Localizable> = {
  'appeal.registered': registered,
  'appeal.redirected': redirected,
  'appeal.extended': extended,
  'appeal.info_requested': infoRequested,
  'appeal.answered': answered,
  'appeal.left_without_consideration': leftWithout,
  'reception.booked': receptionBooked,
  'reception.rescheduled': receptionRescheduled,
  'reception.reminder': receptionReminder,
  'reception.solved_without_meeting': receptionSolved,
  'staff.assigned': staffAssigned,
  'staff.due_soon': staffDueSoon,
  'staff.overdue': staffOverdue,
  'staff.digest': staffDigest,
  'staff.sign_in_locked': staffSignInLocked,
  'drafts.announced': draftAnnounced,
  'drafts.reannounced': draftReannounced,
  'drafts.code': draftCode,
  'staff.drafts_outreach': staffDraftsOutreach,
  'staff.kpi_surge': staffKpiSurge,
  'staff.kpi_report': staffKpiReport,
  'qa.published': qaPublished,
  'qa.rejected': qaRejected,
  'qa.private': qaPrivate,
  'site.confirm_subscription': siteConfirm,
  'site.changed': siteChanged,
};

/** Names other modules may use for the same message. */
const ALIASES: Record<string, string> = {
  'appeal.extension': 'appeal.extended',
  'appeal.term_extended': 'appeal.extended',
  'appeal.info_request': 'appeal.info_requested',
  'appeal.information_requested': 'appeal.info_requested',
  'appeal.awaiting_applicant': 'appeal.info_requested',
  'appeal.answer': 'appeal.answered',
  'appeal.answer_sent': 'appeal.answered',
  'reception.reminder_3d': 'reception.reminder',
};

export function templateOf(name: string): Localizable {
  return TEMPLATES[name] ?? TEMPLATES[ALIASES[name] ?? ''] ?? generic;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Fit an SMS into two segments by cutting the shrinkable part. */
function fitSms(text: string, shrink: string | undefined): string {
  const fill = (s: string) => text.replace('{…}', s);
  let s = shrink ?? '';
  let out = fill(s);
  const fits = (t: string) => splitSms(t).units <= SMS_MAX[splitSms(t).encoding];
  while (!fits(out) && s.length > 0) {
    s = s.slice(0, Math.max(0, s.length - Math.max(1, Math.ceil((splitSms(out).units - SMS_MAX[splitSms(out).encoding]) / 2))));
    out = fill(s.trimEnd() + '…');
  }
  // A text that still does not fit (a very long number?) is cut hard; it never goes out as three segments.
  while (!fits(out)) out = [...out].slice(0, -2).join('') + '…';
  return out;
}

export function render(input: RenderInput): RenderedMessage {
  const lang: Language = input.language === 'kk' || input.language === 'en' ? input.language : 'ru';
  const p = input.payload ?? {};
  const number = String(p.number ?? input.appeal?.number ?? '');
  const staff = STAFF_TEMPLATES.has(input.template);
  const base = input.publicUrl.replace(/\/+$/, '');
  const link = staff && input.appeal ? `${base}/${lang}/staff/appeals/${input.appeal.id}` : staff ? `${base}/${lang}/staff` : number ? `${base}/${lang}/track?number=${encodeURIComponent(number)}` : null;
  const vars: Vars = {
    lang,
    n: number,
    name: staff ? (input.recipientName ?? null) : (input.appeal?.applicantName ?? null),
    body: input.appeal ? input.appeal.bodyName[lang] : '',
    due: formatDate(p.legalDueAt ?? input.appeal?.legalDueAt ?? null),
    link: link ?? base,
    shortLink: `${base.replace(/^https?:\/\//, '')}/${lang}/track`,
    p,
    str: (key) => (key === 'accessCode' && input.maskSecrets ? MASK : localized(p[key], lang)),
    date: (key) => formatDate(p[key]),
  };
  const t = templateOf(input.template)[lang];
  const subject = t.subject(vars);
  const paragraphs = [...(t.greet === false ? [] : [greeting(lang, vars.name)]), ...t.body(vars).filter((x): x is string => typeof x === 'string' && x.trim() !== '')];
  const follow = (staff ? OPEN_STAFF : FOLLOW)[lang];
  const textParts = [...paragraphs, ...(link ? [`${follow}: ${link}`] : []), '—', FOOTER[lang]];
  const text = textParts.join('\n\n');
  const para = (s: string) => `<p style="margin:0 0 12px">${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">`,
    vars.body ? `<p style="margin:0 0 4px;color:#555;font-size:13px">${escapeHtml(vars.body)}</p>` : '',
    `<h1 style="font-size:19px;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
    ...paragraphs.map(para),
    link ? `<p style="margin:16px 0"><a href="${escapeHtml(link)}" style="color:#0b5cad">${escapeHtml(follow)}</a></p>` : '',
    `<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#777">${escapeHtml(FOOTER[lang])}</p>`,
    `</body></html>`,
  ].join('');
  const smsSpec = t.sms?.(vars) ?? { text: `${subject}. ${vars.shortLink}` };
  return { subject, paragraphs, text, html, sms: fitSms(smsSpec.text, smsSpec.shrink), link };
}
