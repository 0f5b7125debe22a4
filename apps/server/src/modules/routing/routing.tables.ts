import type { Generated } from 'kysely';
import type { ModelCounts } from './naive-bayes.ts';

export interface RoutingModelTable {
  id: Generated<string>;
  trainedAt: Date;
  appeals: number;
  topicCounts: ModelCounts;
  bodyTopicCounts: Record<string, Record<string, number>>;
}

export interface RoutingSuggestionTable {
  appealId: string;
  bodyId: string;
  suggestedAt: Date;
  suggestedTopic: string | null;
  topicConfidence: number | null;
  suggestedBodyId: string | null;
  bodyConfidence: number | null;
  modelId: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedTopic: string | null;
  decidedBodyId: string | null;
  accepted: boolean | null;
}

export interface RoutingTables {
  routingModel: RoutingModelTable;
  routingSuggestion: RoutingSuggestionTable;
}
