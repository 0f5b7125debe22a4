import type { Generated } from 'kysely';

export interface KpiSurgeTable {
  id: Generated<string>;
  bodyId: string;
  districtId: string | null;
  topicCode: string;
  day: string;
  count: number;
  baseline: number;
  pValue: number;
  detectedAt: Date;
}

export interface KpiReportTable {
  id: Generated<string>;
  bodyId: string;
  period: 'daily' | 'weekly';
  fromDay: string;
  toDay: string;
  language: string;
  pdf: Buffer;
  xlsx: Buffer;
  createdAt: Date;
}

export interface KpiDirtyAppealTable {
  appealId: string;
  n: Generated<number>;
}

export interface KpiTables {
  kpiSurge: KpiSurgeTable;
  kpiReport: KpiReportTable;
  kpiDirtyAppeal: KpiDirtyAppealTable;
}
