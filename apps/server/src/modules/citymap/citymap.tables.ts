import type { Generated } from 'kysely';

export interface CityObjectTable {
  id: Generated<string>;
  code: string;
  bodyId: string;
  name: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  topicCode: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface FixVerdictTable {
  appealId: string;
  bodyId: string;
  verdict: 'confirmed' | 'refuted';
  comment: string | null;
  complaintId: string | null;
  at: Date;
}

export interface CitymapTables {
  cityObject: CityObjectTable;
  fixVerdict: FixVerdictTable;
}
