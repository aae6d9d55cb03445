import cron from 'node-cron';
import type { DomainService } from '../types.js';
import type { Catalogo } from './catalogo.js';
import { correoSmtp } from './correo.js';
import { enviarPendientes } from './envio.js';

/** How often the scheduler looks for subscriptions (and retries) whose time has come. */
export const REVISION = '*/5 * * * *';

/** Sends the scheduled reports while the server runs (ATALAYA_REPORTES=0 turns it off). */
export function servicioReportes(catalogo: Catalogo): DomainService {
  return {
    nombre: 'reportes programados',
    start: (ctx) => {
      if (process.env.ATALAYA_REPORTES === '0') return () => undefined;
      const deps = { wh: ctx.wh, pipelines: ctx.pipelines, catalogo, enviar: correoSmtp() };
      const correr = (): Promise<unknown> => {
        const p = enviarPendientes(deps).catch((e) => console.error(`[reportes] ${(e as Error).message}`));
        return ctx.tasks ? ctx.tasks.track(p) : p;
      };
      const task = cron.schedule(REVISION, correr, { timezone: 'America/Mexico_City', noOverlap: true, name: 'reportes-programados' });
      return () => void task.stop();
    },
  };
}
