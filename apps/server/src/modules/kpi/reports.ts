// Reports of a body's KPIs over a period, as XLSX (exceljs) and PDF (pdfkit, DejaVu Sans
// as the letters use), built from the same KPI table the dashboard shows. Daily (the day
// before) and weekly (Monday to Sunday before) reports are made each morning, kept in
// kpi_report and announced to the body's heads through the outbox with their links.
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { KPIS, type KpiValues, type Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { almatyDate } from '../deadlines/index.ts';
import { queueStaffNotification } from '../notify/index.ts';
import * as repo from './kpi.repository.ts';
import { computeKpiTable, kpiOverlap } from './kpi.service.ts';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const DAY_MS = 86_400_000;
export const REPORT_HOUR_ALMATY = 8;

const L: Record<Language, Record<'title' | 'kpi' | 'value' | 'formula' | 'byChannel' | 'byUnit' | 'overlap' | 'channel' | 'unit' | 'pair' | 'appeals' | 'none', string>> = {
  kk: { title: 'Көрсеткіштер есебі', kpi: 'Көрсеткіш', value: 'Мәні', formula: 'Формула', byChannel: 'Арналар бойынша', byUnit: 'Бөлімшелер бойынша', overlap: 'Арналардың қайталануы', channel: 'Арна', unit: 'Бөлімше', pair: 'Арналар жұбы', appeals: 'Өтініштер', none: '—' },
  ru: { title: 'Отчёт по показателям', kpi: 'Показатель', value: 'Значение', formula: 'Формула', byChannel: 'По каналам', byUnit: 'По подразделениям', overlap: 'Дублирование каналов', channel: 'Канал', unit: 'Подразделение', pair: 'Пара каналов', appeals: 'Обращений', none: '—' },
  en: { title: 'KPI report', kpi: 'KPI', value: 'Value', formula: 'Formula', byChannel: 'By channel', byUnit: 'By unit', overlap: 'Channel overlap', channel: 'Channel', unit: 'Unit', pair: 'Channel pair', appeals: 'Appeals', none: '—' },
};

/** A KPI value as a report shows it: shares in per cent. */
export function formatKpi(code: string, v: number | null): string {
  if (v === null) return '—';
  const k = KPIS.find((x) => x.code === code);
  return k?.kind === 'share' ? `${(v * 100).toFixed(1)} %` : String(v);
}

export interface ReportData {
  language: Language;
  bodyName: string;
  from: string;
  to: string;
  totals: KpiValues;
  byChannel: { label: string; kpis: KpiValues }[];
  byUnit: { label: string; kpis: KpiValues }[];
  pairs: { channels: string[]; appeals: number }[];
}

export async function reportData(ctx: AppContext, bodyId: string, from: string, to: string, language: Language): Promise<ReportData> {
  const [total, channels, units, overlap] = await Promise.all([
    computeKpiTable(ctx, null, { bodyId, from, to }),
    computeKpiTable(ctx, null, { bodyId, from, to, groupBy: 'channel' }),
    computeKpiTable(ctx, null, { bodyId, from, to, groupBy: 'unit' }),
    kpiOverlap(ctx, null, { bodyId, from, to, limit: 10 }),
  ]);
  const body = (await repo.bodiesList(ctx.db)).find((b) => b.id === bodyId);
  const name = (l: { kk: string; ru: string; en: string } | null, fallback: string) => (l ? l[language] : fallback);
  return {
    language,
    bodyName: body ? { kk: body.nameKk, ru: body.nameRu, en: body.nameEn }[language] : bodyId,
    from,
    to,
    totals: total.totals.kpis,
    byChannel: channels.groups.map((g) => ({ label: g.key ?? '—', kpis: g.kpis })),
    byUnit: units.groups.map((g) => ({ label: name(g.label, L[language].none), kpis: g.kpis })),
    pairs: overlap.pairs,
  };
}

const COLUMNS = ['received', 'open', 'overdue', 'on_time_share', 'avg_answer_days', 'resolved_share', 'satisfaction'] as const;
const kpiName = (code: string, lang: Language) => KPIS.find((k) => k.code === code)!.name[lang];

export async function reportXlsx(d: ReportData): Promise<Buffer> {
  const l = L[d.language];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tyndau';
  const main = wb.addWorksheet(l.kpi);
  main.addRow([`${l.title}: ${d.bodyName}`]).font = { bold: true, size: 13 };
  main.addRow([`${d.from} – ${d.to}`]);
  main.addRow([]);
  main.addRow([l.kpi, l.value, l.formula]).font = { bold: true };
  for (const k of KPIS) main.addRow([k.name[d.language], d.totals[k.code], k.formula[d.language]]);
  main.columns = [{ width: 44 }, { width: 12 }, { width: 80 }];
  for (const [title, rows, head] of [[l.byChannel, d.byChannel, l.channel], [l.byUnit, d.byUnit, l.unit]] as const) {
    const ws = wb.addWorksheet(title);
    ws.addRow([head, ...COLUMNS.map((c) => kpiName(c, d.language))]).font = { bold: true };
    for (const r of rows) ws.addRow([r.label, ...COLUMNS.map((c) => r.kpis[c])]);
    ws.columns = [{ width: 36 }, ...COLUMNS.map(() => ({ width: 16 }))];
  }
  const ov = wb.addWorksheet(l.overlap);
  ov.addRow([l.pair, l.appeals]).font = { bold: true };
  for (const p of d.pairs) ov.addRow([p.channels.join(' + '), p.appeals]);
  ov.columns = [{ width: 44 }, { width: 12 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function reportPdf(d: ReportData): Promise<Buffer> {
  const l = L[d.language];
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: 40, bottom: 40, left: 40, right: 40 }, info: { Title: `${l.title}: ${d.bodyName}`, Author: 'Tyndau' } });
  doc.registerFont('Body', FONT);
  doc.registerFont('Bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('Bold').fontSize(14).text(`${l.title}: ${d.bodyName}`, left, doc.y, { width });
  doc.font('Body').fontSize(10).text(`${d.from} – ${d.to}`);
  doc.moveDown();
  const table = (head: string[], rows: string[][], widths: number[]) => {
    const line = (cells: string[], bold: boolean) => {
      if (doc.y > doc.page.height - 70) doc.addPage();
      const top = doc.y;
      let x = left;
      let bottom = top;
      cells.forEach((c, i) => {
        doc.font(bold ? 'Bold' : 'Body').fontSize(8.5).text(c, x + 2, top, { width: widths[i]! - 4 });
        bottom = Math.max(bottom, doc.y);
        x += widths[i]!;
      });
      doc.y = bottom + 3;
      doc.moveTo(left, doc.y - 1).lineTo(left + width, doc.y - 1).lineWidth(0.3).stroke();
    };
    line(head, true);
    for (const r of rows) line(r, false);
    doc.moveDown();
  };
  table([l.kpi, l.value, l.formula], KPIS.map((k) => [k.name[d.language], formatKpi(k.code, d.totals[k.code]), k.formula[d.language]]), [230, 70, width - 300]);
  const w = (width - 160) / COLUMNS.length;
  for (const [title, rows, head] of [[l.byChannel, d.byChannel, l.channel], [l.byUnit, d.byUnit, l.unit]] as const) {
    if (!rows.length) continue;
    doc.font('Bold').fontSize(11).text(title, left, doc.y);
    table([head, ...COLUMNS.map((c) => kpiName(c, d.language))], rows.map((r) => [r.label, ...COLUMNS.map((c) => formatKpi(c, r.kpis[c]))]), [160, ...COLUMNS.map(() => w)]);
  }
  if (d.pairs.length) {
    doc.font('Bold').fontSize(11).text(l.overlap, left, doc.y);
    table([l.pair, l.appeals], d.pairs.map((p) => [p.channels.join(' + '), String(p.appeals)]), [300, 100]);
  }
  doc.end();
  return done;
}

const shift = (day: string, days: number) => almatyDate(new Date(Date.parse(`${day}T12:00:00+05:00`) + days * DAY_MS));

/**
 * The morning's reports: after REPORT_HOUR_ALMATY, yesterday's daily report and, on a
 * Monday, last week's, for every body with a head, in each head's language. Safe to repeat
 * (kpi_report is unique per body, period, first day and language; messages are deduplicated).
 */
export async function runScheduledReports(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const almatyHour = new Date(now.getTime() + 5 * 3_600_000).getUTCHours();
  if (almatyHour < REPORT_HOUR_ALMATY) return 0;
  const today = almatyDate(now);
  const periods: { period: 'daily' | 'weekly'; from: string; to: string }[] = [{ period: 'daily', from: shift(today, -1), to: shift(today, -1) }];
  if (new Date(`${today}T12:00:00+05:00`).getUTCDay() === 1) periods.push({ period: 'weekly', from: shift(today, -7), to: shift(today, -1) });
  const heads = await repo.staffRoleHeads(ctx.db);
  const byBody = new Map<string, { id: string; language: string }[]>();
  for (const h of heads) byBody.set(h.bodyId, [...(byBody.get(h.bodyId) ?? []), h]);
  let made = 0;
  for (const [bodyId, bodyHeads] of byBody) {
    for (const p of periods) {
      for (const language of new Set(bodyHeads.map((h) => (['kk', 'ru', 'en'].includes(h.language) ? h.language : 'ru') as Language))) {
        if (await repo.reportExists(ctx.db, bodyId, p.period, p.from, language)) continue;
        const data = await reportData(ctx, bodyId, p.from, p.to, language);
        const [pdf, xlsx] = await Promise.all([reportPdf(data), reportXlsx(data)]);
        const overdue = await computeKpiTable(ctx, null, { bodyId, from: p.from, to: p.to });
        await ctx.db.transaction().execute(async (tx) => {
          const saved = await repo.saveReport(tx, { bodyId, period: p.period, fromDay: p.from, toDay: p.to, language, pdf, xlsx, at: now });
          if (!saved.inserted) return;
          made++;
          const base = `${ctx.config.publicUrl.replace(/\/+$/, '')}/api/v1/kpi/reports/${saved.id}`;
          for (const h of bodyHeads.filter((x) => x.language === language || (language === 'ru' && !['kk', 'en'].includes(x.language)))) {
            await queueStaffNotification(tx, {
              userId: h.id,
              template: 'staff.kpi_report',
              payload: {
                reportId: saved.id, period: p.period, from: p.from, to: p.to, bodyName: data.bodyName,
                received: overdue.totals.kpis.received, overdue: overdue.totals.kpis.overdue, onTime: formatKpi('on_time_share', data.totals.on_time_share),
                pdfUrl: `${base}.pdf`, xlsxUrl: `${base}.xlsx`,
              },
              at: now,
              dedupeKey: `kpi-report:${saved.id}:${h.id}`,
            });
          }
        });
      }
    }
  }
  return made;
}
