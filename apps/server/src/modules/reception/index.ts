// Personal reception (schedules, slots, bookings, the weekly review, the meeting and its
// follow-ups, reminders, statistics), the public reception and the front office (desk log,
// quick registration with a receipt, contact-line autoresponse, monitoring). A booking is
// an appeal of channel personal_reception; the module owns the reception_* tables.
export { receptionRoutes } from './reception.routes.ts';
export { subscribeReception } from './reception.subscriptions.ts';
export { seedDemoReceptions } from './demo-seed.ts';
