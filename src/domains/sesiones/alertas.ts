import { z } from 'zod';
import { addDays, todayMx } from '../../core/time.js';
import { ruleType, SOBRE_CARGAS, type Observation, type RuleType } from '../reglas.js';
import { listaAcuerdos, listaSesiones } from './queries.js';
import { TIPO_SESION_NOMBRE, type TipoSesion } from './types.js';

/** Sesiones rule types (issue 13), over the domain's own lists of sessions and acuerdos. */
const tipoNombre = (t: string): string => TIPO_SESION_NOMBRE[t as TipoSesion]?.toLowerCase() ?? t;

const ventana = z.strictObject({ dias: z.number().int().min(1).max(365).default(7) });

export const sesionSinAnticipacion = ruleType<z.infer<typeof ventana>>({
  tipo: 'sesion_sin_anticipacion', titulo: 'Sesión convocada sin la anticipación mínima', parametros: ventana, ...SOBRE_CARGAS,
  descripcion: 'Una sesión que inicia desde hace «dias» (7 por omisión) o después se convocó con menos horas que el mínimo de su tipo (Parámetros → Sesiones).',
  async evaluar(wh, prm, ctx) {
    const hoy = todayMx(ctx.ahora);
    const sesiones = await listaSesiones(wh, { desde: addDays(hoy, -prm.dias), hasta: addDays(hoy, 60) });
    return sesiones.filter((s) => s.cumple === false).map((s): Observation => ({
      sujeto: `${s.organo}-${s.anio}-${s.numero}`,
      severidad: 'advertencia',
      mensaje: `La sesión ${tipoNombre(s.tipo)} ${s.numero}/${s.anio} de ${s.organo} se convocó con ${Math.round((s.horas_anticipacion ?? 0) * 10) / 10} h de anticipación; el mínimo es ${s.minimo_horas} h.`,
      resuelta: `La sesión ${s.numero}/${s.anio} de ${s.organo} ya no está en la ventana de vigilancia (o se corrigió su convocatoria).`,
      enlace: `/sesiones?organo=${encodeURIComponent(s.organo)}`,
    }));
  },
});

const plazo = z.strictObject({ dias: z.number().int().min(1).max(365).default(3) });

export const acuerdoSinPublicar = ruleType<z.infer<typeof plazo>>({
  tipo: 'acuerdo_sin_publicar', titulo: 'Acuerdo sin publicar', parametros: plazo, ...SOBRE_CARGAS,
  descripcion: 'Un acuerdo aprobado hace más de «dias» días naturales (3 por omisión) no se ha publicado.',
  async evaluar(wh, prm, ctx) {
    const hoy = todayMx(ctx.ahora);
    const acuerdos = await listaAcuerdos(wh, { desde: addDays(hoy, -365), hasta: hoy });
    return acuerdos.filter((a) => a.fecha_publicacion === null && Date.parse(a.fecha_aprobacion) <= ctx.ahora - prm.dias * 86_400_000).map((a): Observation => ({
      sujeto: a.clave,
      severidad: 'advertencia',
      mensaje: `El acuerdo ${a.clave}${a.rubro ? ` («${a.rubro.slice(0, 120)}»)` : ''} se aprobó hace ${Math.floor((ctx.ahora - Date.parse(a.fecha_aprobacion)) / 86_400_000)} días y no se ha publicado.`,
      resuelta: `El acuerdo ${a.clave} ya se publicó.`,
      enlace: `/sesiones?acuerdo=${encodeURIComponent(a.clave)}`,
    }));
  },
});

export const reglasSesiones: readonly RuleType[] = [sesionSinAnticipacion, acuerdoSinPublicar];
