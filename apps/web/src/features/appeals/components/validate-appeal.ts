// The intake form's own checks, so a person hears about every problem at once and in
// their language before anything is sent. The server checks again.
import { ALMATY_UTC_OFFSET } from '@tyndau/contracts';
import { isValidIinOrBin } from '@tyndau/contracts';

export interface AppealFormState {
  bodyCode: string;
  topicCode: string;
  kind: string;
  text: string;
  applicantType: string;
  name: string;
  iin: string;
  bin: string;
  email: string;
  phone: string;
  preferredAnswer: string;
  address: string;
  location: { lat: number; lon: number } | null;
  channel: string;
  receivedAt: string;
}

export type AppealField = keyof AppealFormState | 'attachments';

/** Error message keys (under `errors.`) by field. */
export type FormErrors = Partial<Record<AppealField, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;

/** Form order: the error summary lists problems as they appear on the page. */
export const FIELD_ORDER: AppealField[] = ['channel', 'receivedAt', 'bodyCode', 'topicCode', 'kind', 'text', 'address', 'attachments', 'applicantType', 'name', 'iin', 'bin', 'email', 'phone', 'preferredAnswer'];

export function validateAppeal(s: AppealFormState, opts: { staff: boolean; now: Date }): FormErrors {
  const e: FormErrors = {};
  if (!s.bodyCode) e.bodyCode = 'chooseBody';
  if (!s.kind) e.kind = 'chooseKind';
  if (!s.text.trim()) e.text = 'required';
  else if (s.text.trim().length < 3) e.text = 'textShort';
  if (s.applicantType !== 'anonymous') {
    if (!s.name.trim()) e.name = 'required';
    if (s.applicantType === 'individual' && s.iin.trim() && !isValidIinOrBin(s.iin.trim())) e.iin = 'iin';
    if (s.applicantType === 'legal' && !isValidIinOrBin(s.bin.trim())) e.bin = s.bin.trim() ? 'bin' : 'required';
  }
  if (s.email.trim() && !EMAIL.test(s.email.trim())) e.email = 'email';
  if (s.phone.trim() && !PHONE.test(s.phone.trim())) e.phone = 'phone';
  if (s.preferredAnswer === 'email' && !s.email.trim()) e.email = 'contactEmail';
  if (s.preferredAnswer === 'sms' && !s.phone.trim()) e.phone = 'contactPhone';
  if (s.preferredAnswer === 'paper' && !s.address.trim()) e.address = 'contactAddress';
  if (opts.staff) {
    if (!s.channel) e.channel = 'required';
    if (s.receivedAt) {
      const at = almatyLocalToIso(s.receivedAt);
      if (!at) e.receivedAt = 'dateTime';
      else if (new Date(at).getTime() > opts.now.getTime() + 60_000) e.receivedAt = 'receivedAtFuture';
    }
  }
  return e;
}

/** '2026-03-02T10:30' typed on a form means that time in Almaty (UTC+5, no daylight saving). */
export function almatyLocalToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const d = new Date(`${local}:00${ALMATY_UTC_OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Which form field a server error names ('applicant.email' -> 'email'). */
export function formFieldOf(serverField: string): AppealField | undefined {
  const map: Record<string, AppealField> = {
    bodyId: 'bodyCode',
    kind: 'kind',
    text: 'text',
    topicCode: 'topicCode',
    'applicant.type': 'applicantType',
    'applicant.name': 'name',
    'applicant.iin': 'iin',
    'applicant.bin': 'bin',
    'applicant.email': 'email',
    'applicant.phone': 'phone',
    preferredAnswer: 'preferredAnswer',
    address: 'address',
    attachments: 'attachments',
    channel: 'channel',
    receivedAt: 'receivedAt',
  };
  return map[serverField];
}
