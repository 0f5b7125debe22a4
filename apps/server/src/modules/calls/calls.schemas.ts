// Request/response shapes of the calls API (the operator console builds against these).
import { Type } from 'typebox';
import { ANSWER_METHODS, APPEAL_KINDS, LANGUAGES } from '@tyndau/contracts';
import { listOf, NullableString, Uuid } from '../../platform/schemas.ts';
import { ApplicantSchema } from '../appeals/index.ts';
import { CALL_STATS_GROUPS } from './calls-stats.ts';
import { CALL_STATES, CALLBACK_OUTCOMES } from './calls.service.ts';
import { LINE_CHANNELS } from './cti.service.ts';

const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const body = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = Type.String({ minLength: 3, maxLength: 20000 });

export const IdParams = Type.Object({ id: Uuid });

export const CallSchema = Type.Object({
  id: Type.String(),
  callId: Type.String(),
  lineNumber: Type.String(),
  channel: Type.String(),
  direction: Type.String({ description: 'in or out' }),
  callerNumber: NullableString,
  state: Type.String({ description: 'ringing, answered, missed or ended' }),
  startedAt: Type.String(),
  answeredAt: NullableString,
  endedAt: NullableString,
  waitSeconds: Nullable(Type.Integer()),
  talkSeconds: Nullable(Type.Integer()),
  cause: NullableString,
  agent: NullableString,
  queue: NullableString,
  language: NullableString,
  signLanguage: Type.Boolean(),
  blocked: Type.Boolean(),
  appeals: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), kind: Type.String(), status: Type.String(), outcome: Type.String() })),
  earlierAppeals: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), receivedAt: Type.String(), status: Type.String(), kind: Type.String(), topicCode: NullableString })),
  callback: Nullable(
    Type.Object({
      dueAt: Type.String(),
      note: NullableString,
      source: Type.String(),
      done: Type.Boolean(),
      attempts: Type.Array(Type.Object({ at: Type.String(), outcome: Type.String(), note: NullableString })),
    }),
  ),
});

export const CallPage = Type.Object({ items: Type.Array(CallSchema), nextCursor: NullableString });

export const CallListQuery = Type.Object({
  state: Type.Optional(listOf(CALL_STATES, 'states')),
  line: Type.Optional(Type.String({ maxLength: 40 })),
  caller: Type.Optional(Type.String({ maxLength: 40 })),
  direction: Type.Optional(lit(['in', 'out'])),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
});

export const CallbackListQuery = Type.Object({
  done: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
});

export const StatsQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  groupBy: Type.Optional(lit(CALL_STATS_GROUPS)),
});

const Figures = {
  calls: Type.Integer(),
  answered: Type.Integer(),
  missed: Type.Integer(),
  abandoned: Type.Integer(),
  avgWaitSeconds: Nullable(Type.Number()),
  avgTalkSeconds: Nullable(Type.Number()),
  firstCallResolutionRate: Nullable(Type.Number()),
  callbacksDone: Type.Integer(),
  consultations: Type.Integer(),
  appeals: Type.Integer(),
};

export const StatsResponse = Type.Object({
  groupBy: Type.String(),
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(Type.Object({ key: NullableString, ...Figures })),
  total: Type.Object(Figures),
});

export const PatchCallSchema = body({ language: Type.Optional(Nullable(lit(LANGUAGES))), signLanguage: Type.Optional(Type.Boolean()) });

export const ConsultationSchema = body({
  text: Text,
  topicCode: Type.Optional(Type.String({ maxLength: 60 })),
  language: Type.Optional(lit(LANGUAGES)),
  applicant: Type.Optional(ApplicantSchema),
});

const appealFields = {
  kind: lit(APPEAL_KINDS),
  text: Text,
  topicCode: Type.Optional(Type.String({ maxLength: 60 })),
  language: Type.Optional(lit(LANGUAGES)),
  applicant: ApplicantSchema,
  preferredAnswer: lit(ANSWER_METHODS),
  address: Type.Optional(Type.String({ maxLength: 500 })),
};

export const CallAppealSchema = body(appealFields);
export const CallRedirectSchema = body({ ...appealFields, bodyId: Type.String({ minLength: 1, maxLength: 60 }), reason: Type.String({ minLength: 1, maxLength: 2000 }) });

export const CallbackSchema = body({ dueAt: Type.String({ format: 'date-time' }), note: Type.Optional(Type.String({ maxLength: 2000 })) });
export const CallbackAttemptSchema = body({ outcome: lit(CALLBACK_OUTCOMES), note: Type.Optional(Type.String({ maxLength: 2000 })) });

export const LineSchema = Type.Object({ id: Type.String(), number: Type.String(), channel: Type.String(), language: NullableString, createdAt: Type.String() });
export const NewLineSchema = body({ number: Type.String({ minLength: 3, maxLength: 40 }), channel: lit(LINE_CHANNELS), language: Type.Optional(lit(LANGUAGES)) });
export const BlockSchema = Type.Object({ id: Type.String(), number: Type.String(), createdAt: Type.String() });
export const NewBlockSchema = body({ number: Type.String({ minLength: 3, maxLength: 40 }) });
export const TokenSchema = Type.Object({ token: Type.String(), url: Type.String(), generation: Type.Integer(), rotatedAt: Type.String() });
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) });
