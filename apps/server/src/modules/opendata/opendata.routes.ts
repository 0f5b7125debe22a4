// Open data's HTTP contract: the catalogue and files at /open-data (what harvesters and
// people download), the list with download counts at /api/v1/open-data.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { almatyDate } from '../deadlines/index.ts';
import { buildCatalog } from './catalog.ts';
import { datasetsWithCounts, discussionOfDataset, download, listDatasets } from './opendata.service.ts';

const TAGS = ['open-data'];

export function openDataFiles(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/catalog.jsonld', { schema: { tags: TAGS, summary: 'The DCAT-AP catalogue of the open datasets (JSON-LD)' } }, async (_req, reply) => {
      const catalog = buildCatalog(ctx.config.publicUrl, await listDatasets(ctx), almatyDate(ctx.clock.now()));
      return reply.type('application/ld+json; charset=utf-8').header('cache-control', 'public, max-age=3600').send(JSON.stringify(catalog));
    });
    app.get(
      '/datasets/:dataset.:format',
      {
        schema: {
          tags: TAGS,
          summary: 'Today’s release of a dataset (de-identified appeals received before today) as CSV or JSON; counted',
          params: Type.Object({ dataset: Type.String({ maxLength: 120 }), format: Type.Union([Type.Literal('csv'), Type.Literal('json')]) }),
        },
      },
      async (req, reply) => {
        const { day, content } = await download(ctx, req.params.dataset, req.params.format);
        return reply
          .type(req.params.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${req.params.dataset}-${day}.${req.params.format}"`)
          .header('cache-control', 'no-store')
          .send(content);
      },
    );
  };
}

export function openDataRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/open-data/datasets', { schema: { tags: TAGS, summary: 'The open datasets with their download counts' } }, async () => datasetsWithCounts(ctx));
    app.get(
      '/open-data/datasets/:dataset/discussion',
      { schema: { tags: TAGS, summary: 'The dataset’s discussion (comment through /drafts/{discussionId}/comments)', params: Type.Object({ dataset: Type.String({ maxLength: 120 }) }) } },
      async (req) => discussionOfDataset(ctx, req.params.dataset),
    );
  };
}
