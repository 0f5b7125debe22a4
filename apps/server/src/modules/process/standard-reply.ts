// The standard reply to a question that is no state body's competence (study, process
// maps: «Уважаемый(ая) …, Ваше обращение не относится к компетенции …»). A body may word
// its own in settings.noCompetenceReply {kk, ru, en}; placeholders {name}, {number},
// {date}, {body}, {reason}.
import type { Language, Localized } from '@tyndau/contracts';

const DEFAULT_REPLY: Localized = {
  kk: 'Құрметті {name}! {date} күнгі № {number} өтінішіңіз қаралды ({body}). Сіздің өтінішіңіз мемлекеттік органдардың құзыретіне жатпайды, сондықтан оны мәні бойынша қарау мүмкін емес. {reason}',
  ru: 'Уважаемый(ая) {name}! Ваше обращение № {number} от {date} рассмотрено ({body}). Ваше обращение не относится к компетенции государственных органов, поэтому рассмотреть его по существу невозможно. {reason}',
  en: 'Dear {name}, your appeal No. {number} of {date} has been reviewed ({body}). Your appeal does not fall within the competence of any state body, so it cannot be considered on its merits. {reason}',
};

const NO_NAME: Localized = { kk: 'өтініш беруші', ru: 'заявитель', en: 'applicant' };

export function standardReply(
  lang: Language,
  p: { applicantName: string | null; number: string; date: string; body: Localized; reason?: string | null; template?: Partial<Localized> },
): string {
  const template = p.template?.[lang] || DEFAULT_REPLY[lang];
  const values: Record<string, string> = {
    name: p.applicantName?.trim() || NO_NAME[lang],
    number: p.number,
    date: p.date,
    body: p.body[lang],
    reason: p.reason?.trim() ?? '',
  };
  return template.replace(/\{(name|number|date|body|reason)\}/g, (_, k: string) => values[k]).trim();
}
