import type ExcelJS from 'exceljs';
import { loadExcel } from '../../../src/core/lazy-libs.js';

export interface SheetRows {
  name: string;
  /** Each row with its number as the spreadsheet shows it (1-based). */
  rows: Array<{ fila: number; cells: (string | null)[] }>;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Excel stores wall-clock times without a zone; ExcelJS hands them as UTC dates, so read the UTC fields. */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
  }
  return String(v);
}

export async function readWorkbook(content: Buffer): Promise<SheetRows[]> {
  const wb = new (await loadExcel()).Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const sheets: SheetRows[] = [];
  wb.eachSheet((ws) => {
    const rows: SheetRows['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, fila) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: (string | null)[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (cells.some((c) => c !== null && c.trim() !== '')) rows.push({ fila, cells });
    });
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}
