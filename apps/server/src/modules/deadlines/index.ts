// Terms of an appeal on Kazakhstan's working-day calendar: the statutory term (art. 76),
// the redirect term (art. 65) and the body's channel standard.
// NOTE: interim calendar of weekends only; the full calendar (holidays, transfers) replaces it.
const DAY = 86_400_000;
const ALMATY_OFFSET = 5 * 3_600_000;

function almatyDate(at: Date): Date {
  const d = new Date(at.getTime() + ALMATY_OFFSET);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
const isWorking = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
function endOfDay(d: Date): Date {
  return new Date(d.getTime() + DAY - 1000 - ALMATY_OFFSET);
}
function addWorking(at: Date, n: number): Date {
  let d = almatyDate(at);
  while (!isWorking(d)) d = new Date(d.getTime() + DAY);
  for (let i = 0; i < n; ) {
    d = new Date(d.getTime() + DAY);
    if (isWorking(d)) i++;
  }
  return endOfDay(d);
}

export async function termsOnReceipt(_ctx: unknown, receivedAt: Date): Promise<{ legalDueAt: Date; redirectDueAt: Date }> {
  return { legalDueAt: addWorking(receivedAt, 15), redirectDueAt: addWorking(receivedAt, 3) };
}
