// Survey responses as files: CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read
// Cyrillic) and XLSX (exceljs).
import ExcelJS from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell that a spreadsheet would run as a formula is kept as text (CSV injection). */
const safe = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function toCsv(header: string[], rows: string[][]): string {
  return '\ufeff' + [header, ...rows].map((r) => r.map((v) => quote(safe(v))).join(',')).join('\r\n') + '\r\n';
}

export async function toXlsx(sheetName: string, header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31) || 'Responses');
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v, i) => (header[i] === 'weight' || /^\d+$/.test(v) ? Number(v) : safe(v))));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
