// Automatic moderation of a comment before anyone sees it. A comment that breaks a rule is
// kept but hidden with the reason (the author is told; a moderator may show it):
//   impolite     — a word of the language's list of impolite and forbidden words;
//   personal_data — an ИИН/БИН (12 digits), a phone number or an e-mail address in the text;
//   spam         — links, a character or word repeated without end, shouting, or the same
//                  text the same person already sent.
// The word lists are short on purpose and meant to be extended by the operator of the
// platform; matching is by word stem at a word's start, case-insensitive.

export type HiddenReason = 'impolite' | 'personal_data' | 'spam';

export const FORBIDDEN_WORDS: Record<'kk' | 'ru' | 'en', string[]> = {
  ru: ['дурак', 'идиот', 'дебил', 'тупиц', 'кретин', 'сволоч', 'мраз', 'ублюд', 'урод', 'скотин', 'быдл', 'заткнись', 'бля', 'хуй', 'хуе', 'пизд', 'ебат', 'ебан', 'сука'],
  kk: ['ақымақ', 'надан', 'малғұн', 'оңбаған', 'иттің баласы', 'есек', 'шошқа'],
  en: ['idiot', 'stupid', 'moron', 'fuck', 'shit', 'bastard', 'asshole', 'dumbass', 'shut up'],
};

const ALL_WORDS = [...FORBIDDEN_WORDS.ru, ...FORBIDDEN_WORDS.kk, ...FORBIDDEN_WORDS.en];
const IMPOLITE = new RegExp(`(?<![\\p{L}])(${ALL_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'iu');

const IIN = /(?<!\d)\d{12}(?!\d)/;
const PHONE = /(?<![\d])(\+?7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/;
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[\p{L}]{2,}/u;
const LINK = /(https?:\/\/|www\.)/gi;

export function moderate(text: string, earlierTexts: readonly string[] = []): HiddenReason | null {
  if (IMPOLITE.test(text)) return 'impolite';
  if (IIN.test(text) || PHONE.test(text) || EMAIL.test(text)) return 'personal_data';
  if (isSpam(text, earlierTexts)) return 'spam';
  return null;
}

function isSpam(text: string, earlier: readonly string[]): boolean {
  if ((text.match(LINK) ?? []).length >= 2) return true;
  if (/(.)\1{9,}/u.test(text)) return true;
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length >= 8 && new Set(words).size / words.length < 0.3) return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 30 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return earlier.some((e) => norm(e) === norm(text));
}

/** Words of a concrete proposal: such a comment is answered within 3 working days, others the same day. */
const PROPOSAL = /(предлага|прошу (изменить|исключить|дополнить|изложить)|изложить|заменить|исключить|дополнить|внести изменени|ұсын|өзгерт|алып тастау|толықтыр|propos|suggest|replace|delete|amend|should be changed)/iu;
export const isProposal = (text: string, stance: string) => stance !== 'for' || PROPOSAL.test(text);
