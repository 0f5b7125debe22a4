import type { Generated } from 'kysely';

export interface BlogHeadTable {
  id: Generated<string>;
  bodyId: string;
  slug: string;
  staffUserId: string | null;
  name: string;
  position: Generated<string>;
  biography: Generated<string>;
  contacts: Generated<string>;
  updatedAt: Date;
}

export interface BlogPostTable {
  id: Generated<string>;
  headId: string;
  kind: string;
  language: string;
  title: string;
  text: string;
  eventAt: Date | null;
  publishedAt: Date;
  createdBy: string;
}

export interface BlogTables {
  blogHead: BlogHeadTable;
  blogPost: BlogPostTable;
}
