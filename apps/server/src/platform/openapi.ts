// The OpenAPI document as clients read it: a query parameter with a default (limit) may be
// left out, so it is not listed as required even though the validator fills it in.
import type { FastifySchema } from 'fastify';

interface ObjectSchema {
  properties?: Record<string, { default?: unknown }>;
  required?: string[];
}

export function optionalDefaults({ schema, url }: { schema: FastifySchema; url: string }): { schema: FastifySchema; url: string } {
  const query = schema?.querystring as ObjectSchema | undefined;
  if (!query?.required || !query.properties) return { schema, url };
  const required = query.required.filter((name) => query.properties![name]?.default === undefined);
  if (required.length === query.required.length) return { schema, url };
  return { schema: { ...schema, querystring: { ...query, required } }, url };
}
