// The unified register: intake from every channel, the lifecycle state machine, the
// event history, staff lists and public tracking. Other modules change appeals only
// through `moveAppeal` (status) and `updateAppeal` (assignment, term, rating) and read them
// through these functions.
export { registerAppeal, registerLinkedAppeal, CONFIDENTIAL_CHANNELS, purgeExpiredIdempotencyKeys, IDEMPOTENCY_TTL_MS, type AppealInput, type RegisteredAppeal, type LinkedAppealInput } from './register-appeal.ts';
export { findRepeatOf, updateAppeal, type AppealFacts } from './appeals.repository.ts';
export { getReadableAppeal, lockOwnAppeal, moveAppeal, getAppealCard, listAppeals, trackAppeal, termFlags } from './appeals.service.ts';
export { canMove, assertMove, TRANSITIONS } from './lifecycle.ts';
export { canSeeApplicant, maskApplicant, localityOf, roundCoordinate, PERSONAL_DATA_ROLES, CROSS_BODY_READERS, type AppealForPrivacy } from './appeals.policy.ts';
export { markConfidential, listCardReads } from './confidentiality.ts';
export { appealsRoutes } from './appeals.routes.ts';
export { ApplicantSchema } from './appeals.schemas.ts';
export { detectLanguage } from './language.ts';
export { startSearchUpkeep } from './search-upkeep.ts';
export { purgeUnclaimedAttachments, uploadAttachment, readPublicPhoto, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from './attachments.ts';
export { mergeAppeal, lockOpenDuplicates, MERGE_ROLES } from './merge.ts';
