import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../pipelines/runner/run.js';
import type { Pipeline } from '../../../pipelines/runner/types.js';
import { ticketsPipeline } from '../../../pipelines/tickets/index.js';
import { buildZip, deflatedZeros, xlsxParts } from '../../helpers/zip.js';
import { dropFile, tempWarehouse } from '../../helpers/warehouse.js';
import { COLS, csv, ticket } from '../../helpers/tickets.js';

type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;
const savedMax = process.env.ATALAYA_MAX_ARCHIVO_MB;
beforeEach(async () => {
  tmp = await tempWarehouse();
});
afterEach(() => {
  if (savedMax === undefined) delete process.env.ATALAYA_MAX_ARCHIVO_MB;
  else process.env.ATALAYA_MAX_ARCHIVO_MB = savedMax;
  tmp?.close();
});

const run = (p: Pipeline = ticketsPipeline) => runPipeline(tmp.wh, p, { dataDir: tmp.dataDir });
const ids = async (): Promise<number[]> =>
  (await tmp.wh.all<{ id: number }>('SELECT id FROM core.tickets ORDER BY id')).map((r) => r.id);
const quarantine = (runId: number) =>
  tmp.wh.all<{ archivo: string; hoja: string | null; fila: number | null; campo: string | null; motivo: string }>(
    'SELECT archivo, hoja, fila, campo, motivo FROM ops.cuarentena WHERE ejecucion_id = $1 ORDER BY archivo, fila NULLS FIRST', [runId]);
const listing = (...parts: string[]): string[] => {
  const dir = path.join(tmp.dataDir, ...parts);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};
/** Names in archivo/ or rechazados/ without the instant prefix. */
const moved = (...parts: string[]): string[] => listing(...parts).map((f) => f.replace(/^\d{4}-\d{2}-\d{2}T[\d-]+Z_(\d+_)?/, '')).sort();

