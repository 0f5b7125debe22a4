// Request/response shapes of the register's public contract.
import { Type } from 'typebox';
import { ANSWER_METHODS, APPEAL_KINDS, APPEAL_STATUSES, APPLICANT_TYPES, CHANNELS, LANGUAGES } from '@tyndau/contracts';
import { listOf } from '../../platform/schemas.ts';

const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const ApplicantSchema = Type.Object(
  {
    type: lit(APPLICANT_TYPES),
    name: Type.Optional(Type.String({ maxLength: 300 })),
    iin: Type.Optional(Type.String({ maxLength: 12 })),
    bin: Type.Optional(Type.String({ maxLength: 12 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{7,20}$' })),
  },
  { additionalProperties: false },
);

export const AppealIntakeSchema = Type.Object(
  {
    // Without a body, the location routes the appeal (bodies/boundaries.ts).
    bodyId: Type.Optional(Type.String({ format: 'uuid' })),
    kind: lit(APPEAL_KINDS),
    text: Type.String({ minLength: 3, maxLength: 20000 }),
    topicCode: Type.Optional(Type.String({ maxLength: 60 })),
    language: Type.Optional(lit(LANGUAGES)),
    applicant: ApplicantSchema,
    preferredAnswer: lit(ANSWER_METHODS),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    location: Type.Optional(Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false })),
    channel: Type.Optional(lit(CHANNELS)),
    receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
    attachments: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const RegisteredSchema = Type.Object({ id: Type.String(), number: Type.String(), accessCode: Type.String(), status: Type.String(), receivedAt: Type.String() });

export const ListQuerySchema = Type.Object({
  status: Type.Optional(listOf(APPEAL_STATUSES, 'statuses')),
  channel: Type.Optional(listOf(CHANNELS, 'channels')),
  kind: Type.Optional(listOf(APPEAL_KINDS, 'kinds')),
  topic: Type.Optional(Type.String({ maxLength: 60 })),
  unitId: Type.Optional(Type.String({ format: 'uuid' })),
  executorId: Type.Optional(Type.String({ format: 'uuid' })),
  bodyId: Type.Optional(Type.String({ format: 'uuid' })),
  overdue: Type.Optional(Type.Boolean()),
  dueSoon: Type.Optional(Type.Boolean()),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
});
