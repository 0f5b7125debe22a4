import type { Generated } from 'kysely';

export interface BodyTable {
  id: Generated<string>;
  code: string;
  kind: string;
  parentId: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  settings: Generated<Record<string, unknown>>;
}

export interface UnitTable {
  id: Generated<string>;
  bodyId: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

export interface TopicTable {
  code: string;
  parentCode: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  defaultDifficulty: Generated<string>;
  sort: Generated<number>;
}

export interface BodyTopicTable {
  bodyId: string;
  topicCode: string;
  unitId: string | null;
}

export interface BodiesTables {
  body: BodyTable;
  unit: UnitTable;
  topic: TopicTable;
  bodyTopic: BodyTopicTable;
}
