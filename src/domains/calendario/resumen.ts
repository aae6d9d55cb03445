import { enlace } from '../../core/figures.js';
import type { Warehouse } from '../../db/warehouse.js';
import { cifra, porVentanas, sinDatos } from '../tarjetas.js';
import type { FigurasTarjeta, ResumenCard, Ventanas } from '../types.js';
import { conteo, procesos } from './queries.js';

const COMO = 'Cumplimiento del calendario integral del proceso electoral más reciente a la fecha de corte: actividades concluidas en plazo / (concluidas en plazo + concluidas fuera de plazo + fuera de plazo). Las canceladas no cuentan.';

/** The latest process's cumplimiento on each window's last day, with the counts by state of now beside it. */
async function figurasCalendario(wh: Warehouse, v: Ventanas): Promise<FigurasTarjeta> {
  const base = { etiqueta: 'Actividades concluidas en plazo', formato: 'pct' as const, como: COMO, enlace: '/calendario' };
  const [ultimo] = await procesos(wh);
  if (!ultimo) return sinDatos(base, 'Sin calendario integral cargado.');
  const proceso = ultimo.proceso;
  const figuras = await porVentanas(wh, v, (r) => conteo(wh, { proceso, hasta: r.hasta }), {
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
