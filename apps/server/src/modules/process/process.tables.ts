import type { Generated } from 'kysely';

export interface AppealAnswerTable {
  id: Generated<string>;
  seq: Generated<number>;
  appealId: string;
  text: string;
  /** resolved | explained | refused (the other resolutions come from their own actions) */
  resolution: string;
  /** email | sms | portal | paper */
  deliveryMethod: string;
  /** draft | superseded | sent */
  status: Generated<string>;
  standardReply: Generated<boolean>;
  draftedBy: string | null;
  draftedAt: Date;
  signedBy: string | null;
  signedAt: Date | null;
}

export interface AppealFeedbackTable {
  appealId: string;
  score: number;
  comment: string | null;
  disagree: boolean;
  complaintId: string | null;
  at: Date;
}

export interface ProcessTables {
  appealAnswer: AppealAnswerTable;
  appealFeedback: AppealFeedbackTable;
}
