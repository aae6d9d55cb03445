import { avg, round1 } from '../../core/figures.js';
import { porVersion } from '../../db/memo.js';
import type { Warehouse } from '../../db/warehouse.js';
import { cifra, sinDatos, tieneFilas } from '../tarjetas.js';
import type { FigurasTarjeta, ResumenCard } from '../types.js';
import { serviciosEstado } from './queries.js';

const COMO = 'Promedio del porcentaje de verificaciones exitosas en los últimos 30 días de los servicios de criticidad alta (las ventanas de mantenimiento no cuentan). Caídas actuales = servicios que hoy no responden.';

/** A fixed 30-day window, whatever the period: the mean uptime of the critical services (or of all, if none is). */
async function figuras(wh: Warehouse): Promise<FigurasTarjeta> {
  const base = { etiqueta: 'Disponibilidad 30 días (críticos)', formato: 'pct' as const, enlace: '/disponibilidad', como: COMO };
  if (!(await tieneFilas(wh, 'core.servicios'))) return sinDatos(base, 'Sin catálogo de servicios.');
  const servicios = await serviciosEstado(wh);
  const criticos = servicios.filter((s) => s.criticidad === 'alta');
  const valor = avg((criticos.length ? criticos : servicios).map((s) => s.uptime_30d));
  const caidas = servicios.filter((s) => s.estado === 'abajo').length;
  return {
    ...base, estado: valor === null ? 'sin_datos' : 'ok', valor: round1(valor === null ? null : Math.round(valor * 100) / 100), anterior: null,
    secundarios: [cifra('Caídas en curso', caidas), cifra('Servicios críticos', criticos.length)], serie: [], nota: 'Ventana fija de 30 días; no depende del periodo elegido.',
  };
}

/**
 * How long the card's figures are kept while neither the data nor the probes' checks changed: they depend on the
 * clock too (a service without checks for a while turns «sin datos», the 30 days move at midnight), so no longer
 * than the answer cache keeps any answer (ATALAYA_CACHE_TTL_S, 60 s) — here 15 s.
 */
export const DISPONIBILIDAD_TTL_MS = 15_000;

/** UTSI's uptime card: the 30-day uptime of the critical services, and the outages under way. */
export const tarjetaDisponibilidad: ResumenCard = {
  id: 'disponibilidad', titulo: 'Disponibilidad de servicios', unidad: 'UTSI', pipeline: 'disponibilidad', enlace: '/disponibilidad',
  meta: { verde: 99.5, amarillo: 98, sentido: 'ascendente' },
  // Whatever the period: «now». Shared by the Resumens asked meanwhile (a new batch of checks computes it again).
  figuras: (wh) => porVersion(wh, 'disponibilidad:tarjeta', ['datos', 'sondeos'], () => figuras(wh), DISPONIBILIDAD_TTL_MS),
};
