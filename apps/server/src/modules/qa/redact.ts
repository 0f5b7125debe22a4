// What a moderator starts from: the question (or answer) with the applicant's own data taken
// out — their name, ИИН/БИН, e-mail and phone as they gave them, and anything shaped like an
// ИИН, an e-mail or a Kazakh phone number. The moderator reads and edits the result; this is
// a first pass, not a guarantee, which is why nothing is published without a moderator.
export const REDACTED = '[…]';

export interface ApplicantData {
  name?: string | null;
  iin?: string | null;
  bin?: string | null;
  email?: string | null;
  phone?: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERNS = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail
  /(?<!\d)\d{12}(?!\d)/g, // ИИН / БИН
  /(?:\+7|(?<!\d)8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/g, // +7 701 123 45 67, 8(701)1234567
];

export function redact(text: string, who: ApplicantData = {}): string {
  let out = text;
  const words = [who.email, who.iin, who.bin, who.phone].filter((x): x is string => !!x && x.trim().length >= 3);
  for (const w of words) out = out.replace(new RegExp(escape(w.trim()), 'gi'), REDACTED);
  // Each part of the name on its own (a letter may say "Айгерим" without the surname), at word edges.
  for (const part of (who.name ?? '').split(/\s+/).filter((p) => p.length >= 3)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(part)}(?![\\p{L}\\p{N}])`, 'giu'), REDACTED);
  }
  for (const p of PATTERNS) out = out.replace(p, REDACTED);
  return out;
}
