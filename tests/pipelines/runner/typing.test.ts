import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onlyAsciiSpaces } from '../../../pipelines/runner/extract/spaces.js';
import { runPipeline } from '../../../pipelines/runner/run.js';
import { TICKET_HECHOS } from '../../../pipelines/tickets/hechos.js';
import { ticketsPipeline } from '../../../pipelines/tickets/index.js';
import { dropFile, tempWarehouse } from '../../helpers/warehouse.js';
import { csv, ticket } from '../../helpers/tickets.js';

type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;
beforeEach(async () => {
  tmp = await tempWarehouse();
});
afterEach(() => tmp?.close());

const run = () => runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir });
const quarantine = (runId: number) =>
  tmp.wh.all<{ archivo: string; fila: number | null; campo: string | null; motivo: string }>(
    'SELECT archivo, fila, campo, motivo FROM ops.cuarentena WHERE ejecucion_id = $1 ORDER BY fila, campo', [runId]);

describe('typing: every way of writing a value gives the same answer', () => {
  it('datetimes in the usual shapes, in other accepted formats, and shaped like a date that does not exist', async () => {
    const rows = [
      ticket(1, { fecha_apertura: '02/03/2026 09:00' }), // row 2
      ticket(2, { fecha_apertura: '2026-03-02 09:00' }),
      ticket(3, { fecha_apertura: '2026-03-02 09:00:00' }),
      ticket(4, { fecha_apertura: '2026-03-02T09:00:00' }),
      ticket(5, { fecha_apertura: '2/3/2026 9:00' }), // no leading zeros: the full list of formats
      ticket(6, { fecha_apertura: '02-03-2026 09:00' }),
      ticket(7, { fecha_apertura: '2026-03-02T15:00:00Z' }), // an instant in UTC
      ticket(8, { fecha_apertura: '2026-02-30 10:00' }), // row 9: the usual shape, but no 30 February
      ticket(9, { fecha_apertura: '2026-03-02 25:00:00' }), // row 10: no hour 25
      ticket(10, { fecha_apertura: '02/03/2026 09:00', fecha_limite_solucion: '31/04/2026' }), // row 11: a date alone, and no 31 April
    ];
    dropFile(tmp.dataDir, 'tickets', 'tickets_formatos.csv', csv(rows));
    const r = await run();
    expect(r).toMatchObject({ estado: 'exito', leidas: 10, cargadas: 7, rechazadas: 3 });
    expect(await tmp.wh.all(`SELECT id, strftime(fecha_apertura, '%d/%m/%Y %H:%M') AS ap FROM core.tickets ORDER BY id`)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, ap: '02/03/2026 09:00' })));
    const q = await quarantine(r.id);
    expect(q.map(({ archivo, fila, campo }) => ({ archivo, fila, campo }))).toEqual([
      { archivo: 'tickets_formatos.csv', fila: 9, campo: 'fecha_apertura' },
      { archivo: 'tickets_formatos.csv', fila: 10, campo: 'fecha_apertura' },
      { archivo: 'tickets_formatos.csv', fila: 11, campo: 'fecha_limite_solucion' },
    ]);
    expect(q[0]!.motivo).toBe('fecha y hora inválida (use dd/mm/aaaa hh:mm o aaaa-mm-dd hh:mm): «2026-02-30 10:00»');
    expect(q[1]!.motivo).toMatch(/fecha y hora inválida.*«2026-03-02 25:00:00»/);
    expect(q[2]!.motivo).toMatch(/fecha y hora inválida.*«31\/04\/2026»/);
  });

  it('surrounding spaces do not count, whether plain or Unicode (no-break, ideographic), and a value of spaces is empty', async () => {
    const plain = csv([
      ticket(21, { titulo: '  Sin red  ', area_solicitante: ' DEA', urgencia: ' 4 ', fecha_apertura: ' 02/03/2026 09:00 ' }), // row 2
      ticket(22, { clave_odes: '   ', tecnico: 'tec 02' }), // an optional value of spaces is no value; inner spaces stay
      ticket(23, { estado: '   ' }), // row 4: a required value of spaces is missing
    ]);
    dropFile(tmp.dataDir, 'tickets', 'tickets_espacios.csv', plain);
    const r1 = await run();
    expect(r1).toMatchObject({ estado: 'exito', cargadas: 2, rechazadas: 1 });
    expect(await quarantine(r1.id)).toEqual([{ archivo: 'tickets_espacios.csv', fila: 4, campo: 'estado', motivo: 'valor requerido vacío' }]);

    const unicode = csv([
      ticket(24, { titulo: '\u00a0Sin red\u3000', area_solicitante: '\u2007DEA\u202f', urgencia: '\u00a04' }),
      ticket(25, { clave_odes: '\u00a0 \u3000' }),
    ]);
    dropFile(tmp.dataDir, 'tickets', 'tickets_espacios_unicode.csv', unicode);
    const r2 = await run();
    expect(r2).toMatchObject({ estado: 'exito', cargadas: 2, rechazadas: 0 });
    expect(await tmp.wh.all(`SELECT id, titulo, area_solicitante, urgencia, clave_odes, tecnico, strftime(fecha_apertura, '%H:%M') AS h FROM core.tickets ORDER BY id`)).toEqual([
      { id: 21, titulo: 'Sin red', area_solicitante: 'DEA', urgencia: 4, clave_odes: null, tecnico: 'tec01', h: '09:00' },
      { id: 22, titulo: 'Ticket 22', area_solicitante: 'UTSI', urgencia: 3, clave_odes: null, tecnico: 'tec 02', h: '09:00' },
      { id: 24, titulo: 'Sin red', area_solicitante: 'DEA', urgencia: 4, clave_odes: null, tecnico: 'tec01', h: '09:00' },
      { id: 25, titulo: 'Ticket 25', area_solicitante: 'UTSI', urgencia: 3, clave_odes: null, tecnico: 'tec01', h: '09:00' },
    ]);
  });

  it('a file is seen to hold only ASCII spaces by its bytes, or by its text once transcoded', () => {
    expect(onlyAsciiSpaces(Buffer.from('id,título\n1, Pánuco — ¿sí? “x” €\n', 'utf8'))).toBe(true);
    for (const s of ['\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u202f', '\u205f', '\u3000']) {
      expect(onlyAsciiSpaces(Buffer.from(`a,b${s}\n`, 'utf8'))).toBe(false);
      expect(onlyAsciiSpaces(`a,b${s}\n`)).toBe(false);
    }
    // Not space separators: the zero-width space, the line separator, a truncated sequence at the end.
    expect(onlyAsciiSpaces(Buffer.from('a\u200bb\u2028', 'utf8'))).toBe(true);
    expect(onlyAsciiSpaces(Buffer.from([0x61, 0xe2, 0x80]))).toBe(true);
    expect(onlyAsciiSpaces('Álamo Temapache, año 2026')).toBe(true);
  });
});

