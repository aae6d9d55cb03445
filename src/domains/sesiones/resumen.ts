import { enlace } from '../../core/figures.js';
import { cifra, porVentanas } from '../tarjetas.js';
import type { ResumenCard } from '../types.js';
import { readSetting } from '../../core/settings.js';
import { resumenSesionesBasico } from './queries.js';
import { anticipacionMinima } from './settings.js';

const COMO = 'Sesiones que iniciaron en el periodo; cumple la anticipación cuando entre la convocatoria y el inicio hay al menos el mínimo de su tipo (ordinaria 72 h, extraordinaria y solemne 24 h por omisión; urgentes y permanentes no cuentan); una sesión sin fecha de convocatoria no puede mostrar su anticipación y cuenta como incumplida.';

/** UTS's card: sessions convened with enough notice, with quorum, minutes and acuerdos beside it. */
export const tarjetaSesiones: ResumenCard = {
  id: 'sesiones', titulo: 'Sesiones', unidad: 'UTS', pipeline: 'sesiones', enlace: '/sesiones', meta: { verde: 95, amarillo: 85, sentido: 'ascendente' },
  // The minimum notice is read once for all the windows.
  figuras: async (wh, v) => {
    const cfg = await readSetting(wh, anticipacionMinima);
    return porVentanas(wh, v, (r) => resumenSesionesBasico(wh, r, cfg), {
      etiqueta: 'Convocatorias con anticipación suficiente', formato: 'pct', enlace: enlace('/sesiones', { ...v.actual }), como: COMO, tabla: 'core.sesiones', vacia: 'Sin sesiones cargadas.',
      valor: (x) => x.anticipacion_cumplida_pct, hay: (x) => x.sesiones > 0,
      secundarios: (x) => [cifra('Sesiones celebradas', x.sesiones), cifra('Sin quórum', x.sin_quorum), cifra('Actas pendientes', x.actas_pendientes), cifra('Acuerdos aprobados', x.acuerdos)],
    });
  },
};
