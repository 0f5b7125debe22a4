// Shared vocabulary of Tyndau: the enums and shapes both the server and the web use.
// It imports nothing internal, so either side can depend on it.
export * from './enums.ts';
export * from './iin.ts';
export type { BookingResult } from './reception.ts';
export * from './kpi.ts';
export * from './almaty.ts';
export * from './roles.ts';
