import cron from 'node-cron';
import type { AppContext } from '../../api/context.js';
import { htmlToPdf } from '../../core/pdf.js';
import { todayMx } from '../../core/time.js';
import type { DomainService } from '../types.js';
import type { SeccionInforme } from '../informe.js';
import { archivar, hayInforme } from './archivo.js';
import { informeMensual, mesAnterior } from './generar.js';
import { informeHtml } from './html.js';

type Ctx = Pick<AppContext, 'wh' | 'config'>;

/** Computes the month's Informe, prints it and archives it; returns its id. */
export async function generarInforme(ctx: Ctx, secciones: readonly SeccionInforme[], anio: number, mes: number, usuario: string, origen: 'manual' | 'programado', ahora = new Date()): Promise<number> {
  const r = await informeMensual(ctx.wh, secciones, anio, mes, ahora);
  const pdf = await htmlToPdf(informeHtml(r), usuario, `Atalaya · OPLE Veracruz · ${r.titulo}`);
  return archivar(ctx.wh, ctx.config.dataDir, r, pdf, usuario, origen);
}

/**
 * The scheduled job: on the first days of a month, the previous month's Informe, once (a month already archived,
 * by hand or by an earlier run, is left alone). Returns the new id, or null when there was nothing to do.
 */
export async function informeProgramado(ctx: Ctx, secciones: readonly SeccionInforme[], ahora = new Date()): Promise<number | null> {
  const { anio, mes } = mesAnterior(todayMx(ahora.getTime()));
  if (await hayInforme(ctx.wh, anio, mes)) return null;
  return generarInforme(ctx, secciones, anio, mes, 'sistema', 'programado', ahora);
}

/** ATALAYA_INFORME_MENSUAL: its cron (Mexico City time; default 07:00 on days 1–5), or «no» to turn it off. */
export function programacionInforme(env: NodeJS.ProcessEnv = process.env): string | null {
  const v = env.ATALAYA_INFORME_MENSUAL?.trim();
  if (v && /^(no|0|off)$/i.test(v)) return null;
  const p = v || '0 7 1-5 * *';
  if (!cron.validate(p)) throw new Error(`ATALAYA_INFORME_MENSUAL=«${p}» no es una expresión cron válida (p. ej. «0 7 1-5 * *»).`);
  return p;
}

/**
 * Runs the scheduled Informe with the server. It fires on each of days 1–5 and does nothing once the month is
 * archived, so a server that was down at 07:00 on day 1 still makes it on one of the next days.
 */
export function servicioInforme(secciones: readonly SeccionInforme[]): DomainService {
  return {
    nombre: 'informe mensual',
    start: (ctx) => {
      const programacion = programacionInforme();
      if (!programacion) return () => undefined;
      const correr = (): Promise<unknown> => {
        const p = informeProgramado(ctx, secciones).catch((e) => console.error(`[informe mensual] no se generó: ${(e as Error).message}`));
        return ctx.tasks ? ctx.tasks.track(p) : p;
      };
      const task = cron.schedule(programacion, correr, { timezone: 'America/Mexico_City', noOverlap: true, name: 'informe-mensual' });
      return () => void task.stop();
    },
  };
}
