import { enlace } from '../../core/figures.js';
import type { Rango } from '../../core/time.js';
import { porVersion } from '../../db/memo.js';
import type { Warehouse } from '../../db/warehouse.js';
import { cifra, porVentanasJuntas, sinDatos, VENTANAS_SQL, ventanasParams } from '../tarjetas.js';
import type { FigurasTarjeta, ResumenCard, Ventanas } from '../types.js';
import { CONTEOS, procesos } from './queries.js';
import type { ConteoEstados } from './types.js';

const COMO = 'Cumplimiento del calendario integral del proceso electoral más reciente a la fecha de corte: actividades concluidas en plazo / (concluidas en plazo + concluidas fuera de plazo + fuera de plazo). Las canceladas no cuentan.';

/**
 * The process's counts by state at the last day of every window at once (those of `conteo`, TOTAL_SQL over
 * queries/estado.sql): the state rule is the same macro, core.estado_calendario, applied at each cut-off.
 */
export const SQL_TARJETA = `
WITH k AS (${VENTANAS_SQL}
), a AS (
  SELECT k.i, c.estatus, core.estado_calendario(c.estatus, c.fecha_inicio, c.fecha_fin, c.fecha_inicio_real, c.fecha_fin_real, k.hasta) AS estado
  FROM k LEFT JOIN core.calendario_actividades c ON c.proceso = $proceso::VARCHAR
)
SELECT i, ${CONTEOS} FROM a GROUP BY i ORDER BY i`;

/** The counts by state of `proceso` on the last day of each window, in their order. */
export async function medirCalendario(wh: Warehouse, proceso: string, rs: readonly Rango[]): Promise<ConteoEstados[]> {
  const rows = await wh.all<ConteoEstados & { i: number }>(SQL_TARJETA, { ...ventanasParams(rs), proceso });
  return rows.map(({ i: _i, ...x }) => x);
}

/** The latest process's cumplimiento on each window's last day, with the counts by state of now beside it. */
async function figurasCalendario(wh: Warehouse, v: Ventanas): Promise<FigurasTarjeta> {
  const base = { etiqueta: 'Actividades concluidas en plazo', formato: 'pct' as const, como: COMO, enlace: '/calendario' };
  // The processes loaded change only with the data.
  const [ultimo] = await porVersion(wh, 'calendario:procesos', ['datos'], () => procesos(wh));
  if (!ultimo) return sinDatos(base, 'Sin calendario integral cargado.');
  const proceso = ultimo.proceso;
  const figuras = await porVentanasJuntas(wh, v, (rs) => medirCalendario(wh, proceso, rs), {
    ...base, enlace: enlace('/calendario', { proceso, hasta: v.actual.hasta }), tabla: 'core.calendario_actividades', vacia: 'Sin calendario integral cargado.',
    valor: (x) => x.cumplimiento_pct,
    hay: (x) => x.cumplimiento_pct !== null,
    secundarios: (x) => [cifra('Fuera de plazo ✕', x.fuera_de_plazo), cifra('En ejecución', x.en_ejecucion), cifra('Por iniciar', x.por_iniciar),
      cifra('Concluidas ✓', x.concluida), cifra('Concluidas fuera de plazo !', x.concluida_fuera_de_plazo)],
  });
  return { ...figuras, nota: `${ultimo.nombre}.` };
}

/** UTP's calendar card: the share of due activities of the latest process concluded on time (semáforo by the Resumen's targets). */
export const tarjetaCalendario: ResumenCard = {
  id: 'calendario', titulo: 'Calendario integral', unidad: 'UTP', pipeline: 'calendario', enlace: '/calendario',
  meta: { verde: 90, amarillo: 70, sentido: 'ascendente' }, figuras: figurasCalendario,
};
