import { avg, round1 } from '../../core/figures.js';
import { hasRows } from '../../db/sql.js';
import type { Warehouse } from '../../db/warehouse.js';
import { cifra, sinDatos } from '../tarjetas.js';
import type { FigurasTarjeta, ResumenCard } from '../types.js';
import { serviciosEstado } from './queries.js';

const COMO = 'Promedio del porcentaje de verificaciones exitosas en los últimos 30 días de los servicios de criticidad alta (las ventanas de mantenimiento no cuentan). Caídas actuales = servicios que hoy no responden.';

/** A fixed 30-day window, whatever the period: the mean uptime of the critical services (or of all, if none is). */
async function figuras(wh: Warehouse): Promise<FigurasTarjeta> {
  const base = { etiqueta: 'Disponibilidad 30 días (críticos)', formato: 'pct' as const, enlace: '/disponibilidad', como: COMO };
  if (!(await hasRows(wh, 'core.servicios'))) return sinDatos(base, 'Sin catálogo de servicios.');
  const servicios = await serviciosEstado(wh);
  const criticos = servicios.filter((s) => s.criticidad === 'alta');
  const valor = avg((criticos.length ? criticos : servicios).map((s) => s.uptime_30d));
  const caidas = servicios.filter((s) => s.estado === 'abajo').length;
  return {
    ...base, estado: valor === null ? 'sin_datos' : 'ok', valor: round1(valor === null ? null : Math.round(valor * 100) / 100), anterior: null,
    secundarios: [cifra('Caídas en curso', caidas), cifra('Servicios críticos', criticos.length)], serie: [], nota: 'Ventana fija de 30 días; no depende del periodo elegido.',
  };
}

/** UTSI's uptime card: the 30-day uptime of the critical services, and the outages under way. */
export const tarjetaDisponibilidad: ResumenCard = {
  id: 'disponibilidad', titulo: 'Disponibilidad de servicios', unidad: 'UTSI', pipeline: 'disponibilidad', enlace: '/disponibilidad',
  meta: { verde: 99.5, amarillo: 98, sentido: 'ascendente' }, figuras,
};
