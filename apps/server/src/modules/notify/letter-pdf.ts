// The paper letter: a PDF on the body's letterhead (its name in Kazakh and Russian), the
// outgoing reference and date, the addressee, the message and the signer. DejaVu Sans from
// the `dejavu-fonts-ttf` package covers every Kazakh letter (ә ғ қ ң ө ұ ү һ і) and Russian,
// with no system font needed.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Language } from '@tyndau/contracts';
import type { RenderedMessage } from './templates.ts';
import { formatDate } from './templates.ts';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface LetterInput {
  language: Language;
  body: { kk: string; ru: string; en: string; address?: string | null };
  number: string | null;
  date: Date;
  addressee: { name: string | null; address: string | null };
  message: RenderedMessage;
  signer: { name: string | null; title: string };
}

const LABELS: Record<Language, { ref: string; to: string }> = {
  kk: { ref: 'Шығыс', to: 'Кімге' },
  ru: { ref: 'Исх.', to: 'Кому' },
  en: { ref: 'Ref.', to: 'To' },
};

export const SIGNER_TITLE: Record<Language, string> = { kk: 'Басшы', ru: 'Руководитель', en: 'Head' };

export function renderLetterPdf(input: LetterInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 70, right: 56 }, info: { Title: input.message.subject, Author: input.body.ru } });
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
  const half = (width - 20) / 2;
  const top = doc.y;
  // Letterhead: Kazakh on the left, Russian on the right, as official letterheads are.
  doc.font('Bold').fontSize(11).text(input.body.kk.toUpperCase(), left, top, { width: half, align: 'center' });
  const leftBottom = doc.y;
  doc.text(input.body.ru.toUpperCase(), left + half + 20, top, { width: half, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 6;
  if (input.body.address) doc.font('Body').fontSize(8).text(input.body.address, left, doc.y, { width, align: 'center' });
  doc.moveTo(left, doc.y + 4).lineTo(left + width, doc.y + 4).lineWidth(1.2).stroke();
  doc.y += 14;

  const labels = LABELS[input.language];
  const refTop = doc.y;
  doc.font('Body').fontSize(10).text(`${formatDate(input.date)}${input.number ? `  ${labels.ref} № ${input.number}` : ''}`, left, refTop, { width: half });
  const addressee = [input.addressee.name, input.addressee.address].filter(Boolean).join('\n');
  doc.font('Bold').fontSize(10).text(addressee ? `${labels.to}: ${addressee}` : '', left + half + 20, refTop, { width: half });
  doc.y = Math.max(doc.y, refTop + 14) + 20;

  doc.font('Bold').fontSize(12).text(input.message.subject, left, doc.y, { width, align: 'center' });
  doc.moveDown(1);
  doc.font('Body').fontSize(11);
  for (const p of input.message.paragraphs) {
    doc.text(p, left, doc.y, { width, align: 'justify', indent: 28, paragraphGap: 8, lineGap: 2 });
  }
  if (input.message.link) {
    doc.moveDown(0.5);
    doc.fontSize(9).fillColor('#444').text(input.message.link, left, doc.y, { width });
    doc.fillColor('black');
  }
  doc.moveDown(3);
  const signTop = doc.y;
  doc.font('Bold').fontSize(11).text(input.signer.title, left, signTop, { width: half });
  doc.text(input.signer.name ?? '', left + half + 20, signTop, { width: half, align: 'right' });
  doc.end();
  return done;
}
