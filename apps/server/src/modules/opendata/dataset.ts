// De-identification of the register for open data: one row per appeal, nothing that names
// a person. Applied to rows already without confidential (trust phone) and anonymous
// appeals (the query leaves them out):
//   - dates only (Almaty), no times;
//   - the point rounded to 3 decimals (~110 m north-south, ~80 m east-west in Kazakhstan);
//   - small groups suppressed: a rounded point shared by fewer than SMALL_GROUP appeals of
//     the dataset loses its point, and a topic with fewer than SMALL_GROUP appeals is shown
//     as suppressed — a rare topic at a rare place could point to one household.
// The text, the applicant and the address never leave the register.

export const SMALL_GROUP = 5;
export const SUPPRESSED = 'suppressed';

export interface RegisterRow {
  number: string;
  receivedAt: Date;
  closedAt: Date | null;
  legalDueAt: Date | null;
  bodyCode: string;
  topicCode: string | null;
  channel: string;
  status: string;
  resolution: string | null;
  district: string | null;
  lat: number | null;
  lon: number | null;
}

export interface OpenRow {
  number: string;
  received: string;
  closed: string | null;
  due: string | null;
  body: string;
  topic: string | null;
  channel: string;
  status: string;
  resolution: string | null;
  district: string | null;
  lat: number | null;
  lon: number | null;
}

export const COLUMNS: (keyof OpenRow)[] = ['number', 'received', 'closed', 'due', 'body', 'topic', 'channel', 'status', 'resolution', 'district', 'lat', 'lon'];

const day = (d: Date | null) => (d ? new Date(d.getTime() + 5 * 3600_000).toISOString().slice(0, 10) : null);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function deidentify(rows: readonly RegisterRow[]): OpenRow[] {
  const point = (r: RegisterRow) => (r.lat !== null && r.lon !== null ? `${round3(r.lat)},${round3(r.lon)}` : null);
  const perPoint = new Map<string, number>();
  const perTopic = new Map<string, number>();
  for (const r of rows) {
    const p = point(r);
    if (p) perPoint.set(p, (perPoint.get(p) ?? 0) + 1);
    if (r.topicCode) perTopic.set(r.topicCode, (perTopic.get(r.topicCode) ?? 0) + 1);
  }
  return rows.map((r) => {
    const p = point(r);
    const keepPoint = p !== null && (perPoint.get(p) ?? 0) >= SMALL_GROUP;
    return {
      number: r.number,
      received: day(r.receivedAt)!,
      closed: day(r.closedAt),
      due: day(r.legalDueAt),
      body: r.bodyCode,
      topic: r.topicCode === null ? null : (perTopic.get(r.topicCode) ?? 0) >= SMALL_GROUP ? r.topicCode : SUPPRESSED,
      channel: r.channel,
      status: r.status,
      resolution: r.resolution,
      district: r.district,
      lat: keepPoint ? round3(r.lat!) : null,
      lon: keepPoint ? round3(r.lon!) : null,
    };
  });
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const csvField = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(rows: readonly OpenRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) lines.push(COLUMNS.map((c) => csvField(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