describe('the incident columns of core.tickets follow its dates exactly', () => {
  it('after a first load, a correcting file, an export that drops the assignment date, and a run with nothing new', async () => {
    const cols = Object.keys(TICKET_HECHOS);
    const hechos = () => tmp.wh.all(`SELECT id, ${cols.join(', ')} FROM core.tickets ORDER BY id`);
    // The same columns computed from the dates the table holds after the run (the history may have filled one).
    const expected = () => tmp.wh.all(`SELECT id, ${Object.entries(TICKET_HECHOS).map(([k, e]) => `${e} AS ${k}`).join(', ')} FROM core.tickets ORDER BY id`);
    dropFile(tmp.dataDir, 'tickets', 'tickets_1.csv', csv([
      ticket(1, { fecha_asignacion: '02/03/2026 10:00' }), ticket(2), ticket(3, { prioridad: 5, categoria: 'Red y conectividad' }),
    ]));
    await run();
    expect(await hechos()).toHaveLength(3);
    expect(await hechos()).toEqual(await expected());

    // Ticket 1 solved, its export without the assignment date (the history keeps it); ticket 4 is new.
    dropFile(tmp.dataDir, 'tickets', 'tickets_2.csv', csv([
      ticket(1, { estado: 'resuelto', fecha_solucion: '03/03/2026 12:30' }), ticket(4, { fecha_apertura: '2021-12-01 08:00' }),
    ]));
    const r2 = await run();
    expect(r2).toMatchObject({ estado: 'exito', cargadas: 2 });
    const rows = await hechos();
    expect(rows).toHaveLength(4);
    expect(rows).toEqual(await expected());
    const uno = rows.find((x) => x.id === 1)!;
    // 10:00 and 12:30 in Mexico City (UTC−6) as epoch microseconds; the opening day before Oct 2022 goes through ICU.
    expect(Number(uno.asignacion)).toBe(Date.UTC(2026, 2, 2, 16, 0) * 1000);
    expect(Number(uno.solucion)).toBe(Date.UTC(2026, 2, 3, 18, 30) * 1000);
    expect(String(rows.find((x) => x.id === 4)!.dia_apertura)).toMatch(/^2021-12-01/);

    const r3 = await run();
    expect(r3).toMatchObject({ estado: 'exito', leidas: 0 });
    expect(await hechos()).toEqual(rows);
  });
});
