import { round1 } from '../../core/figures.js';
import { mxInstant } from '../../core/time.js';
import { hasRows } from '../../db/sql.js';
import { cifraInforme, seccionVacia, type SeccionInforme } from '../informe.js';
import { caidas, diario, serviciosEstado } from './queries.js';

/**
 * UTSI's uptime in the Informe mensual: per service, the checks of the month's days that succeeded (maintenance
 * windows left out) and its outages in the month (DESIGN.md §3 Uptime).
 */
export const seccionDisponibilidad: SeccionInforme = {
  id: 'disponibilidad', titulo: 'Disponibilidad de servicios (UTSI)', orden: 50,
  datos: async (wh, mes) => {
    if (!(await hasRows(wh, 'core.servicios'))) return seccionVacia('Sin catálogo de servicios.');
    const fin = mxInstant(`${mes.hasta}T23:59:59`);
    const dias = Number(mes.hasta.slice(8, 10));
    const rango = { desde: mxInstant(mes.desde), hasta: fin, ahora: fin };
    const filas = [];
    let ok = 0;
    let medidas = 0;
    for (const s of await serviciosEstado(wh, { ahora: fin })) {
      const d = await diario(wh, s.id, dias, fin);
      const sOk = d.reduce((x, r) => x + r.ok, 0);
      const sMed = d.reduce((x, r) => x + r.total - r.mantenimiento, 0);
      ok += sOk;
      medidas += sMed;
      const c = await caidas(wh, s.id, rango);
      filas.push([s.nombre, s.criticidad, sMed ? round1((100 * sOk) / sMed) : null, c.length, round1(c.reduce((x, k) => x + k.duracion_min, 0))]);
    }
    if (!medidas) return seccionVacia('Sin verificaciones en el mes.');
    return {
      cifras: [
        cifraInforme('Servicios monitoreados', filas.length), cifraInforme('Disponibilidad de todos los servicios', (100 * ok) / medidas, 'porcentaje'),
        cifraInforme('Caídas en el mes', filas.reduce((x, f) => x + Number(f[3]), 0)),
        cifraInforme('Minutos fuera de servicio', filas.reduce((x, f) => x + Number(f[4]), 0), 'minutos'),
      ],
      tablas: [{ titulo: 'Por servicio', columnas: ['Servicio', 'Criticidad', 'Disponibilidad (%)', 'Caídas', 'Minutos fuera'], filas }],
      nota: 'Disponibilidad = verificaciones exitosas / verificaciones del mes fuera de mantenimiento programado. Una caída empieza en la primera verificación fallida de una racha y termina en el siguiente éxito.',
    };
  },
};
