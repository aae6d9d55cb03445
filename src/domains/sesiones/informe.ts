import { cifraInforme, seccionVacia, type SeccionInforme } from '../informe.js';
import { resumenSesionesBasico } from './queries.js';

/** UTS's section of the Informe mensual: the sessions that started in the month and their acuerdos (DESIGN.md §3 Sessions). */
export const seccionSesiones: SeccionInforme = {
  id: 'sesiones', titulo: 'Sesiones y acuerdos (UTS)', orden: 70,
  datos: async (wh, mes) => {
    const r = await resumenSesionesBasico(wh, { desde: mes.desde, hasta: mes.hasta });
    if (r.sesiones === 0 && r.acuerdos === 0) return seccionVacia('No hubo sesiones ni acuerdos en el mes.');
    return {
      cifras: [
        cifraInforme('Sesiones celebradas', r.sesiones), cifraInforme('Sin quórum', r.sin_quorum),
        cifraInforme('Convocadas con la anticipación mínima', r.anticipacion_cumplida_pct, 'porcentaje'),
        cifraInforme('Actas pendientes de aprobar', r.actas_pendientes), cifraInforme('Acuerdos aprobados', r.acuerdos),
        cifraInforme('Mediana de días para publicar un acuerdo', r.dias_publicacion_mediana, 'dias'),
      ],
      tablas: [],
      nota: 'Sesiones iniciadas en el mes y acuerdos aprobados en él; las urgentes y permanentes no cuentan en la anticipación mínima.',
    };
  },
};
