// Public discussion of draft acts, budgets and datasets: one comment engine with confirmed
// commenters, moderation, answers in the required form on the working-day calendar, the
// platform's own rules, the summary table and the revised text. The module owns the
// discussion_* tables.
export { draftsRoutes } from './drafts.routes.ts';
export { datasetDiscussion } from './drafts.service.ts';
export { applyDiscussionRules, startDiscussionRules } from './rules.ts';
export { seedDemoDrafts, DEMO_DRAFT_TITLE } from './demo-seed.ts';
