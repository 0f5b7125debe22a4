// Request/response shapes of the in-person channels' contract.
import { Type } from 'typebox';
import { ANSWER_METHODS, APPEAL_KINDS, LANGUAGES } from '@tyndau/contracts';
import { NullableString } from '../../platform/schemas.ts';
import { ApplicantSchema } from '../appeals/index.ts';
import { BOOKING_SOURCES } from './bookings.service.ts';
import { DESKS, SUB_SOURCES, VISIT_PURPOSES } from './desk.service.ts';
import { MEETING_RESOLUTIONS } from './meetings.service.ts';
import { REVIEW_DECISIONS } from './review.service.ts';

export const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
export const body = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
export const NumberParams = Type.Object({ number: Type.String({ maxLength: 40 }) });
export const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
export const BodyParams = Type.Object({ idOrCode: Type.String({ maxLength: 64 }) });
export const Quarter = Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', description: 'e.g. 2026-Q4' });
export const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD (Almaty)' });

export const SlotInputSchema = body({
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  place: Type.Optional(Type.String({ maxLength: 500 })),
  videoUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
  capacity: Type.Integer({ minimum: 1, maximum: 100 }),
  languages: Type.Optional(Type.Array(lit(LANGUAGES), { minItems: 1, maxItems: 3 })),
});

export const ScheduleInputSchema = body({
  officialId: Type.String({ format: 'uuid' }),
  quarter: Quarter,
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  slots: Type.Array(SlotInputSchema, { maxItems: 300 }),
});

const ScheduleSlot = Type.Object({
  id: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: NullableString,
  videoUrl: NullableString,
  capacity: Type.Integer(),
  booked: Type.Integer(),
  languages: Type.Array(Type.String()),
});

export const ScheduleSchema = Type.Object({
  id: Type.String(),
  bodyId: Type.String(),
  quarter: Type.String(),
  status: Type.String({ description: 'draft | approved' }),
  note: NullableString,
  official: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() }),
  draftedAt: Type.String(),
  approvedAt: NullableString,
  approvedBy: NullableString,
  slots: Type.Array(ScheduleSlot),
  warnings: Type.Array(Type.Object({ code: Type.Literal('RECEPTION_LESS_THAN_MONTHLY'), month: Type.String() }), {
    description: 'Months of the quarter with no reception (art. 90 wants at least one a month)',
  }),
});

export const PublishedSlotSchema = Type.Object({
  id: Type.String(),
  officialId: Type.String(),
  officialName: Type.String(),
  officialRole: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  capacity: Type.Integer(),
  booked: Type.Integer(),
  available: Type.Integer(),
  place: NullableString,
  videoUrl: NullableString,
  languages: Type.Array(Type.String()),
});

export const BookingInputSchema = body({
  slotId: Type.String({ format: 'uuid' }),
  question: Type.String({ minLength: 3, maxLength: 20000 }),
  applicant: ApplicantSchema,
  topicCode: Type.Optional(Type.String({ maxLength: 60 })),
  language: Type.Optional(lit(LANGUAGES)),
  kind: Type.Optional(lit(APPEAL_KINDS)),
  preferredAnswer: Type.Optional(lit(ANSWER_METHODS)),
  address: Type.Optional(Type.String({ maxLength: 500 })),
  source: Type.Optional(lit(BOOKING_SOURCES)),
  subSource: Type.Optional(lit(SUB_SOURCES)),
});

export const BookingResultSchema = Type.Object({
  id: Type.String({ description: 'the appeal’s id: a booking is an appeal' }),
  number: Type.String(),
  accessCode: Type.String(),
  bookingId: Type.String(),
  status: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  place: NullableString,
  videoUrl: NullableString,
  officialName: Type.String(),
  remindAt: NullableString,
});

export const CitizenCodeSchema = body({ code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), reason: Type.Optional(Type.String({ maxLength: 2000 })) });
export const RescheduleSchema = body({ code: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), slotId: Type.String({ format: 'uuid' }) });

export const BookingListQuerySchema = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 200, description: 'comma-separated: booked, confirmed, cancelled, rescheduled, attended, no_show, solved_without_meeting, redirected' })),
  officialId: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
});

export const ReviewSchema = body({
  decision: lit(REVIEW_DECISIONS),
  reason: Type.Optional(Type.String({ maxLength: 5000 })),
  unitId: Type.Optional(Type.String({ format: 'uuid' })),
  targetBodyId: Type.Optional(Type.String({ format: 'uuid' })),
  topicCode: Type.Optional(Type.String({ maxLength: 60 })),
});

const FollowUpSchema = body({ text: Type.String({ minLength: 3, maxLength: 20000 }), topicCode: Type.Optional(Type.String({ maxLength: 60 })), unitId: Type.Optional(Type.String({ format: 'uuid' })) });
export const FollowUpsSchema = body({ followUps: Type.Array(FollowUpSchema, { minItems: 1, maxItems: 20 }) });

export const OutcomeSchema = body({
  attended: Type.Boolean(),
  attendees: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 20 })),
  topics: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
  decision: Type.Optional(Type.String({ maxLength: 20000 })),
  resolution: Type.Optional(lit(MEETING_RESOLUTIONS)),
  followUps: Type.Optional(Type.Array(FollowUpSchema, { maxItems: 20 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const ConsultationSchema = body({
  desk: lit(DESKS),
  subSource: Type.Optional(lit(SUB_SOURCES)),
  purpose: Type.Optional(lit(VISIT_PURPOSES)),
  language: lit(LANGUAGES),
  topicCode: Type.Optional(Type.String({ maxLength: 60 })),
  visitorName: Type.Optional(Type.String({ maxLength: 300 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const DeskAppealSchema = body({
  desk: lit(DESKS),
  subSource: Type.Optional(lit(SUB_SOURCES)),
  purpose: Type.Optional(lit(VISIT_PURPOSES)),
  appeal: body({
    kind: lit(APPEAL_KINDS),
    text: Type.String({ minLength: 3, maxLength: 20000 }),
    topicCode: Type.Optional(Type.String({ maxLength: 60 })),
    language: Type.Optional(lit(LANGUAGES)),
    applicant: ApplicantSchema,
    preferredAnswer: lit(ANSWER_METHODS),
    address: Type.Optional(Type.String({ maxLength: 500 })),
  }),
});

export const DeskAppealResultSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  accessCode: Type.String(),
  status: Type.String(),
  receivedAt: Type.String(),
  legalDueAt: NullableString,
  contactId: Type.String(),
  receiptUrl: Type.String({ description: 'printable HTML receipt' }),
});

export const DeskSettingsSchema = body({
  hours: body({
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, description: 'ISO weekdays, 1 = Monday' }),
    opens: Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' }),
    closes: Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' }),
  }),
  autoresponse: Type.Optional(body({ kk: Type.Optional(NullableText(2000)), ru: Type.Optional(NullableText(2000)), en: Type.Optional(NullableText(2000)) })),
});

export const DeskQuery = Type.Object({ desk: lit(DESKS), date: Type.Optional(IsoDate) });
export const DeskStatsQuery = Type.Object({ desk: lit(DESKS), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) });