async function workbook(rows: Array<Record<string, string>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tickets');
  ws.addRow([...COLS]);
  for (const r of rows) ws.addRow(COLS.map((c) => r[c] || null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a file that cannot be read is rejected alone', () => {
  it('a text file named .xlsx beside good files: the run succeeds, the others load, it goes to rechazados/ with its reason', async () => {
    dropFile(tmp.dataDir, 'tickets', 'a_falso.xlsx', 'esto no es un libro de Excel\n');
    dropFile(tmp.dataDir, 'tickets', 'b_buenos.csv', csv([ticket(1), ticket(2)]));
    dropFile(tmp.dataDir, 'tickets', 'c_libro.xlsx', await workbook([ticket(3)]));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', error: null, leidas: 3, cargadas: 3, rechazadas: 1 });
    expect(await ids()).toEqual([1, 2, 3]);
    const q = await quarantine(r.id);
    expect(q).toEqual([{ archivo: 'a_falso.xlsx', hoja: null, fila: null, campo: null, motivo: expect.stringMatching(/^no es un libro de Excel \(\.xlsx\) válido/) }]);
    expect(r.avisos.join('\n')).toMatch(/a_falso\.xlsx: rechazado: no es un libro de Excel .*se movió a rechazados\/tickets\//);
    expect(listing('inbox', 'tickets')).toEqual([]);
    expect(moved('rechazados', 'tickets')).toEqual(['a_falso.xlsx']);
    expect(moved('archivo', 'tickets')).toEqual(['b_buenos.csv', 'c_libro.xlsx']);
    const stored = await tmp.wh.one<{ estado: string; filas_rechazadas: number; avisos: string }>(
      'SELECT estado, filas_rechazadas, avisos FROM ops.ejecuciones WHERE id = $1', [r.id]);
    expect(stored).toMatchObject({ estado: 'exito', filas_rechazadas: 1 });
    expect(stored!.avisos).toContain('a_falso.xlsx');

    // Nothing blocks the next run: a new file loads, and nothing is rejected again.
    dropFile(tmp.dataDir, 'tickets', 'd_despues.csv', csv([ticket(4)]));
    const r2 = await run();
    expect(r2).toMatchObject({ estado: 'exito', cargadas: 1, rechazadas: 0 });
    expect(await ids()).toEqual([1, 2, 3, 4]);
    expect(await quarantine(r2.id)).toEqual([]);
  });

  it('binary, empty, UTF-16, old Excel, a workbook named .csv, a ZIP without a workbook, a damaged workbook: each with its own reason', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const good = await workbook([ticket(9)]);
    // A central directory whose entry claims 65,535 bytes of extra fields, past the end of the file.
    const overrun = buildZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    overrun.writeUInt16LE(0xffff, overrun.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 30);
    const hostile: Record<string, [Buffer | string, RegExp]> = {
      'desbordado.xlsx': [overrun, /^no se pudo leer como libro de Excel/],
      'imagen.csv': [png, /contiene datos binarios/],
      'vacio.csv': ['', /está vacío/],
      'unicode.csv': [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([ticket(50)]), 'utf16le')]), /UTF-16/],
      'viejo.xlsx': [Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 1)]), /Excel 97-2003 \(\.xls\)/],
      'libro_renombrado.csv': [good, /es un libro de Excel .*extensión de texto/],
      'comprimido.xlsx': [buildZip([{ name: 'leeme.txt', data: 'hola' }]), /no contiene xl\/workbook\.xml/],
      'cortado.xlsx': [good.subarray(0, Math.floor(good.length / 2)), /no es un libro de Excel \(\.xlsx\) válido/],
      'roto.xlsx': [buildZip([{ name: '[Content_Types].xml', data: '<x' }, { name: 'xl/workbook.xml', data: '<<<no es xml' }]), /^no se pudo leer como libro de Excel/],
      'largo.csv': [`${COLS.join(',')}\n1,${'x'.repeat(3_000_000)}\n`, /la línea 2 mide más de/],
    };
    for (const [name, [content]] of Object.entries(hostile)) dropFile(tmp.dataDir, 'tickets', name, content);
    dropFile(tmp.dataDir, 'tickets', 'tickets_bien.csv', csv([ticket(7), ticket(8)]));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 2, rechazadas: Object.keys(hostile).length });
    expect(await ids()).toEqual([7, 8]);
    const q = await quarantine(r.id);
    expect(q.map((x) => x.archivo)).toEqual(Object.keys(hostile).sort());
    for (const x of q) {
      expect(x, x.archivo).toMatchObject({ fila: null, hoja: null });
      expect(x.motivo, x.archivo).toMatch(hostile[x.archivo]![1]);
    }
    expect(moved('rechazados', 'tickets')).toEqual(Object.keys(hostile).sort());
    expect(moved('archivo', 'tickets')).toEqual(['tickets_bien.csv']);
    expect(listing('inbox', 'tickets')).toEqual([]);
  });

  it('a file over ATALAYA_MAX_ARCHIVO_MB is rejected without being read; a smaller one loads', async () => {
    process.env.ATALAYA_MAX_ARCHIVO_MB = '0.01'; // 10 KB
    const big = csv(Array.from({ length: 200 }, (_, i) => ticket(1000 + i)));
    expect(big.length).toBeGreaterThan(10 * 1024);
    dropFile(tmp.dataDir, 'tickets', 'grande.csv', big);
    dropFile(tmp.dataDir, 'tickets', 'chico.csv', csv([ticket(1)]));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 1, rechazadas: 1 });
    expect(await ids()).toEqual([1]);
    expect(await quarantine(r.id)).toEqual([
      { archivo: 'grande.csv', hoja: null, fila: null, campo: null, motivo: expect.stringMatching(/^mide \d+ KB, más que el límite de 10 KB \(ATALAYA_MAX_ARCHIVO_MB\)$/) },
    ]);
    expect(moved('rechazados', 'tickets')).toEqual(['grande.csv']);
  });

  it('zip bombs are rejected before they are unpacked: by the sizes the directory declares, or by inflating no further than them', async () => {
    const real = await xlsxParts(await workbook([ticket(1)]));
    const bomb = (sheet: Partial<Parameters<typeof buildZip>[0][number]>): Buffer =>
      buildZip(real.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: '', ...sheet } : p)));
    // 300 MB of zeros in ~300 KB: more than the default 200 MB bound, and honest about it.
    dropFile(tmp.dataDir, 'tickets', 'bomba.xlsx', bomb({ deflated: await deflatedZeros(300 * 1024 * 1024), declaredSize: 300 * 1024 * 1024 }));
    // The same kind of payload, with a directory that claims a kilobyte.
    dropFile(tmp.dataDir, 'tickets', 'bomba_mentirosa.xlsx', bomb({ deflated: await deflatedZeros(64 * 1024 * 1024), declaredSize: 1024 }));
    // ZIP64 sizes: 10 GB declared.
    dropFile(tmp.dataDir, 'tickets', 'bomba64.xlsx', bomb({ deflated: await deflatedZeros(1024 * 1024), declaredSize: 10 * 1024 ** 3, zip64: true }));
    // A real workbook whose every entry carries ZIP64 fields loads.
    dropFile(tmp.dataDir, 'tickets', 'zip64.xlsx', buildZip((await xlsxParts(await workbook([ticket(2)]))).map((p) => ({ ...p, zip64: true }))));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 1, rechazadas: 3 });
    expect(await ids()).toEqual([2]);
    const q = Object.fromEntries((await quarantine(r.id)).map((x) => [x.archivo, x.motivo]));
    expect(q['bomba.xlsx']).toMatch(/se descomprime a más de 200 MB \(límite ATALAYA_MAX_ARCHIVO_MB\)/);
    expect(q['bomba64.xlsx']).toMatch(/se descomprime a más de 200 MB/);
    expect(q['bomba_mentirosa.xlsx']).toMatch(/dañado o manipulado/);
    expect(moved('rechazados', 'tickets')).toEqual(['bomba.xlsx', 'bomba64.xlsx', 'bomba_mentirosa.xlsx']);
  });

  it('a file a target table refuses at the merge is rejected alone and the run commits the others', async () => {
    // A table with a rule the contract does not know: the merge fails on one file's data.
    await tmp.wh.exec(`CREATE TABLE core.prueba_regla (clave VARCHAR NOT NULL, valor INTEGER CHECK (valor < 100),
      _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ)`);
    const prueba: Pipeline = {
      name: 'prueba', titulo: 'Prueba', schedule: null, freshnessHours: 24, source: { kind: 'files' }, checks: [],
      tables: [{ table: 'prueba', target: 'core.prueba_regla', key: ['clave'], columns: [{ name: 'clave', type: 'text', required: true }, { name: 'valor', type: 'int' }] }],
    };
    dropFile(tmp.dataDir, 'prueba', 'uno.csv', 'clave,valor\na,1\nb,2\n', 90);
    dropFile(tmp.dataDir, 'prueba', 'dos.csv', 'clave,valor\nc,500\n', 80);
    dropFile(tmp.dataDir, 'prueba', 'tres.csv', 'clave,valor\nd,4\n', 70);
    const r = await run(prueba);
    expect(r).toMatchObject({ estado: 'exito', cargadas: 3, rechazadas: 1 });
    expect(await tmp.wh.all('SELECT clave, valor FROM core.prueba_regla ORDER BY clave')).toEqual([
      { clave: 'a', valor: 1 }, { clave: 'b', valor: 2 }, { clave: 'd', valor: 4 },
    ]);
    expect(await quarantine(r.id)).toEqual([{ archivo: 'dos.csv', hoja: null, fila: null, campo: null, motivo: expect.stringMatching(/restricción de la tabla/) }]);
    expect(await tmp.wh.all(`SELECT archivo, estado FROM ops.archivos_cargados WHERE pipeline = 'prueba' ORDER BY archivo`)).toEqual([
      { archivo: 'dos.csv', estado: 'rechazado' }, { archivo: 'tres.csv', estado: 'cargado' }, { archivo: 'uno.csv', estado: 'cargado' },
    ]);
    expect(moved('rechazados', 'prueba')).toEqual(['dos.csv']);
  });
});
