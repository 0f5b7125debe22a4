// Kysely's view of the tables. Each module owns its tables in `<module>.tables.ts`;
// this file only puts them together.
import type { BodiesTables } from '../modules/bodies/bodies.tables.ts';
import type { AppealsTables } from '../modules/appeals/appeals.tables.ts';
import type { AuthTables } from '../modules/auth/auth.tables.ts';
import type { NotifyTables } from '../modules/notify/notify.tables.ts';
import type { ReceptionTables } from '../modules/reception/reception.tables.ts';
import type { ProcessTables } from '../modules/process/process.tables.ts';
import type { DeadlinesTables } from '../modules/deadlines/deadlines.tables.ts';
import type { KnowledgeTables } from '../modules/knowledge/knowledge.tables.ts';
import type { CallsTables } from '../modules/calls/calls.tables.ts';
import type { AuditTables } from '../modules/audit/audit.tables.ts';

export interface Database extends BodiesTables, AppealsTables, AuthTables, NotifyTables, ReceptionTables, ProcessTables, DeadlinesTables, KnowledgeTables, CallsTables, AuditTables {}
// The city app's tables (a declaration of its own, merged into Database).
import type { CitymapTables } from '../modules/citymap/citymap.tables.ts';
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database extends CitymapTables {}
