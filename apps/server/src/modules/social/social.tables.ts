import type { Generated } from 'kysely';

export interface SocialAccountTable {
  id: Generated<string>;
  bodyId: string;
  network: string;
  accountRef: string | null;
  secretSealed: string;
  confirmationSealed: string | null;
  tokenSealed: string | null;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
}

export interface SocialMessageTable {
  id: Generated<string>;
  bodyId: string;
  accountId: string | null;
  network: string;
  accountRef: string | null;
  externalId: string;
  postId: string | null;
  commentId: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  text: string;
  link: string | null;
  postedAt: Date;
  receivedAt: Date;
  incidentId: string;
  source: Generated<string>;
  status: Generated<string>;
  ignoreReason: string | null;
  difficulty: string | null;
  appealId: string | null;
  redirectBodyId: string | null;
  triagedAt: Date | null;
  triagedBy: string | null;
  firstReplyAt: Date | null;
}

export interface SocialReplyTable {
  id: Generated<string>;
  messageId: string;
  text: string;
  kind: string;
  createdAt: Date;
  createdBy: string | null;
  sentAt: Date | null;
  externalId: string | null;
}

export interface SocialTables {
  socialAccount: SocialAccountTable;
  socialMessage: SocialMessageTable;
  socialReply: SocialReplyTable;
}
