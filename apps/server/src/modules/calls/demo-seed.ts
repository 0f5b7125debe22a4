// Demo telephony: every demo body gets a call-centre line and a trust-phone line,
// +7 7172 55-1x-xx and +7 7172 55-2x-xx (the x's are the body's place in the list).
import type { AppContext } from '../../app-context.ts';

export const demoLineNumbers = (index: number) => ({
  callCentre: `7717255${String(1000 + index)}`,
  trustPhone: `7717255${String(2000 + index)}`,
});

export async function seedDemoCallLines(ctx: AppContext): Promise<{ lines: number }> {
  const bodies = await ctx.db.selectFrom('body').select(['id', 'code']).orderBy('code').execute();
  const now = ctx.clock.now();
  const rows = bodies.flatMap((b, i) => {
    const n = demoLineNumbers(i);
    return [
      { bodyId: b.id, number: n.callCentre, channel: 'call_centre', language: null, createdAt: now },
      { bodyId: b.id, number: n.trustPhone, channel: 'trust_phone', language: null, createdAt: now },
    ];
  });
  if (rows.length) await ctx.db.insertInto('ctiLine').values(rows).onConflict((oc) => oc.column('number').doNothing()).execute();
  return { lines: rows.length };
}
