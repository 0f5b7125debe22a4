// The common process every channel shares, after intake: competence triage and redirect,
// assignment, extension, requests to the applicant, answers (draft, sign, send) with their
// checks, leaving without consideration, closing, the applicant's feedback and repeats,
// and the unified resolution criteria. Owns the appeal_answer and appeal_feedback tables.
export { processRoutes } from './process.routes.ts';
export { redirectInTransaction, type RedirectInput } from './redirect.ts';
export { listResolutions, ANSWER_RESOLUTIONS, type ResolutionDefinition } from './resolutions.ts';
export { answerProblem } from './answer-check.ts';
export { sentAnswerOf } from './correspondence.ts';
export { subscribeDuplicateAnswers } from './duplicates.ts';
export { triageAppeal, type TriageInput } from './triage.ts';
export { draftAnswer, signAnswer, type AnswerInput } from './answer.ts';
export type { AnswerResolution } from './resolutions.ts';
export { openDisagreementComplaint } from './feedback.ts';
