import type { Generated } from 'kysely';

export interface DiscussionTable {
  id: Generated<string>;
  bodyId: string;
  kind: string;
  subjectKey: string | null;
  title: string;
  language: string;
  opensAt: Date;
  closesAt: Date;
  currentVersion: Generated<number>;
  publishedBy: string | null;
  publishedAt: Date;
  reannouncedAt: Date | null;
  extendedAt: Date | null;
  outreachAlertedAt: Date | null;
  closedAt: Date | null;
}

export interface DiscussionVersionTable {
  discussionId: string;
  version: number;
  source: string;
  publishedAt: Date;
}

export interface DiscussionParagraphTable {
  id: Generated<string>;
  discussionId: string;
  version: number;
  position: number;
  article: string | null;
  text: string;
}

export interface DiscussionCodeTable {
  id: Generated<string>;
  contact: string;
  contactKind: string;
  codeHash: string;
  attempts: Generated<number>;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface DiscussionCommentTable {
  id: Generated<string>;
  discussionId: string;
  paragraphId: string | null;
  authorName: string;
  contact: string;
  contactKind: string;
  stance: string;
  text: string;
  proposal: boolean;
  createdAt: Date;
  answerDueAt: Date;
  hiddenReason: string | null;
  reports: Generated<number>;
  moderatedAt: Date | null;
  moderatedBy: string | null;
  answerText: string | null;
  decision: string | null;
  decisionReason: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
}

export interface DiscussionReportTable {
  commentId: string;
  reporter: string;
  at: Date;
}

export interface DiscussionSubscriberTable {
  id: Generated<string>;
  email: string;
  bodyId: string | null;
  language: string;
  createdAt: Date;
}

export interface DraftsTables {
  discussion: DiscussionTable;
  discussionVersion: DiscussionVersionTable;
  discussionParagraph: DiscussionParagraphTable;
  discussionCode: DiscussionCodeTable;
  discussionComment: DiscussionCommentTable;
  discussionReport: DiscussionReportTable;
  discussionSubscriber: DiscussionSubscriberTable;
}
