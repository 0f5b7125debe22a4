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
import type { ExchangeTables } from '../modules/exchange/exchange.tables.ts';

export interface Database extends BodiesTables, AppealsTables, AuthTables, NotifyTables, ReceptionTables, ProcessTables, DeadlinesTables, KnowledgeTables, CallsTables, AuditTables, ExchangeTables {}
