// One set of resolution criteria for every body and channel (the study found "resolved"
// meaning anything from 10% to 100% because each body defined it itself). The same
// definitions are in ARCHITECTURE.md and served at GET /api/v1/resolutions.
import { RESOLUTIONS, type Localized, type Resolution } from '@tyndau/contracts';

export interface ResolutionDefinition {
  code: Resolution;
  name: Localized;
  definition: Localized;
  /** How an appeal gets this resolution. */
  setBy: 'answer' | 'redirect' | 'left_without_consideration';
}

const DEFINITIONS: Record<Resolution, Omit<ResolutionDefinition, 'code'>> = {
  resolved: {
    name: { kk: 'Шешілді', ru: 'Решено', en: 'Resolved' },
    definition: {
      kk: 'Өтініш беруші сұраған нәрсе іс жүзінде орындалды: мәселе жойылды, қызмет көрсетілді немесе құқық қалпына келтірілді.',
      ru: 'Требование заявителя удовлетворено по существу: проблема устранена, услуга оказана или право восстановлено.',
      en: "The applicant's need was met in substance: the problem was fixed, the service provided or the right restored.",
    },
    setBy: 'answer',
  },
  explained: {
    name: { kk: 'Түсіндірілді', ru: 'Разъяснено', en: 'Explained' },
    definition: {
      kk: 'Өтініш берушіге түсініктеме берілді (құқықтары, тәртібі, мерзімдері), бірақ ештеңе өзгертуді талап етпеді; мемлекеттік органдардың құзыретіне жатпайтын сұраққа стандартты жауап та осында.',
      ru: 'Заявителю дано разъяснение (права, порядок, сроки), действий по существу не требовалось; сюда же относится стандартный ответ на вопрос вне компетенции государственных органов.',
      en: 'A clarification was given (rights, procedure, terms) and no action was needed; this includes the standard reply to a question outside any state body’s competence.',
    },
    setBy: 'answer',
  },
  refused: {
    name: { kk: 'Бас тартылды', ru: 'Отказано', en: 'Refused' },
    definition: {
      kk: 'Өтінішті қанағаттандырудан бас тартылды; жауапта негіздері мен шағымдану тәртібі көрсетілген.',
      ru: 'В удовлетворении отказано; ответ называет основания отказа и порядок обжалования.',
      en: 'The request was refused; the answer gives the reasons and how to appeal.',
    },
    setBy: 'answer',
  },
  redirected: {
    name: { kk: 'Қайта жолданды', ru: 'Переадресовано', en: 'Redirected' },
    definition: {
      kk: 'Өтініш басқа органның құзыретіне жатады және оған жолданды (ӘРПК 65-бап); сол органда жаңа байланысты өтініш ретінде қаралады.',
      ru: 'Обращение относится к компетенции другого органа и направлено ему (ст. 65 АППК); там оно рассматривается как новое связанное обращение.',
      en: "The appeal belongs to another body's competence and was forwarded to it (APPC art. 65), where it lives on as a new linked appeal.",
    },
    setBy: 'redirect',
  },
  left_without_consideration: {
    name: { kk: 'Қараусыз қалдырылды', ru: 'Оставлено без рассмотрения', en: 'Left without consideration' },
    definition: {
      kk: 'Өтініш мәні бойынша қаралмады, себебі заң негіз береді: жасырын (сенім телефонынан тыс), мазмұны жоқ, қайталанған және бұрын жауап берілген немесе өтініш беруші кері қайтарып алды; себебі жазылады.',
      ru: 'Обращение не рассматривалось по существу по основаниям закона: анонимное (вне телефона доверия), без сути, повторное при уже данном ответе или отозвано заявителем; причина записывается.',
      en: 'Not considered in substance on a legal ground: anonymous (outside the trust phone), without substance, a repeat already answered, or withdrawn by the applicant; the reason is recorded.',
    },
    setBy: 'left_without_consideration',
  },
};

export function listResolutions(): ResolutionDefinition[] {
  return RESOLUTIONS.map((code) => ({ code, ...DEFINITIONS[code] }));
}

/** Resolutions an answer may carry; the others come from their own actions. */
export const ANSWER_RESOLUTIONS = ['resolved', 'explained', 'refused'] as const;
export type AnswerResolution = (typeof ANSWER_RESOLUTIONS)[number];
