// Public questions: the online Q&A (channel 8) and questions to the head (channel 7). Asking
// goes through the register's intake; moderation, publication (edited free of personal
// data), the public search and daily figures live here. Owns public_question.
export { qaRoutes, AskFields, AskedSchema, PublicQuestionSchema } from './qa.routes.ts';
export { subscribeQa } from './qa.subscriptions.ts';
export { askQuestion, listPublishedQuestions, dailyMonitoring, type AskInput, type PublicQuestion } from './qa.service.ts';
export { seedDemoQuestions } from './demo-seed.ts';
