import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../../pipelines/tickets/index.js';
import { markArrived } from '../../../src/demo/files.js';
import { dropFile, tempWarehouse } from '../../helpers/warehouse.js';
import { COLS, csv, ticket } from '../../helpers/tickets.js';

type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;
beforeEach(async () => {
  tmp = await tempWarehouse();
});
afterEach(() => tmp?.close());

const run = () => runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir });
const count = async (table = 'core.tickets'): Promise<number> =>
  (await tmp.wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;
const quarantine = (runId: number) =>
  tmp.wh.all<{ archivo: string; hoja: string | null; fila: number | null; campo: string | null; motivo: string }>(
    'SELECT archivo, hoja, fila, campo, motivo FROM ops.cuarentena WHERE ejecucion_id = $1 ORDER BY fila NULLS FIRST, campo', [runId]);

describe('file runner: idempotence and corrections', () => {
  it('the same file loaded twice changes nothing; a corrected row in a later file updates it', async () => {
    const first = csv([ticket(1), ticket(2, { titulo: 'Buzón lleno' }), ticket(3)]);
    dropFile(tmp.dataDir, 'tickets', 'tickets_1.csv', first);
    const r1 = await run();
    expect(r1).toMatchObject({ estado: 'exito', leidas: 3, cargadas: 3, rechazadas: 0 });
    expect(await count()).toBe(3);
    // The file was archived out of the inbox.
    expect(fs.readdirSync(path.join(tmp.dataDir, 'inbox', 'tickets'))).toEqual([]);

    // Same content again (under another name too): recognized by its hash, nothing loads.
    dropFile(tmp.dataDir, 'tickets', 'tickets_1.csv', first);
    dropFile(tmp.dataDir, 'tickets', 'tickets_copia.csv', first);
    const r2 = await run();
    expect(r2).toMatchObject({ estado: 'exito', leidas: 0, cargadas: 0, rechazadas: 0 });
    expect(r2.avisos.join('\n')).toMatch(/ya se había cargado/);
    expect(await count()).toBe(3);
    const before = await tmp.wh.all('SELECT id, titulo, estado, _archivo, _ejecucion FROM core.tickets ORDER BY id');
    expect(before.map((r) => r._ejecucion)).toEqual([r1.id, r1.id, r1.id]);

    // A later file corrects ticket 2 and adds ticket 4.
    dropFile(tmp.dataDir, 'tickets', 'tickets_2.csv', csv([ticket(2, { titulo: 'Buzón lleno (corregido)', estado: 'resuelto', fecha_solucion: '03/03/2026 10:00' }), ticket(4)]));
    const r3 = await run();
    expect(r3).toMatchObject({ estado: 'exito', leidas: 2, cargadas: 2 });
    const after = await tmp.wh.all<{ id: number; titulo: string; estado: string; _archivo: string }>(
      'SELECT id, titulo, estado, _archivo FROM core.tickets ORDER BY id');
    expect(after).toEqual([
      { id: 1, titulo: 'Ticket 1', estado: 'asignado', _archivo: 'tickets_1.csv' },
      { id: 2, titulo: 'Buzón lleno (corregido)', estado: 'resuelto', _archivo: 'tickets_2.csv' },
      { id: 3, titulo: 'Ticket 3', estado: 'asignado', _archivo: 'tickets_1.csv' },
      { id: 4, titulo: 'Ticket 4', estado: 'asignado', _archivo: 'tickets_2.csv' },
    ]);
    // Within one file, the last row of a key wins.
    dropFile(tmp.dataDir, 'tickets', 'tickets_3.csv', csv([ticket(5, { titulo: 'primera' }), ticket(5, { titulo: 'última' })]));
    await run();
    expect(await tmp.wh.all('SELECT titulo FROM core.tickets WHERE id = 5')).toEqual([{ titulo: 'última' }]);
    expect(await count('ops.archivos_cargados')).toBe(3);
  });
});

describe('file runner: encodings, delimiters, dates and XLSX', () => {
  it('a Windows-1252 CSV with `;` keeps its accents', async () => {
    const rows = [
      ticket(11, { titulo: 'Sin red en Tlacotalpan', categoria: 'Red y conectividad', area_solicitante: 'UTVODES' }),
      ticket(12, { titulo: 'Equipo dañado en Álamo Temapache', categoria: 'Equipo de cómputo' }),
      ticket(13, { titulo: 'Impresora de Coatzacoalcos', categoria: 'Impresión' }),
      ticket(14, { titulo: 'Pánuco: extensión sin tono', categoria: 'Telefonía' }),
    ];
    const bytes = iconv.encode(csv(rows, { delimiter: ';' }), 'win1252');
    // Really Windows-1252: "á" is the single byte 0xE1, which is not valid UTF-8 here.
    expect(bytes.includes(Buffer.from([0xe1]))).toBe(true);
    expect(bytes.includes(Buffer.from('á', 'utf8'))).toBe(false);
    dropFile(tmp.dataDir, 'tickets', 'tickets_excel.csv', bytes);
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 4, rechazadas: 0 });
    expect(await tmp.wh.all('SELECT id, titulo, categoria FROM core.tickets ORDER BY id')).toEqual([
      { id: 11, titulo: 'Sin red en Tlacotalpan', categoria: 'Red y conectividad' },
      { id: 12, titulo: 'Equipo dañado en Álamo Temapache', categoria: 'Equipo de cómputo' },
      { id: 13, titulo: 'Impresora de Coatzacoalcos', categoria: 'Impresión' },
      { id: 14, titulo: 'Pánuco: extensión sin tono', categoria: 'Telefonía' },
    ]);
  });

  it('UTF-8 with BOM, and dates as dd/mm/aaaa or ISO (Mexico City wall time unless an offset is given)', async () => {
    const rows = [
      ticket(21, { fecha_apertura: '02/03/2026 09:00', fecha_limite_solucion: '04/03/2026' }),
      ticket(22, { fecha_apertura: '2026-03-02 09:00', fecha_limite_solucion: '2026-03-04' }),
      ticket(23, { fecha_apertura: '2026-03-02T09:00:00', fecha_solucion: '2026-03-02T17:30:00-06:00', estado: 'resuelto' }),
      ticket(24, { fecha_apertura: '2026-03-02T15:00:00Z' }),
    ];
    dropFile(tmp.dataDir, 'tickets', 'tickets_bom.csv', Buffer.from('\ufeff' + csv(rows), 'utf8'));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 4, rechazadas: 0 });
    // 15:00 UTC = 09:00 in Mexico City (UTC−6).
    expect(await tmp.wh.all(
      `SELECT id, strftime(fecha_apertura, '%d/%m/%Y %H:%M') AS ap, strftime(fecha_limite_solucion, '%Y-%m-%d %H:%M') AS lim,
              strftime(fecha_solucion, '%H:%M') AS sol FROM core.tickets ORDER BY id`)).toEqual([
      { id: 21, ap: '02/03/2026 09:00', lim: '2026-03-04 00:00', sol: null },
      { id: 22, ap: '02/03/2026 09:00', lim: '2026-03-04 00:00', sol: null },
      { id: 23, ap: '02/03/2026 09:00', lim: null, sol: '17:30' },
      { id: 24, ap: '02/03/2026 09:00', lim: null, sol: null },
    ]);
  });

  it('an XLSX with two title rows above the header loads; quarantine rows use the sheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tickets');
    ws.addRow(['OPLE Veracruz — Unidad Técnica de Servicios Informáticos']); // row 1
    ws.addRow(['Reporte de tickets de mesa de ayuda']); // row 2
    ws.addRow([...COLS]); // row 3: header
    const t31 = ticket(31, { titulo: 'VPN del consejo de Pánuco' });
    ws.addRow(COLS.map((c) => (c === 'id' || c === 'urgencia' || c === 'impacto' || c === 'prioridad' ? Number(t31[c]) : t31[c] || null))); // row 4
    const t32 = ticket(32, { titulo: 'Correo de Álamo Temapache' });
    // A real Excel date cell (wall time, stored without zone) for fecha_apertura.
    ws.addRow(COLS.map((c) => (c === 'fecha_apertura' ? new Date(Date.UTC(2026, 2, 5, 11, 15)) : t32[c] || null))); // row 5
    const t33 = ticket(33, { fecha_apertura: '30/02/2026 10:00' });
    ws.addRow(COLS.map((c) => t33[c] || null)); // row 6: bad date
    const file = path.join(tmp.dataDir, 'inbox', 'tickets', 'reporte_tickets.xlsx');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await wb.xlsx.writeFile(file);
    markArrived(file);

    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', leidas: 3, cargadas: 2, rechazadas: 1 });
    expect(await tmp.wh.all(`SELECT id, titulo, strftime(fecha_apertura, '%d/%m/%Y %H:%M') AS ap, _fila FROM core.tickets ORDER BY id`)).toEqual([
      { id: 31, titulo: 'VPN del consejo de Pánuco', ap: '02/03/2026 09:00', _fila: 4 },
      { id: 32, titulo: 'Correo de Álamo Temapache', ap: '05/03/2026 11:15', _fila: 5 },
    ]);
    const q = await quarantine(r.id);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ archivo: 'reporte_tickets.xlsx', hoja: 'Tickets', fila: 6, campo: 'fecha_apertura' });
    expect(q[0]!.motivo).toMatch(/fecha y hora inválida.*30\/02\/2026 10:00/);
  });
});

