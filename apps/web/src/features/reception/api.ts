// The in-person channels' calls: published reception slots and booking (citizen), the
// review and the meeting (staff), schedules, and the public reception / front office desk.
import { useQuery } from '@tanstack/react-query';
import type { BookingResult } from '@tyndau/contracts';
import { api, qs } from '../../lib/api.ts';

export interface Slot {
  id: string;
  officialId: string;
  officialName: string;
  officialRole: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  available: number;
  place: string | null;
  videoUrl: string | null;
  languages: string[];
}

export function useSlots(bodyCode: string | undefined) {
  return useQuery({
    queryKey: ['reception-slots', bodyCode],
    queryFn: ({ signal }) => api<{ items: Slot[] }>(`/bodies/${encodeURIComponent(bodyCode!)}/reception-slots`, { signal }),
    enabled: !!bodyCode,
    select: (d) => d.items,
  });
}

export interface BookingInput {
  slotId: string;
  question: string;
  topicCode?: string;
  applicant: { type: 'individual'; name: string; iin?: string; phone?: string; email?: string };
  preferredAnswer?: 'sms' | 'email' | 'portal';
  source?: 'phone' | 'front_office' | 'public_reception';
}

export const bookReception = (input: BookingInput, idempotencyKey: string) => api<BookingResult>('/receptions/bookings', { body: input, headers: { 'idempotency-key': idempotencyKey } });

export interface CitizenBooking {
  number: string;
  status: string;
  appealStatus: string;
  bodyId: string;
  officialId: string;
  slotId: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  videoUrl: string | null;
  officialName: string;
  officialRole: string;
  canChange: boolean;
  decision: string | null;
  resolution: string | null;
  followUps: Array<{ number: string; status: string; legalDueAt: string | null }>;
}

export const getCitizenBooking = (number: string, code: string) => api<CitizenBooking>(`/receptions/bookings/${encodeURIComponent(number)}${qs({ code })}`);
export const cancelCitizenBooking = (number: string, code: string) => api<CitizenBooking>(`/receptions/bookings/${encodeURIComponent(number)}/cancel`, { body: { code } });
export const rescheduleCitizenBooking = (number: string, code: string, slotId: string) =>
  api<CitizenBooking>(`/receptions/bookings/${encodeURIComponent(number)}/reschedule`, { body: { code, slotId } });

// ---- staff ----

export interface StaffBooking {
  bookingId: string;
  appealId: string;
  number: string;
  status: string;
  appealStatus: string;
  source: string;
  bookedAt: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  official: { id: string; name: string; role: string };
  question: string;
  topicCode: string | null;
  language: string;
  applicant: { name: string | null; iin: string | null; phone: string | null; email: string | null };
  remindAt: string | null;
  remindBy: string | null;
  reviewNote: string | null;
  attendees: string[] | null;
  topics: string[] | null;
  decision: string | null;
  resolution: string | null;
  followUps?: Array<{ id: string; number: string; status: string; text: string; legalDueAt: string | null }>;
}

export function useStaffBookings(status: string) {
  return useQuery({
    queryKey: ['reception-bookings', status],
    queryFn: ({ signal }) => api<{ items: StaffBooking[]; nextCursor: string | null }>(`/receptions/bookings${qs({ status: status || undefined, limit: 200 })}`, { signal }),
  });
}

export function useStaffBooking(number: string) {
  return useQuery({
    queryKey: ['reception-booking', number],
    queryFn: ({ signal }) => api<StaffBooking>(`/receptions/bookings/${encodeURIComponent(number)}`, { signal }),
  });
}

export interface ReviewInput {
  decision: 'confirm' | 'solve_without_meeting' | 'redirect';
  reason?: string;
  targetBodyId?: string;
}
export const reviewBooking = (number: string, input: ReviewInput) => api<StaffBooking>(`/receptions/bookings/${encodeURIComponent(number)}/review`, { body: input });

