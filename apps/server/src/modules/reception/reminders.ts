// When and how a citizen is reminded of a personal reception: 3 days before the meeting,
// only when it was booked more than 7 days ahead; by SMS to a mobile number, else by an
// operator's call (the call list), else by e-mail.
const DAY_MS = 86_400_000;
export const REMIND_BEFORE_MS = 3 * DAY_MS;
export const REMIND_IF_BOOKED_AHEAD_MS = 7 * DAY_MS;

/**
 * Kazakhstan's mobile numbers are +7 70x, 74x, 75x, 76x, 77x; landlines are +7 71x/72x
 * (Astana 7172, Almaty 727, …). Written with +7, 8 or bare 10 digits.
 */
export function isMobilePhone(phone: string | null | undefined): boolean {
  if (!phone) return false;
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) digits = digits.slice(1);
  return digits.length === 10 && /^7[04567]/.test(digits);
}

export interface ReminderPlan {
  remindAt: Date;
  remindBy: 'sms' | 'call' | 'email';
}

export function planReminder(bookedAt: Date, startsAt: Date, contact: { phone: string | null; email: string | null }): ReminderPlan | null {
  if (startsAt.getTime() - bookedAt.getTime() <= REMIND_IF_BOOKED_AHEAD_MS) return null;
  const remindAt = new Date(startsAt.getTime() - REMIND_BEFORE_MS);
  if (isMobilePhone(contact.phone)) return { remindAt, remindBy: 'sms' };
  if (contact.phone) return { remindAt, remindBy: 'call' };
  if (contact.email) return { remindAt, remindBy: 'email' };
  return null;
}
