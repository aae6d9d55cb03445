import { enlace, porVentana, round1 } from '../../core/figures.js';
import { hasRows } from '../../db/sql.js';
import type { ResumenCard } from '../types.js';
import { resumenSesionesBasico } from './queries.js';

const COMO = 'Sesiones que iniciaron en el periodo; cumple la anticipación cuando entre la convocatoria y el inicio hay al menos el mínimo de su tipo (ordinaria 72 h, extraordinaria y solemne 24 h por omisión; urgentes y permanentes no cuentan).';

/** UTS's card: sessions convened with enough notice, with quorum, minutes and acuerdos beside it. */
export const tarjetaSesiones: ResumenCard = {
  id: 'sesiones',
  titulo: 'Sesiones',
  unidad: 'UTS',
  pipeline: 'sesiones',
  enlace: '/sesiones',
  meta: { verde: 95, amarillo: 85, sentido: 'ascendente' },
  figuras: async (wh, v) => {
    const base = { etiqueta: 'Convocatorias con anticipación suficiente', formato: 'pct' as const, enlace: enlace('/sesiones', { ...v.actual }), como: COMO };
    if (!(await hasRows(wh, 'core.sesiones'))) return { ...base, estado: 'sin_datos', nota: 'Sin sesiones cargadas.' };
    const { actual: cur, anterior, serie } = await porVentana(v, (r) => resumenSesionesBasico(wh, r));
    return {
      ...base,
      estado: cur.sesiones > 0 ? 'ok' : 'sin_datos',
      valor: round1(cur.anticipacion_cumplida_pct),
      anterior: round1(anterior.anticipacion_cumplida_pct),
      secundarios: [
        { etiqueta: 'Sesiones celebradas', valor: cur.sesiones, formato: 'numero' },
        { etiqueta: 'Sin quórum', valor: cur.sin_quorum, formato: 'numero' },
        { etiqueta: 'Actas pendientes', valor: cur.actas_pendientes, formato: 'numero' },
        { etiqueta: 'Acuerdos aprobados', valor: cur.acuerdos, formato: 'numero' },
      ],
      serie: serie.map((s) => ({ hasta: s.hasta, valor: round1(s.dato.anticipacion_cumplida_pct) })),
      nota: null,
    };
  },
};
