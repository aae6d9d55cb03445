import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { findHeaderRow, tableForName } from '../headers.js';
import type { RawInput } from '../load.js';
import type { TableContract } from '../types.js';
import { prepareCsv } from './csv.js';
import { readWorkbook } from './xlsx.js';

export interface InboxFile {
  name: string;
  path: string;
  sha256: string;
  content: Buffer;
}

/** What one file of the inbox turned into: tables to load, or the reason it cannot load. */
export interface ExtractedFile {
  file: InboxFile;
  inputs: Array<{ table: TableContract; input: RawInput }>;
  /** Reasons the whole file (or one of its sheets) was rejected: a missing required column names it. */
  rejections: Array<{ archivo: string; hoja: string | null; campo: string | null; motivo: string }>;
  /** Names no table: reported and left in the inbox. */
  unrecognized: boolean;
  /** Extra columns, reported once. */
  avisos: string[];
  temporaryFiles: string[];
}

const FILE_EXT = /\.(csv|txt|xlsx)$/i;

export function listInbox(dir: string): InboxFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && FILE_EXT.test(d.name) && !d.name.startsWith('~$') && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const p = path.join(dir, name);
      const content = fs.readFileSync(p);
      return { name, path: p, content, sha256: crypto.createHash('sha256').update(content).digest('hex') };
    });
}

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

export async function extractFile(file: InboxFile, tables: readonly TableContract[], tmpDir: string): Promise<ExtractedFile> {
  const out: ExtractedFile = { file, inputs: [], rejections: [], unrecognized: false, avisos: [], temporaryFiles: [] };
  if (/\.xlsx$/i.test(file.name)) {
    const sheets = await readWorkbook(file.content);
    for (const sheet of sheets) {
      // One-table pipelines take any sheet; several-table pipelines need the sheet's name to say which table.
      const table = tables.length === 1 ? tables[0]! : tableForName(sheet.name, tables);
      if (!table) continue;
      const found = findHeaderRow(sheet.rows.slice(0, 30).map((r) => r.cells), table);
      if (tables.length === 1 && !found && sheets.length > 1) continue;
      if (headerProblem(file.name, sheet.name, table, found, out)) continue;
      const body = sheet.rows.filter((r) => r.fila > sheet.rows[found!.index]!.fila);
      const width = Math.max(sheet.rows[found!.index]!.cells.length, ...body.map((r) => r.cells.length));
      const tmp = path.join(tmpDir, `${file.sha256.slice(0, 12)}_${out.temporaryFiles.length}.csv`);
      writeRowsCsv(tmp, body, width);
      out.temporaryFiles.push(tmp);
      out.inputs.push({
        table,
        input: { archivo: file.name, hoja: sheet.name, csvPath: tmp, delimiter: ',', skip: 0, width: width + 1, filaColumn: true, firstFila: 0, header: found!.match },
      });
    }
    if (out.inputs.length === 0 && out.rejections.length === 0) out.unrecognized = true;
    return out;
  }
  const table = pickTable(file.name, tables);
  if (!table) {
    out.unrecognized = true;
    return out;
  }
  const csv = prepareCsv(file.path, file.content, tmpDir);
  if (csv.temporary) out.temporaryFiles.push(csv.path);
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
    },
  });
  return out;
}
