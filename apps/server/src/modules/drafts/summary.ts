// The summary table of a discussion that has ended — every comment, its answer and the
// decision — as PDF (pdfkit, DejaVu Sans for Kazakh letters, as the paper letters) and as
// XLSX (exceljs).
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import ExcelJS from 'exceljs';
import type { summaryRows } from './drafts.service.ts';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

type Summary = Awaited<ReturnType<typeof summaryRows>>;
type Lang = 'kk' | 'ru' | 'en';

const HEAD: Record<Lang, { title: string; cols: string[]; stance: Record<string, string>; decision: Record<string, string> }> = {
  ru: {
    title: 'Сводная таблица замечаний и предложений',
    cols: ['№', 'Пункт', 'Автор', 'Позиция', 'Замечание', 'Ответ разработчика', 'Решение и обоснование'],
    stance: { for: 'за', against: 'против', neutral: 'нейтрально' },
    decision: { accepted: 'принято', partly_accepted: 'принято частично', rejected: 'не принято', '': 'нет ответа' },
  },
  kk: {
    title: 'Ескертулер мен ұсыныстардың жиынтық кестесі',
    cols: ['№', 'Тармақ', 'Автор', 'Ұстаным', 'Ескерту', 'Әзірлеушінің жауабы', 'Шешім және негіздеме'],
    stance: { for: 'жақтайды', against: 'қарсы', neutral: 'бейтарап' },
    decision: { accepted: 'қабылданды', partly_accepted: 'ішінара қабылданды', rejected: 'қабылданбады', '': 'жауап жоқ' },
  },
  en: {
    title: 'Summary of comments and proposals',
    cols: ['No.', 'Paragraph', 'Author', 'Stance', 'Comment', 'Developer’s answer', 'Decision and reason'],
    stance: { for: 'for', against: 'against', neutral: 'neutral' },
    decision: { accepted: 'accepted', partly_accepted: 'partly accepted', rejected: 'rejected', '': 'no answer' },
  },
};

const cells = (s: Summary, lang: Lang) => {
  const h = HEAD[lang];
  return s.rows.map((r) => [String(r.n), r.paragraph, r.author, h.stance[r.stance] ?? r.stance, r.text, r.answer, `${h.decision[r.decision] ?? r.decision}${r.reason ? `: ${r.reason}` : ''}`]);
};

export function summaryPdf(s: Summary, lang: Lang): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 30, info: { Title: `${HEAD[lang].title}: ${s.discussion.title}` } });
  doc.registerFont('Body', FONT);
  doc.registerFont('Bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = 30;
  const width = doc.page.width - 60;
  const widths = [24, 70, 80, 55, 190, 200, width - 24 - 70 - 80 - 55 - 190 - 200];
  doc.font('Bold').fontSize(12).text(HEAD[lang].title, left, 30, { width, align: 'center' });
  doc.font('Body').fontSize(10).text(`${s.discussion.title} — ${s.discussion.body.name[lang]}`, { width, align: 'center' });
  doc.moveDown(1);
  const row = (values: string[], bold: boolean) => {
    doc.font(bold ? 'Bold' : 'Body').fontSize(7.5);
    const height = Math.max(...values.map((v, i) => doc.heightOfString(v || ' ', { width: widths[i]! - 6 }))) + 6;
    if (doc.y + height > doc.page.height - 30) doc.addPage();
    const top = doc.y;
    let x = left;
    values.forEach((v, i) => {
      doc.rect(x, top, widths[i]!, height).lineWidth(0.5).stroke();
      doc.text(v || ' ', x + 3, top + 3, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = top + height;
  };
  row(HEAD[lang].cols, true);
  for (const r of cells(s, lang)) row(r, false);
  doc.end();
  return done;
}

export async function summaryXlsx(s: Summary, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = `${HEAD[lang].title}: ${s.discussion.title}`;
  const ws = wb.addWorksheet(HEAD[lang].title.slice(0, 31));
  ws.columns = HEAD[lang].cols.map((header, i) => ({ header, width: [6, 18, 20, 12, 50, 50, 40][i] }));
  ws.getRow(1).font = { bold: true };
  for (const r of cells(s, lang)) ws.addRow(r);
  ws.eachRow((r) => (r.alignment = { wrapText: true, vertical: 'top' }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