describe('file runner: validation against the contract', () => {
  it('bad date, missing required value and unknown enum value → those rows quarantined with row and field; the rest load', async () => {
    const text = csv([
      ticket(41), // row 2
      ticket(42, { fecha_apertura: '31/02/2026 10:00' }), // row 3: no 31 February
      ticket(43, { estado: '' }), // row 4: estado is required
      ticket(44, { estado: 'escalado' }), // row 5: not a GLPI state
      ticket(45, { urgencia: 9 }), // row 6: out of range 1–5
      ticket(46, { estado: 'En Espera' }), // row 7: accepted regardless of case
    ]);
    dropFile(tmp.dataDir, 'tickets', 'tickets_malos.csv', text);
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', leidas: 6, cargadas: 2, rechazadas: 4 });
    const q = await quarantine(r.id);
    expect(q.map(({ archivo, fila, campo }) => ({ archivo, fila, campo }))).toEqual([
      { archivo: 'tickets_malos.csv', fila: 3, campo: 'fecha_apertura' },
      { archivo: 'tickets_malos.csv', fila: 4, campo: 'estado' },
      { archivo: 'tickets_malos.csv', fila: 5, campo: 'estado' },
      { archivo: 'tickets_malos.csv', fila: 6, campo: 'urgencia' },
    ]);
    expect(q[1]!.motivo).toBe('valor requerido vacío');
    expect(q[2]!.motivo).toMatch(/valor no permitido.*«escalado»/);
    expect(await tmp.wh.all('SELECT id, estado FROM core.tickets ORDER BY id')).toEqual([
      { id: 41, estado: 'asignado' },
      { id: 46, estado: 'en espera' },
    ]);
  });

  it('in a file big enough to be read in parallel, quarantined rows keep their row numbers and the last row of a key wins', async () => {
    const n = 300_000;
    const rows = [ticket(1, { titulo: 'primera' }), ...Array.from({ length: n }, (_, i) => ticket(100 + i)), ticket(1, { titulo: 'última' }), ticket(7, { estado: 'escalado' })];
    dropFile(tmp.dataDir, 'tickets', 'tickets_grande.csv', csv(rows));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', leidas: n + 3, rechazadas: 1, cargadas: n + 1 });
    // Header = row 1; ticket 7 is the last of n + 3 data rows.
    expect((await quarantine(r.id)).map(({ fila, campo }) => ({ fila, campo }))).toEqual([{ fila: n + 4, campo: 'estado' }]);
    expect(await tmp.wh.all('SELECT titulo, _fila FROM core.tickets WHERE id = 1')).toEqual([{ titulo: 'última', _fila: n + 3 }]);
    const lineage = await tmp.wh.one<{ mal: number }>('SELECT count(*) FILTER (WHERE _fila <> id - 100 + 3)::INTEGER AS mal FROM core.tickets WHERE id >= 100');
    expect(lineage!.mal).toBe(0);
  });

  it('a file missing a required column is rejected naming the column; nothing of it loads', async () => {
    dropFile(tmp.dataDir, 'tickets', 'tickets_1.csv', csv([ticket(1)]));
    await run();
    const cols = COLS.filter((c) => c !== 'estado');
    dropFile(tmp.dataDir, 'tickets', 'tickets_sin_estado.csv', csv([ticket(2), ticket(3)], { columns: cols }));
    const r = await run();
    expect(r.estado).toBe('exito');
    expect(r.cargadas).toBe(0);
    expect(r.avisos.join('\n')).toMatch(/tickets_sin_estado\.csv: falta la columna requerida «estado»/);
    const q = await quarantine(r.id);
    expect(q).toEqual([{ archivo: 'tickets_sin_estado.csv', hoja: null, fila: null, campo: 'estado', motivo: expect.stringContaining('«estado»') }]);
    expect(await tmp.wh.all('SELECT id FROM core.tickets')).toEqual([{ id: 1 }]);
    expect(await tmp.wh.all(`SELECT archivo, estado FROM ops.archivos_cargados WHERE ejecucion_id = $1`, [r.id])).toEqual([
      { archivo: 'tickets_sin_estado.csv', estado: 'rechazado' },
    ]);
    const stored = await tmp.wh.one<{ avisos: string }>('SELECT avisos FROM ops.ejecuciones WHERE id = $1', [r.id]);
    expect(stored!.avisos).toMatch(/«estado»/);
    // Out of the inbox, into rechazados/<fuente>/, like any file that cannot load at all.
    expect(fs.readdirSync(path.join(tmp.dataDir, 'rechazados', 'tickets')).some((f) => f.endsWith('tickets_sin_estado.csv'))).toBe(true);
    expect(fs.readdirSync(path.join(tmp.dataDir, 'inbox', 'tickets'))).toEqual([]);
    expect(r.rechazadas).toBe(1);
  });

  it('headers match regardless of case, accents and spaces; extra columns are reported, not fatal', async () => {
    const header = COLS.map((c) => (c === 'titulo' ? '  Título ' : c === 'fecha_apertura' ? 'Fecha Apertura' : c === 'estado' ? 'ESTADO' : c === 'area_solicitante' ? 'Área  Solicitante' : c));
    const rows = [ticket(51, { area_solicitante: 'DEA' }), ticket(52)].map((r) => ({ ...r, comentarios: 'revisar', extra: 'x' }));
    dropFile(tmp.dataDir, 'tickets', 'tickets_encabezados.csv', csv(rows, { header: [...header, 'Comentarios', 'Extra'], columns: [...COLS, 'comentarios', 'extra'] }));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', cargadas: 2, rechazadas: 0 });
    expect(r.avisos.join('\n')).toMatch(/columnas adicionales ignoradas: Comentarios, Extra/);
    expect(await tmp.wh.all('SELECT id, titulo, area_solicitante, estado FROM core.tickets ORDER BY id')).toEqual([
      { id: 51, titulo: 'Ticket 51', area_solicitante: 'DEA', estado: 'asignado' },
      { id: 52, titulo: 'Ticket 52', area_solicitante: 'UTSI', estado: 'asignado' },
    ]);
  });
});

