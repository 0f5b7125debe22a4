// Domain errors carry a stable code; the HTTP layer maps the code to a status and a
// message in the caller's language (platform/messages.ts).
export class AppError extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;
  constructor(code: string, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.code = code;
    this.details = details;
  }
}

/** HTTP status for each stable code; anything unknown is a 400. */
export const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  // Staff sign-in security (modules/auth).
  ACCOUNT_LOCKED: 429,
  INVALID_CODE: 401,
  SIGN_IN_EXPIRED: 401,
  WEAK_PASSWORD: 422,
  WRONG_CURRENT_PASSWORD: 422,
  TOTP_REQUIRED: 409,
  TOTP_ALREADY_ENABLED: 409,
  TOTP_NOT_ENABLED: 409,
  OIDC_NOT_CONFIGURED: 404,
  OIDC_FAILED: 401,
  OIDC_NO_ACCOUNT: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  // Routing by place (bodies/boundaries.ts): no boundary with the topic's competence holds the point.
  NO_BODY_FOR_PLACE: 422,
  // Merging duplicates (process/merge.ts).
  MERGE_NOT_ALLOWED: 409,
  APPEAL_NOT_FOUND: 404,
  BODY_NOT_FOUND: 404,
  TOPIC_NOT_FOUND: 422,
  UNIT_NOT_FOUND: 422,
  USER_NOT_FOUND: 404,
  STAFF_EXISTS: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  INVALID_IIN: 422,
  INVALID_BIN: 422,
  ANONYMOUS_NOT_ALLOWED: 422,
  CONTACT_REQUIRED: 422,
  EXTENSION_TOO_LONG: 422,
  ANSWER_NOT_ACCEPTABLE: 422,
  REDIRECT_TO_SELF: 422,
  EXECUTOR_NOT_ELIGIBLE: 422,
  EXTENSION_NOT_LATER: 422,
  TERM_EXPIRED: 409,
  NO_ANSWER_DRAFT: 409,
  FEEDBACK_ALREADY_GIVEN: 409,
  SLOT_FULL: 409,
  SLOT_NOT_FOUND: 404,
  SLOT_IN_PAST: 409,
  SLOT_OUTSIDE_QUARTER: 422,
  SLOT_OVERLAP: 422,
  SCHEDULE_NOT_FOUND: 404,
  SCHEDULE_EXISTS: 409,
  SCHEDULE_EMPTY: 422,
  OFFICIAL_NOT_FOUND: 422,
  BOOKING_NOT_FOUND: 404,
  MEETING_NOT_STARTED: 409,
  RATE_LIMITED: 429,
  NOTIFICATION_NOT_FOUND: 404,
  LETTER_NOT_FOUND: 404,
  TELEGRAM_NOT_CONFIGURED: 409,
  TELEGRAM_NOT_LINKED: 409,
  CHANNEL_UNAVAILABLE: 503,
  CALENDAR_YEAR_UNSUPPORTED: 422,
  CALENDAR_DAY_NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
  // Exchange with E-Otinish and eGov (modules/exchange).
  EXCHANGE_SIGNATURE_INVALID: 401,
  EXCHANGE_SYSTEM_NOT_CONFIGURED: 409,
  EXCHANGE_SECRET_UNREADABLE: 500,
  SERVICE_BUSY: 503,
  // The HTTP edge: a state-changing request with a staff cookie from another site; a
  // file whose bytes are not the type it claims.
  FOREIGN_ORIGIN: 403,
  FILE_TYPE_MISMATCH: 415,
  ARTICLE_NOT_FOUND: 404,
  DISCUSSION_NOT_FOUND: 404,
  PARAGRAPH_NOT_FOUND: 404,
  COMMENT_NOT_FOUND: 404,
  DATASET_NOT_FOUND: 404,
  DISCUSSION_CLOSED: 409,
  DISCUSSION_NOT_ENDED: 409,
  COMMENT_ALREADY_ANSWERED: 409,
  CONTACT_CODE_INVALID: 400,
  DOCUMENT_UNREADABLE: 422,
  ANSWER_FORM: 422,
  ANSWER_DISMISSAL: 422,
  ANSWER_REASON: 422,
  // Online channels: public questions, the head's blog, the body's site (modules/qa, blog, site).
  QUESTION_NOT_FOUND: 404,
  QUESTION_ALREADY_DECIDED: 409,
  NO_CONSENT_TO_PUBLISH: 409,
  NOT_ANSWERED_YET: 409,
  PERSONAL_DATA_IN_TEXT: 422,
  HEAD_NOT_FOUND: 404,
  POST_NOT_FOUND: 404,
  SUBSCRIPTION_NOT_FOUND: 404,
  CALL_NOT_FOUND: 404,
  CALLBACK_NOT_FOUND: 404,
  CALLBACK_DONE: 409,
  CTI_LINE_EXISTS: 409,
  CTI_LINE_NOT_FOUND: 404,
  CTI_BLOCK_NOT_FOUND: 404,
  CTI_TOKEN_SECRET_CHANGED: 409,
  // Social media (modules/social).
  SOCIAL_ACCOUNT_NOT_FOUND: 404,
  SOCIAL_SIGNATURE_INVALID: 401,
  SOCIAL_MESSAGE_NOT_FOUND: 404,
  SOCIAL_ALREADY_TRIAGED: 409,
  SOCIAL_IMPORT_INVALID: 422,
  // perception surveys
  SURVEY_NOT_FOUND: 404,
  SURVEY_NOT_OPEN: 409,
  SURVEY_INVITATION_USED: 409,
  SURVEY_QUOTA_FULL: 409,
  SURVEY_NOT_EDITABLE: 409,
  // The city app (modules/citymap).
  BAD_BBOX: 400,
  CITY_OBJECT_NOT_FOUND: 404,
  CITY_OBJECT_EXISTS: 409,
  FIX_NOT_RESOLVED: 409,
  FIX_VERDICT_CLOSED: 409,
  FIX_VERDICT_GIVEN: 409,
};

/** Seconds a client is told to wait (`Retry-After`) when the server cannot take the work now. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database could not take the work: no pooled connection in time, a statement or lock
 * wait ended by `statement_timeout`, the server restarting or unreachable. The transaction
 * was rolled back, so nothing was written; the client may try again.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.message === 'timeout exceeded when trying to connect' || e.message === 'Connection terminated unexpectedly' || e.message === 'Connection terminated due to connection timeout') return true;
  const code = e.code ?? '';
  // 57014 query_canceled (statement_timeout), 55P03 lock_not_available, 57P01-57P03 admin
  // shutdown / crash shutdown / cannot connect now, 53300 too many connections, 08xxx connection exceptions.
  return ['57014', '55P03', '57P01', '57P02', '57P03', '53300', '25P03'].includes(code) || code.startsWith('08') || ['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE'].includes(code);
}

export function httpStatusOf(code: string): number {
  return STATUS_BY_CODE[code] ?? 400;
}
