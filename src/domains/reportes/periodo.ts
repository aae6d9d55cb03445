import { addDays, mxInstant, todayMx } from '../../core/time.js';
import type { Frecuencia } from './types.js';

/** When subscriptions go out (Mexico City time): weekly on Mondays and monthly on day 1, at this hour. */
export const HORA_ENVIO = '07:00';

const lunes = (dia: string): boolean => new Date(`${dia}T12:00:00Z`).getUTCDay() === 1;

/** The first sending time of `frecuencia` strictly after `despues`. */
export function proximoEnvio(frecuencia: Frecuencia, despues: Date): Date {
  const hoy = todayMx(despues.getTime());
  for (let k = 0; k <= 62; k++) {
    const dia = addDays(hoy, k);
    const ok = frecuencia === 'semanal' ? lunes(dia) : dia.endsWith('-01');
    if (!ok) continue;
    const t = new Date(mxInstant(`${dia}T${HORA_ENVIO}`));
    if (t > despues) return t;
  }
  throw new Error(`sin próximo envío para ${frecuencia}`);
}

/** The period a sending at `envio` covers: the 7 days before it (weekly) or the previous calendar month. */
export function periodoDe(frecuencia: Frecuencia, envio: Date): { desde: string; hasta: string } {
  const dia = todayMx(envio.getTime());
  const hasta = addDays(dia, -1);
  if (frecuencia === 'semanal') return { desde: addDays(dia, -7), hasta };
  const fin = addDays(`${dia.slice(0, 7)}-01`, -1);
  return { desde: `${fin.slice(0, 7)}-01`, hasta: fin };
}

/** Waits after failed attempts 1, 2, 3, 4 (minutes); the 5th failure gives the period up. */
export const ESPERAS_MIN = [5, 15, 60, 240] as const;
export const MAX_INTENTOS = ESPERAS_MIN.length + 1;
