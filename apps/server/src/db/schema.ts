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
import type { Open311Tables } from '../modules/open311/open311.tables.ts';
import type { BoundaryTables } from '../modules/bodies/boundaries.tables.ts';
import type { SocialTables } from '../modules/social/social.tables.ts';
import type { DraftsTables } from '../modules/drafts/drafts.tables.ts';
import type { OpenDataTables } from '../modules/opendata/opendata.tables.ts';
import type { RoutingTables } from '../modules/routing/routing.tables.ts';
import type { SurveysTables } from '../modules/surveys/surveys.tables.ts';
import type { KpiTables } from '../modules/kpi/kpi.tables.ts';
import type { QaTables } from '../modules/qa/qa.tables.ts';
import type { BlogTables } from '../modules/blog/blog.tables.ts';
import type { SiteTables } from '../modules/site/site.tables.ts';
import type { CitymapTables } from '../modules/citymap/citymap.tables.ts';
import type { ExchangeTables } from '../modules/exchange/exchange.tables.ts';

export interface Database extends BodiesTables, AppealsTables, AuthTables, NotifyTables, ReceptionTables, ProcessTables, DeadlinesTables, KnowledgeTables, CallsTables, AuditTables, Open311Tables, BoundaryTables, SocialTables, DraftsTables, OpenDataTables, RoutingTables, SurveysTables, KpiTables, QaTables, BlogTables, SiteTables, CitymapTables, ExchangeTables {}
