import { enlace } from '../../core/figures.js';
import { cifra, porVentanas } from '../tarjetas.js';
import type { ResumenCard } from '../types.js';
import { readSetting } from '../../core/settings.js';
import { resumenOficialiaBasico } from './queries.js';
import { plazoOficialia } from './settings.js';

const COMO = 'Peticiones recibidas en el periodo y atendidas a su cierre (acta entregada, o evaluación si fue improcedente o no presentada); en plazo = atendidas en el plazo configurado desde la recepción / atendidas.';

/** UTOE's card: petitions attended on time in the period, with the backlog and the median attention time. */
export const tarjetaOficialia: ResumenCard = {
  id: 'oficialia', titulo: 'Oficialía Electoral', unidad: 'UTOE', pipeline: 'oficialia', enlace: '/oficialia', meta: { verde: 90, amarillo: 75, sentido: 'ascendente' },
  // The plazo is read once for all the windows.
  figuras: async (wh, v) => {
    const { plazo_horas } = await readSetting(wh, plazoOficialia);
    return porVentanas(wh, v, (r) => resumenOficialiaBasico(wh, r, plazo_horas), {
      etiqueta: 'Peticiones atendidas en plazo', formato: 'pct', enlace: enlace('/oficialia', { ...v.actual }), como: COMO, tabla: 'core.peticiones',
      vacia: 'Sin peticiones cargadas.', valor: (x) => x.en_plazo_pct, hay: (x) => x.recibidas > 0,
      secundarios: (x) => [cifra('Pendientes (backlog)', x.backlog), cifra('Recibidas', x.recibidas), cifra('Mediana de atención', x.horas_atencion_mediana, 'horas')],
      comoMedido: (x) => `${COMO} Plazo: ${x.plazo_horas} h.`,
    });
  },
};
