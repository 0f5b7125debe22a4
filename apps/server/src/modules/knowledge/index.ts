// The knowledge base of the contact lines: articles in kk/ru/en of a body or shared by
// all, draft or published, searched like the register. The module owns knowledge_article.
export { knowledgeRoutes } from './knowledge.routes.ts';
export { seedDemoKnowledge } from './demo-seed.ts';
export { searchPublishedArticles } from './knowledge.service.ts';
