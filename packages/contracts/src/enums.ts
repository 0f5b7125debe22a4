/** The fifteen channels of the study plus `api` (other systems writing in directly). */
export const CHANNELS = [
  'personal_reception', // личный приём
  'public_reception', // общественная приёмная
  'front_office', // фронт-офис
  'call_centre',
  'contact_centre',
  'trust_phone', // телефон доверия
  'head_blog', // блог первого руководителя
  'online_qa', // онлайн-приёмная, «Вопрос–ответ»
  'social_media',
  'website',
  'egov',
  'open_government',
  'hand_delivered', // нарочно
  'mobile_app',
  'eotinish',
  'api',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels a citizen may use on their own through the public intake endpoint. */
export const PUBLIC_CHANNELS: readonly Channel[] = ['website', 'mobile_app', 'online_qa', 'api'];

export const APPEAL_KINDS = ['application', 'complaint', 'proposal', 'feedback', 'inquiry', 'message'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const APPEAL_STATUSES = [
  'registered',
  'in_work',
  'awaiting_applicant',
  'answered',
  'redirected',
  'left_without_consideration',
  'closed',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Statuses in which the body still owes the applicant something: terms run. */
export const OPEN_STATUSES: readonly AppealStatus[] = ['registered', 'in_work', 'awaiting_applicant'];

export const APPLICANT_TYPES = ['individual', 'legal', 'anonymous'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const ANSWER_METHODS = ['email', 'sms', 'portal', 'paper'] as const;
export type AnswerMethod = (typeof ANSWER_METHODS)[number];

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localized = Record<Language, string>;

export const DIFFICULTIES = ['light', 'medium', 'heavy'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** One set of resolution criteria for every body and channel (see ARCHITECTURE.md). */
export const RESOLUTIONS = ['resolved', 'explained', 'refused', 'redirected', 'left_without_consideration'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const ROLES = [
  'admin',
  'comms_officer',
  'executor',
  'head',
  'deputy',
  'operator',
  'ethics_commissioner',
  'moderator',
  'analyst',
  'oversight',
  /** Of the central body only: edits the national working-day calendar. */
  'calendar_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const BODY_KINDS = [
  'ministry',
  'committee',
  'city_republican_akimat',
  'oblast_akimat',
  'city_oblast_akimat',
  'district_akimat',
  'rural_okrug_akimat',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
