import type { Generated } from 'kysely';

export interface KnowledgeArticleTable {
  id: Generated<string>;
  /** null: shared by every body */
  bodyId: string | null;
  language: string;
  title: string;
  body: string;
  topicCode: string | null;
  status: Generated<string>;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  publishedAt: Date | null;
}

export interface KnowledgeTables {
  knowledgeArticle: KnowledgeArticleTable;
}
