import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runPipeline } from '../../pipelines/runner/run.js';
import { ticketRows, TICKET_HEADER } from '../../pipelines/tickets/demo.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { markArrived, writeCsv } from '../../src/demo/files.js';
import { backlogPorEdad, desglose, resumen, semanal, totales, type Filtros } from '../../src/domains/incidentes/queries.js';
import { slaHoras } from '../../src/domains/incidentes/settings.js';
import { DIMENSIONES, SIN_DATO, type Dimension } from '../../src/domains/incidentes/types.js';
import { tempWarehouse, type TempWarehouse } from '../helpers/warehouse.js';

/**
 * The figures as read at scale (core.tickets_hechos: integer instants, one scan per set of tickets, the totals' counts
 * summed from the priorities') against the rules of DESIGN.md §3 written the plain way, ticket by ticket over
 * core.tickets and its TIMESTAMPTZ columns: every count, median, p90 and percentage must be equal, on ~1,900 demo
 * tickets plus a few without priority, category or service, for several ranges and filters.
 */
const HOY = '2026-03-31';
const SLA = slaHoras.predeterminado;

const REGLAS = (grupo: string): string => `
  WITH k AS (
    SELECT k.*, COALESCE(k.prioridad::VARCHAR, 'null') AS prioridad_txt,
      COALESCE(k.categoria, '${SIN_DATO}') AS categoria_, COALESCE(k.servicio, '${SIN_DATO}') AS servicio_,
      COALESCE(k.area_solicitante, '${SIN_DATO}') AS area_, COALESCE(k.clave_odes, '${SIN_DATO}') AS odes_,
      COALESCE(k.tipo, '${SIN_DATO}') AS tipo_, COALESCE(k.tecnico, '${SIN_DATO}') AS tecnico_,
      $desde::DATE::TIMESTAMPTZ AS d0, ($hasta::DATE + 1)::TIMESTAMPTZ AS d1,
      COALESCE(epoch_us(k.fecha_limite_solucion), epoch_us(k.fecha_apertura) + CAST(3600000000 * CASE k.prioridad
        ${Object.entries(SLA).map(([p, h]) => `WHEN ${p} THEN ${h}`).join(' ')} END AS BIGINT)) AS limite
    FROM core.tickets k
    WHERE ($prioridad::INTEGER IS NULL OR k.prioridad = $prioridad) AND ($categoria::VARCHAR IS NULL OR COALESCE(k.categoria, '${SIN_DATO}') = $categoria)),
  f AS (SELECT *, fecha_apertura >= d0 AND fecha_apertura < d1 AS abierto, fecha_solucion >= d0 AND fecha_solucion < d1 AS resuelto,
               -- pending at the end of the range: opened by then, and neither solved nor closed by then
               fecha_apertura < d1 AND COALESCE(COALESCE(fecha_solucion, fecha_cierre) >= d1, true) AS pendiente
        FROM k)
  SELECT ${grupo} AS grupo,
    count(*) FILTER (WHERE abierto)::INTEGER AS abiertos, count(*) FILTER (WHERE resuelto)::INTEGER AS resueltos,
    count(*) FILTER (WHERE pendiente)::INTEGER AS backlog,
    round(quantile_cont(epoch_us(fecha_solucion) - epoch_us(fecha_apertura), 0.5) FILTER (WHERE resuelto) / 3600000000, 2) AS mttr_horas_mediana,
    round(quantile_cont(epoch_us(fecha_solucion) - epoch_us(fecha_apertura), 0.9) FILTER (WHERE resuelto) / 3600000000, 2) AS mttr_horas_p90,
    round(quantile_cont(epoch_us(fecha_asignacion) - epoch_us(fecha_apertura), 0.5) FILTER (WHERE abierto AND fecha_asignacion IS NOT NULL) / 3600000000, 2) AS tiempo_asignacion_horas_mediana,
    round(quantile_cont(epoch_us(fecha_asignacion) - epoch_us(fecha_apertura), 0.9) FILTER (WHERE abierto AND fecha_asignacion IS NOT NULL) / 3600000000, 2) AS tiempo_asignacion_horas_p90,
    round(100.0 * count(*) FILTER (WHERE resuelto AND epoch_us(fecha_solucion) <= limite) / NULLIF(count(*) FILTER (WHERE resuelto AND limite IS NOT NULL), 0), 2) AS sla_cumplido_pct,
    count(*) FILTER (WHERE resuelto AND limite IS NULL)::INTEGER AS sin_sla
  FROM f ${grupo === 'NULL' ? '' : 'GROUP BY 1'}
  HAVING count(*) FILTER (WHERE abierto OR resuelto OR pendiente) > 0`;

