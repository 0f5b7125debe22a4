import type { Generated } from 'kysely';
import type { Localized, Question } from './questionnaire.ts';

export interface SurveyTable {
  id: Generated<string>;
  bodyId: string;
  title: Localized;
  questions: Question[];
  /** dimension -> group -> target number of respondents */
  quotas: Generated<Record<string, Record<string, number>>>;
  status: Generated<string>;
  createdBy: string;
  createdAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
}

export interface SurveyInvitationTable {
  id: Generated<string>;
  surveyId: string;
  tokenHash: string;
  channel: string;
  createdAt: Date;
  respondedAt: Date | null;
}

export interface SurveyResponseTable {
  id: Generated<string>;
  surveyId: string;
  invitationId: string;
  language: string;
  profile: Record<string, string>;
  answers: Record<string, string | string[] | number>;
  submittedAt: Date;
}

export interface SurveysTables {
  survey: SurveyTable;
  surveyInvitation: SurveyInvitationTable;
  surveyResponse: SurveyResponseTable;
}
