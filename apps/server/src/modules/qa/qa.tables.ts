import type { Generated } from 'kysely';

/** A question asked in public (online Q&A or to the head): moderation and what is published. The original is the appeal. */
export interface PublicQuestionTable {
  appealId: string;
  bodyId: string;
  channel: string;
  headId: string | null;
  postId: string | null;
  topicCode: string | null;
  language: string;
  consent: boolean;
  receivedAt: Date;
  moderation: Generated<string>;
  rejectReason: string | null;
  moderatedBy: string | null;
  moderatedAt: Date | null;
  publishedQuestion: string | null;
  answerText: string | null;
  answeredAt: Date | null;
  answeredOnTime: boolean | null;
  publishedAt: Date | null;
}

export interface QaTables {
  publicQuestion: PublicQuestionTable;
}
