import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CHANNELS, LANGUAGES, type Language } from '@tyndau/contracts';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import * as svc from './kpi.service.ts';
import { downloadReport, publicStats, reportFile, staffSurges } from './kpi.files.ts';

const date = Type.String({ maxLength: 10, description: 'YYYY-MM-DD, Almaty date' });
const Filters = {
  from: Type.Optional({ ...date, description: 'first day (default: 1 January of `to`’s year)' }),
  to: Type.Optional({ ...date, description: 'last day, included (default: today)' }),
  bodyId: Type.Optional(Type.String({ maxLength: 40, description: 'one body (default: every body the reader may see)' })),
  subordinates: Type.Optional(Type.Boolean({ description: 'with the bodies under bodyId' })),
  districtId: Type.Optional(Type.String({ maxLength: 40, description: 'the district (its akimat’s id)' })),
  unitId: Type.Optional(Type.String({ maxLength: 40 })),
  channel: Type.Optional(Type.Union(CHANNELS.map((c) => Type.Literal(c)))),
  topic: Type.Optional(Type.String({ maxLength: 60 })),
  lang: Type.Optional(Type.String()),
};
const GroupBy = Type.Union(svc.KPI_GROUPS.map((g) => Type.Literal(g)));
const Lang = Type.Optional(Type.Union(LANGUAGES.map((l) => Type.Literal(l))));

export function kpiRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/kpi/definitions', { schema: { tags: ['kpi'], summary: 'The KPIs: code, kind, names and formulas in kk/ru/en' } }, async () => ({ items: svc.kpiDefinitions() }));

    app.get(
      '/kpi',
      { schema: { tags: ['kpi'], summary: 'The KPIs of the appeals received in a period, filtered and grouped (pre-aggregated)', querystring: Type.Object({ ...Filters, groupBy: Type.Optional(GroupBy) }) } },
      async (req) => svc.computeKpiTable(ctx, requireStaff(req), req.query),
    );

    app.get(
      '/kpi/league',
      { schema: { tags: ['kpi'], summary: 'League table: every body in the reader’s reach on the same KPIs', querystring: Type.Object(Filters) } },
      async (req) => svc.kpiLeague(ctx, requireStaff(req), req.query),
    );

    app.get(
      '/kpi/overlap',
      { schema: { tags: ['kpi'], summary: 'Duplication across channels: the same applicant on the same topic through two channels within 30 days, by channel pair', querystring: Type.Object({ ...Filters, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }) } },
      async (req) => svc.kpiOverlap(ctx, requireStaff(req), req.query),
    );

    app.get(
      '/kpi/surges',
      { schema: { tags: ['kpi'], summary: 'Early warning: topic surges per body and district, with the filter of the appeals behind each', querystring: Type.Object({ ...Filters, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }) } },
      async (req) => staffSurges(ctx, requireStaff(req), req.query),
    );

    app.get(
      '/kpi/report.:format',
      {
        schema: {
          tags: ['kpi'],
          summary: 'A KPI report of one body over a period, as PDF or XLSX',
          params: Type.Object({ format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]) }),
          querystring: Type.Object({ ...Filters, language: Lang }),
        },
      },
      async (req, reply) => {
        const staff = requireStaff(req);
        const f = await reportFile(ctx, staff, req.query, (req.query.language ?? staff.language ?? 'ru') as Language, req.params.format);
        return reply.type(f.type).header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.data);
      },
    );

    app.get(
      '/kpi/reports/:id.:format',
      {
        schema: {
          tags: ['kpi'],
          summary: 'A scheduled report (daily or weekly) as PDF or XLSX',
          params: Type.Object({ id: Type.String({ maxLength: 40 }), format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')]) }),
        },
      },
      async (req, reply) => {
        const f = await downloadReport(ctx, requireStaff(req), req.params.id, req.params.format);
        return reply.type(f.type).header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.data);
      },
    );

    app.get(
      '/kpi/public',
      {
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['kpi'],
          summary: 'Public statistics: the same KPIs with no personal data (no units; groups under 3 appeals merged into the total only)',
          querystring: Type.Object({
            from: Filters.from, to: Filters.to, bodyId: Filters.bodyId, districtId: Filters.districtId, channel: Filters.channel, topic: Filters.topic, lang: Filters.lang,
            groupBy: Type.Optional(Type.Union([Type.Literal('body'), Type.Literal('channel'), Type.Literal('topic'), Type.Literal('district'), Type.Literal('day')])),
          }),
        },
      },
      async (req) => publicStats(ctx, req.query),
    );
  };
}
