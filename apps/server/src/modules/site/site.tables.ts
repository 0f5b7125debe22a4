import type { Generated } from 'kysely';

export interface SitePageTable {
  bodyId: string;
  about: Generated<Record<string, string>>;
  documents: Generated<unknown[]>;
  news: Generated<unknown[]>;
  social: Generated<unknown[]>;
  updatedAt: Date;
}

export interface SiteChangeTable {
  id: Generated<string>;
  bodyId: string;
  at: Date;
  sections: string[];
  summary: Generated<Record<string, unknown>>;
  changedBy: string | null;
}

export interface SiteSubscriberTable {
  id: Generated<string>;
  bodyId: string;
  email: string;
  language: string;
  tokenHash: string;
  createdAt: Date;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
}

export interface PageRatingTable {
  id: Generated<string>;
  page: string;
  bodyId: string | null;
  useful: boolean;
  at: Date;
}

export interface SiteCompletenessTable {
  bodyId: string;
  day: string;
  score: number;
  missing: string[];
}

export interface SiteTables {
  sitePage: SitePageTable;
  siteChange: SiteChangeTable;
  siteSubscriber: SiteSubscriberTable;
  pageRating: PageRatingTable;
  siteCompleteness: SiteCompletenessTable;
}
