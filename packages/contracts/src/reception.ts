// Shapes of the reception API that both the server and the web app use.

/** The answer to a booking: the new personal-reception appeal and its seat. */
export interface BookingResult {
  /** The appeal's id, number and access code (the booking is tracked with them). */
  id: string;
  number: string;
  accessCode: string;
  bookingId: string;
  status: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  videoUrl: string | null;
  officialName: string;
  /** When the reminder goes (null: none, booked less than a week ahead). */
  remindAt: string | null;
}