const COLUMNA: Record<Dimension, string> = {
  prioridad: 'prioridad_txt', categoria: 'categoria_', servicio: 'servicio_', area_solicitante: 'area_', clave_odes: 'odes_', tipo: 'tipo_', tecnico: 'tecnico_',
};

type Fila = Record<string, unknown> & { grupo: string | null };

let tmp: TempWarehouse;
beforeAll(async () => {
  tmp = await tempWarehouse();
  const rows = ticketRows({ seed: 11, scale: 0.6, today: HOY });
  // A few without priority, category or service (no SLA when they have no deadline either).
  rows.push([90001, 'Sin prioridad', 'incidente', '', '', '', '', '', 'resuelto', 'UTP', '', 'tec01', '02/03/2026 09:00', '02/03/2026 09:30', '03/03/2026 11:15', '', '']);
  rows.push([90002, 'Sin prioridad con límite', 'solicitud', 'Correo', '', '', '', '', 'resuelto', 'DEA', '', '', '10/03/2026 08:00', '', '10/03/2026 12:00', '', '10/03/2026 10:00']);
  rows.push([90003, 'Pendiente sin datos', 'incidente', '', '', '', '', '', 'nuevo', 'SE', '', '', '28/03/2026 17:45', '', '', '', '']);
  const file = path.join(tmp.dataDir, 'inbox', 'tickets', 'tickets_muestra.csv');
  writeCsv(file, TICKET_HEADER, rows);
  markArrived(file, 60);
  const r = await runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir });
  expect([r.estado, r.rechazadas]).toEqual(['exito', 0]);
  expect(r.cargadas).toBeGreaterThan(1500);
});
afterAll(() => tmp?.close());

const reglas = async (f: Filtros, grupo: string): Promise<Fila[]> =>
  tmp.wh.all<Fila>(REGLAS(grupo), { desde: f.desde, hasta: f.hasta, prioridad: f.prioridad ?? null, categoria: f.categoria ?? null });

const CASOS: Filtros[] = [
  { desde: '2025-04-01', hasta: HOY },
  { desde: '2026-03-01', hasta: HOY },
  { desde: '2026-01-15', hasta: '2026-01-15' },
  { desde: '2025-10-01', hasta: '2026-02-28', prioridad: 3 },
  { desde: '2025-04-01', hasta: HOY, categoria: 'Correo' },
  { desde: '2026-03-01', hasta: HOY, categoria: SIN_DATO },
];

const sinGrupo = ({ grupo: _g, ...f }: Fila): Record<string, unknown> => f;

describe('incident figures at scale equal the rules applied ticket by ticket', () => {
  it.each(CASOS)('resumen: totals and by priority (%o)', async (f) => {
    const r = await resumen(tmp.wh, f);
    const [total] = await reglas(f, 'NULL');
    const { desde: _d, hasta: _h, reabiertos: _r, por_prioridad, sla_horas: _s, actualizado: _a, ...figuras } = r;
    expect(figuras).toEqual(total ? sinGrupo(total) : expect.objectContaining({ abiertos: 0, resueltos: 0, backlog: 0 }));
    const porGrupo = Object.fromEntries((await reglas(f, COLUMNA.prioridad)).map((x) => [x.grupo, sinGrupo(x)]));
    expect(Object.fromEntries(por_prioridad.map(({ prioridad, ...x }) => [prioridad === null ? 'null' : String(prioridad), x]))).toEqual(porGrupo);
    // The Resumen card's totals (their own statement) are the same figures.
    expect(await totales(tmp.wh, f, SLA)).toEqual(figuras);
  });

  it.each(DIMENSIONES.map((d) => [d] as const))('desglose by %s', async (dim) => {
    for (const f of CASOS.slice(0, 4)) {
      const filas = await desglose(tmp.wh, f, dim);
      const esperadas = Object.fromEntries((await reglas(f, COLUMNA[dim])).map((x) => [x.grupo === 'null' ? null : x.grupo, sinGrupo(x)]));
      expect(Object.fromEntries(filas.map(({ valor, ...x }) => [valor, x]))).toEqual(esperadas);
    }
  });

  it.each(CASOS)('semanal and backlog add up to the counts (%o)', async (f) => {
    const [total] = await reglas(f, 'NULL');
    const semanas = await semanal(tmp.wh, f);
    expect(semanas.reduce((s, w) => s + w.abiertos, 0)).toBe(total?.abiertos ?? 0);
    expect(semanas.reduce((s, w) => s + w.resueltos, 0)).toBe(total?.resueltos ?? 0);
    expect((await backlogPorEdad(tmp.wh, f)).reduce((s, e) => s + e.tickets, 0)).toBe(total?.backlog ?? 0);
  });
});
