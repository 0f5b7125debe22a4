// Service definitions: the attributes a body asks for on a topic (Open311's
// services/{code}), configured by the body's administrator.
import { LANGUAGES } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { cachedTopic } from '../bodies/index.ts';
import { mayConfigureAttributes } from './open311.policy.ts';
import * as repo from './open311.repository.ts';

export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;

export interface AttributeInput {
  topicCode: string;
  code: string;
  datatype: (typeof DATATYPES)[number];
  required?: boolean;
  variable?: boolean;
  order?: number;
  description: Record<string, string>;
  datatypeDescription?: Record<string, string> | null;
  values?: Array<{ key: string; name: Record<string, string> }>;
}

const localized = (v: Record<string, string> | null | undefined, field: string) => {
  if (!v) return;
  for (const l of LANGUAGES) if (typeof v[l] !== 'string' || !v[l].trim()) throw new AppError('VALIDATION_FAILED', `${field} in kk, ru and en`, { field });
};

export async function putAttribute(ctx: AppContext, staff: Staff, input: AttributeInput) {
  if (!mayConfigureAttributes(staff, staff.bodyId)) throw new AppError('FORBIDDEN');
  await cachedTopic(ctx, input.topicCode);
  localized(input.description, 'description');
  localized(input.datatypeDescription, 'datatypeDescription');
  const isList = input.datatype === 'singlevaluelist' || input.datatype === 'multivaluelist';
  const values = input.values ?? [];
  if (isList && values.length === 0) throw new AppError('VALIDATION_FAILED', 'a list attribute needs values', { field: 'values' });
  if (!isList && values.length > 0) throw new AppError('VALIDATION_FAILED', 'only list attributes have values', { field: 'values' });
  if (new Set(values.map((v) => v.key)).size !== values.length) throw new AppError('VALIDATION_FAILED', 'value keys are unique', { field: 'values' });
  values.forEach((v, i) => localized(v.name, `values.${i}.name`));
  const row = await repo.upsertAttribute(ctx.db, {
    bodyId: staff.bodyId,
    topicCode: input.topicCode,
    code: input.code,
    datatype: input.datatype,
    required: input.required ?? false,
    variable: input.variable ?? true,
    sort: input.order ?? 1,
    description: input.description,
    datatypeDescription: input.datatypeDescription ?? null,
    values,
  });
  return present(row);
}

export async function listBodyAttributes(ctx: AppContext, staff: Staff, topicCode?: string) {
  if (!mayConfigureAttributes(staff, staff.bodyId)) throw new AppError('FORBIDDEN');
  const rows = await ctx.db
    .selectFrom('open311Attribute')
    .selectAll()
    .where('bodyId', '=', staff.bodyId)
    .$if(!!topicCode, (q) => q.where('topicCode', '=', topicCode!))
    .orderBy('topicCode')
    .orderBy('sort')
    .limit(1000)
    .execute();
  return rows.map(present);
}

export async function removeAttribute(ctx: AppContext, staff: Staff, topicCode: string, code: string) {
  if (!mayConfigureAttributes(staff, staff.bodyId)) throw new AppError('FORBIDDEN');
  const res = await repo.deleteAttribute(ctx.db, staff.bodyId, topicCode, code);
  if (Number(res.numDeletedRows) === 0) throw new AppError('NOT_FOUND');
}

function present(r: Awaited<ReturnType<typeof repo.upsertAttribute>>) {
  return {
    topicCode: r.topicCode,
    code: r.code,
    datatype: r.datatype,
    required: r.required,
    variable: r.variable,
    order: r.sort,
    description: r.description,
    datatypeDescription: r.datatypeDescription,
    values: r.values,
  };
}