export interface OutcomeInput {
  attended: boolean;
  attendees?: string[];
  topics?: string[];
  decision?: string;
  resolution?: 'resolved' | 'explained' | 'refused';
  followUps?: Array<{ text: string }>;
  note?: string;
}
export const recordOutcome = (number: string, input: OutcomeInput) => api<StaffBooking>(`/receptions/bookings/${encodeURIComponent(number)}/outcome`, { body: input });

export interface Schedule {
  id: string;
  quarter: string;
  status: 'draft' | 'approved';
  note: string | null;
  official: { id: string; name: string; role: string };
  approvedAt: string | null;
  slots: Array<{ id: string; startsAt: string; endsAt: string; place: string | null; videoUrl: string | null; capacity: number; booked: number }>;
  warnings: Array<{ code: string; month: string }>;
}

export function useSchedules(quarter: string) {
  return useQuery({
    queryKey: ['reception-schedules', quarter],
    queryFn: ({ signal }) => api<{ items: Schedule[] }>(`/receptions/schedules${qs({ quarter })}`, { signal }),
    select: (d) => d.items,
  });
}

export function useOfficials(bodyId: string | undefined) {
  return useQuery({
    queryKey: ['reception-officials', bodyId],
    queryFn: ({ signal }) => api<{ items: Array<{ id: string; name: string; role: string }> }>(`/bodies/${bodyId}/reception-officials`, { signal }),
    enabled: !!bodyId,
    select: (d) => d.items,
  });
}

export interface SlotInput {
  startsAt: string;
  endsAt: string;
  place: string;
  capacity: number;
}
export const createSchedule = (input: { officialId: string; quarter: string; slots: SlotInput[] }) => api<Schedule>('/receptions/schedules', { body: input });
export const approveSchedule = (id: string) => api<Schedule>(`/receptions/schedules/${id}/approve`, { method: 'POST' });

// ---- the desk ----

export type Desk = 'front_office' | 'public_reception';
export const VISIT_PURPOSES = ['consultation', 'submit_appeal', 'book_reception', 'appeal_status', 'collect_answer', 'documents', 'other'] as const;
export const SUB_SOURCES = ['visit', 'contact_line', 'online_form', 'social_network', 'app'] as const;

export const logConsultation = (input: { desk: Desk; language: string; purpose: string; subSource?: string }) => api<{ id: string; at: string }>('/receptions/contacts', { body: input });

export interface DeskAppealResult {
  id: string;
  number: string;
  accessCode: string;
  receivedAt: string;
  legalDueAt: string | null;
  receiptUrl: string;
}
export const registerDeskAppeal = (
  input: {
    desk: Desk;
    subSource?: string;
    appeal: { kind: string; text: string; applicant: { type: 'individual'; name: string; phone?: string; email?: string }; preferredAnswer: string };
  },
  idempotencyKey: string,
) => api<DeskAppealResult>('/receptions/contacts/appeal', { body: input, headers: { 'idempotency-key': idempotencyKey } });

export interface DeskDay {
  contacts: number;
  consultations: number;
  callsTaken: number;
  appealsRegistered: number;
  bookings: number;
  channelOpenAppeals: number;
  channelOverdueAppeals: number;
  byPurpose: Record<string, number>;
}

export function useDeskDaily(desk: Desk) {
  return useQuery({
    queryKey: ['desk-daily', desk],
    queryFn: ({ signal }) => api<DeskDay>(`/receptions/desk/daily${qs({ desk })}`, { signal }),
  });
}

export interface DeskWeek extends DeskDay {
  from: string;
  to: string;
  byHour: Record<string, number>;
}

export function useDeskWeek(desk: Desk) {
  return useQuery({
    queryKey: ['desk-week', desk],
    queryFn: ({ signal }) => api<DeskWeek>(`/receptions/desk/stats${qs({ desk })}`, { signal }),
  });
}
