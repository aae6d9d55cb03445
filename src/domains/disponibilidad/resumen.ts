import { avg, round1 } from '../../core/figures.js';
import { hasRows } from '../../db/sql.js';
import type { ResumenCard } from '../types.js';
import { serviciosEstado } from './queries.js';

const COMO = 'Promedio del porcentaje de verificaciones exitosas en los últimos 30 días de los servicios de criticidad alta (las ventanas de mantenimiento no cuentan). Caídas actuales = servicios que hoy no responden.';

/** UTSI's uptime card: the 30-day uptime of the critical services, and the outages under way. */
export const tarjetaDisponibilidad: ResumenCard = {
  id: 'disponibilidad',
  titulo: 'Disponibilidad de servicios',
  unidad: 'UTSI',
  pipeline: 'disponibilidad',
  enlace: '/disponibilidad',
  meta: { verde: 99.5, amarillo: 98, sentido: 'ascendente' },
  figuras: async (wh) => {
    const base = { etiqueta: 'Disponibilidad 30 días (críticos)', formato: 'pct' as const, enlace: '/disponibilidad', como: COMO };
    if (!(await hasRows(wh, 'core.servicios'))) return { ...base, estado: 'sin_datos', nota: 'Sin catálogo de servicios.' };
    const servicios = await serviciosEstado(wh);
    const criticos = servicios.filter((s) => s.criticidad === 'alta');
    const valor = avg((criticos.length ? criticos : servicios).map((s) => s.uptime_30d));
    return {
      ...base,
      estado: valor === null ? 'sin_datos' : 'ok',
      valor: round1(valor === null ? null : Math.round(valor * 100) / 100),
      anterior: null,
      secundarios: [
        { etiqueta: 'Caídas en curso', valor: servicios.filter((s) => s.estado === 'abajo').length, formato: 'numero' },
        { etiqueta: 'Servicios críticos', valor: criticos.length, formato: 'numero' },
      ],
      serie: [],
      nota: 'Ventana fija de 30 días; no depende del periodo elegido.',
    };
  },
};
