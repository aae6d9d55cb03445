import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { findHeaderRow, tableForName } from '../headers.js';
import type { RawInput } from '../load.js';
import type { InboxLimits } from '../inbox/limits.js';
import { RejectedFileError, type TableContract } from '../types.js';
import { prepareCsv } from './csv.js';
import { readWorkbook, type SheetRows } from './xlsx.js';
import { checkXlsxArchive } from './zip.js';
import { scanText, type TextScan } from '../inbox/text-scan.js';

/** A settled inbox file, read and hashed: a workbook whole, a text file scanned (inbox/text-scan.ts). */
export interface SourceFile {
  name: string;
  path: string | Buffer;
  sha256: string;
  content: Buffer | null;
  scan: TextScan | null;
}

/** What one file of the inbox turned into: tables to load, or the reason (a sheet of) it cannot load. */
export interface ExtractedFile {
  name: string;
  inputs: Array<{ table: TableContract; input: RawInput }>;
  /** Reasons a sheet or the whole file was rejected at its header: a missing required column names it. */
  rejections: Array<{ archivo: string; hoja: string | null; campo: string | null; motivo: string }>;
  /** Names no table: reported and left in the inbox. */
  unrecognized: boolean;
  /** Extra columns, reported once. */
  avisos: string[];
}

const XLSX_UNREADABLE = 'no se pudo leer como libro de Excel (.xlsx): el archivo está dañado o no es un libro de Excel';

function pickTable(name: string, tables: readonly TableContract[]): TableContract | null {
  return tables.length === 1 ? tables[0]! : tableForName(name, tables);
}

function missingMessage(missing: string[]): string {
  return missing.length === 1
    ? `falta la columna requerida «${missing[0]}»; el archivo no se cargó`
    : `faltan las columnas requeridas ${missing.map((m) => `«${m}»`).join(', ')}; el archivo no se cargó`;
}

function headerProblem(archivo: string, hoja: string | null, table: TableContract, found: ReturnType<typeof findHeaderRow>, out: ExtractedFile): boolean {
  const where = hoja ? `${archivo} › ${hoja}` : archivo;
  if (!found) {
    const req = table.columns.filter((c) => c.required).map((c) => c.name);
    out.rejections.push({ archivo, hoja, campo: null, motivo: `no se encontró el encabezado de «${table.table}»; ${missingMessage(req)}` });
    return true;
  }
  if (found.match.missingRequired.length > 0) {
    out.rejections.push({ archivo, hoja, campo: found.match.missingRequired.join(', '), motivo: missingMessage(found.match.missingRequired) });
    return true;
  }
  if (found.match.extras.length > 0) out.avisos.push(`${where}: columnas adicionales ignoradas: ${found.match.extras.join(', ')}`);
  return false;
}

/** Writes rows of a sheet or an HTTP read as a UTF-8 CSV whose first column is the row number. */
export function writeRowsCsv(tmpFile: string, rows: Array<{ fila: number; cells: (string | null)[] }>, width: number): void {
  const data = rows.map((r) => [r.fila, ...Array.from({ length: width }, (_, i) => r.cells[i] ?? '')]);
  fs.mkdirSync(path.dirname(tmpFile), { recursive: true });
  fs.writeFileSync(tmpFile, Papa.unparse(data, { header: false, newline: '\n' }), 'utf8');
}

async function readXlsx(content: Buffer, limits: InboxLimits): Promise<SheetRows[]> {
  try {
    checkXlsxArchive(content, limits.maxBytes);
  } catch (e) {
    // A directory whose offsets point outside the file ends in a RangeError while it is read.
    throw e instanceof RejectedFileError ? e : new RejectedFileError(XLSX_UNREADABLE);
  }
  try {
    return await readWorkbook(content);
  } catch (e) {
    console.warn(`[carga] ExcelJS no pudo leer un libro: ${(e as Error).message}`);
    throw new RejectedFileError(XLSX_UNREADABLE);
  }
}

/**
 * Turns one file into inputs for the loader. Whatever makes the whole file unusable (not its format, damaged, a
 * zip bomb) throws RejectedFileError with the Spanish reason; a header without a required column rejects that
 * file or sheet in `rejections`. Temporary files go to `tmpDir` (a glob-safe folder) named after `seq`.
 */
export async function extractFile(file: SourceFile, tables: readonly TableContract[], tmpDir: string, limits: InboxLimits, seq: number): Promise<ExtractedFile> {
  const out: ExtractedFile = { name: file.name, inputs: [], rejections: [], unrecognized: false, avisos: [] };
  if (/\.xlsx$/i.test(file.name)) {
    const sheets = await readXlsx(file.content ?? fs.readFileSync(file.path), limits);
    for (const sheet of sheets) {
      // One-table pipelines take any sheet; several-table pipelines need the sheet's name to say which table.
      const table = tables.length === 1 ? tables[0]! : tableForName(sheet.name, tables);
      if (!table) continue;
      const found = findHeaderRow(sheet.rows.slice(0, 30).map((r) => r.cells), table);
      if (tables.length === 1 && !found && sheets.length > 1) continue;
      if (headerProblem(file.name, sheet.name, table, found, out)) continue;
      const body = sheet.rows.filter((r) => r.fila > sheet.rows[found!.index]!.fila);
      const width = Math.max(sheet.rows[found!.index]!.cells.length, ...body.map((r) => r.cells.length));
      const tmp = path.join(tmpDir, `f${seq}_${out.inputs.length}.csv`);
      writeRowsCsv(tmp, body, width);
      out.inputs.push({
        table,
        input: { archivo: file.name, hoja: sheet.name, csvPath: tmp, delimiter: ',', skip: 0, width: width + 1, filaColumn: true, firstFila: 0, header: found!.match },
      });
    }
    if (out.inputs.length === 0 && out.rejections.length === 0) {
      // A one-table pipeline takes any sheet: a workbook where none has the header is not "for another table".
      if (tables.length > 1) out.unrecognized = true;
      else {
        const req = tables[0]!.columns.filter((c) => c.required).map((c) => c.name);
        throw new RejectedFileError(sheets.length === 0 ? 'el libro no tiene hojas'
          : `ninguna hoja tiene el encabezado de «${tables[0]!.table}»; ${missingMessage(req)}`);
      }
    }
    return out;
  }
  const table = pickTable(file.name, tables);
  if (!table) {
    out.unrecognized = true;
    return out;
  }
  const csv = prepareCsv(file.path, file.scan ?? scanText(file.path), tmpDir, `f${seq}.csv`);
  const found = findHeaderRow(csv.head, table);
  if (headerProblem(file.name, null, table, found, out)) return out;
  const headerCells = csv.head[found!.index]!;
  out.inputs.push({
    table,
    input: {
      archivo: file.name,
      csvPath: csv.path,
      delimiter: csv.delimiter,
      skip: found!.index + 1,
      width: Math.max(headerCells.length, ...csv.head.slice(found!.index).map((r) => r.length)),
      filaColumn: false,
      firstFila: found!.index + 2,
      header: found!.match,
      asciiSpaces: csv.asciiSpaces,
    },
  });
  return out;
}