describe('data-quality checks', () => {
  it('are recorded after each run, and a failing one is counted', async () => {
    // Ticket 62 names an area that is not in core.unidades: the relationship check fails on 1 row.
    dropFile(tmp.dataDir, 'tickets', 'tickets_areas.csv', csv([ticket(61), ticket(62, { area_solicitante: 'XYZ' }), ticket(63, { area_solicitante: 'DEOE' })]));
    const r = await run();
    expect(r.estado).toBe('exito');
    const checks = await tmp.wh.all<{ nombre: string; tipo: string; fallas: number; muestra: string }>(
      'SELECT nombre, tipo, fallas, muestra FROM ops.verificaciones WHERE ejecucion_id = $1 ORDER BY nombre', [r.id]);
    // The contract's checks (key unique, required columns not null, listed values) and the pipeline's own.
    expect(checks.map((c) => c.nombre)).toEqual([
      'no nulo: core.tickets.estado', 'no nulo: core.tickets.fecha_apertura', 'no nulo: core.tickets.id', 'relación: core.tickets.area_solicitante → core.unidades.siglas',
      'valores aceptados: core.tickets.estado', 'valores aceptados: core.tickets.tipo', 'vigencia: core.tickets.fecha_apertura ≤ 168 h', 'único: core.tickets (id)',
    ]);
    // (Freshness depends on today's date against the fixture's March 2026 tickets: not asserted here.)
    const failing = checks.filter((c) => c.fallas > 0 && c.tipo !== 'freshness');
    expect(failing.map((c) => [c.tipo, c.fallas])).toEqual([['relationship', 1]]);
    expect(JSON.parse(failing[0]!.muestra)[0]).toMatchObject({ id: 62, area_solicitante: 'XYZ' });
  });
});
