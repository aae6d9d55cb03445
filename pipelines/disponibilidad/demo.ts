import fs from 'node:fs';
import path from 'node:path';
import { DAY, HOUR, markArrived, mxMidnight, writeCsv } from '../../src/demo/files.js';
import { writeFileAtomic } from '../../src/db/durable.js';
import { todayMx } from '../../src/demo/index.js';
import { rng, seedFor } from '../../src/demo/rng.js';
import type { DemoContext } from '../runner/types.js';
import { HEADERS } from './contract.js';
import { DEMO_SERVICIOS, MINUTOS_FALLA } from '../../src/demo/servicios.js';

const STEP = 5 * 60_000;

const pad = (n: number): string => String(n).padStart(2, '0');
/** ISO 8601 with the Mexico City offset. */
function isoMx(t: number): string {
  const x = new Date(t - 6 * HOUR);
  return `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}T${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:00-06:00`;
}

/**
 * Seeds the catalogue and writes 90 days of synthetic checks (one every 5 minutes per service), ending now when
 * ctx.today is today (so the windows have data right after `npm start`), else at the end of ctx.today. Includes a
 * few outages per service, two past maintenance windows and one upcoming, and three deliberately bad rows.
 */
export async function disponibilidadDemo(ctx: DemoContext): Promise<void> {
  const dir = ctx.inbox('disponibilidad');
  fs.mkdirSync(dir, { recursive: true });
  const r = rng(seedFor(ctx.seed, 'disponibilidad'));
  writeCsv(path.join(dir, 'servicios.csv'), HEADERS.servicios, DEMO_SERVICIOS.map((s) => [
    s.id, s.nombre, s.tipo, s.destino, 60, 10000, s.palabra_clave, '200-399', s.criticidad, s.publico,
  ]));

  const endOfDay = mxMidnight(ctx.today).getTime() + DAY;
  const end = Math.floor((ctx.today === todayMx() ? Math.min(Date.now(), endOfDay) : endOfDay) / STEP) * STEP;
  const start = end - 90 * DAY;
  const mant: Array<[string, number, number, string]> = [
    ['correo', mxMidnight(ctx.today).getTime() - 20 * DAY + 2 * HOUR, mxMidnight(ctx.today).getTime() - 20 * DAY + 4 * HOUR, 'Actualización del servidor de correo'],
    ['portal', mxMidnight(ctx.today).getTime() - 45 * DAY + 1 * HOUR, mxMidnight(ctx.today).getTime() - 45 * DAY + 3 * HOUR, 'Migración del portal a la nueva plataforma'],
    ['intranet', mxMidnight(ctx.today).getTime() + 2 * DAY + 22 * HOUR, mxMidnight(ctx.today).getTime() + 3 * DAY + 1 * HOUR, 'Mantenimiento programado de la intranet'],
  ];
  writeCsv(path.join(dir, 'mantenimientos.csv'), HEADERS.mantenimientos, mant.map(([s, a, b, m]) => [s, isoMx(a), isoMx(b), m]));

  const lines: string[] = [HEADERS.verificaciones.join(',')];
  for (const s of DEMO_SERVICIOS) {
    // 2–4 incidents of 15 min to 3 h at random times; the maintenance windows fail too (excluded from uptime).
    const incidents: Array<[number, number, string]> = [];
    for (let k = r.int(2, 4); k > 0; k--) {
      const a = start + r.next() * (end - start - 4 * HOUR);
      incidents.push([a, a + r.int(3, 36) * STEP, r.pick(['Tiempo de espera agotado (10000 ms)', 'Conexión rechazada', 'Código HTTP 502 fuera de 200-399'])]);
    }
    for (const [id, a, b] of mant) if (id === s.id) incidents.push([a, b, 'Código HTTP 503 fuera de 200-399']);
    for (let t = start; t < end; t += STEP) {
      const inc = incidents.find(([a, b]) => t >= a && t < b);
      const minute = new Date(t - 6 * HOUR).getUTCMinutes();
      const down = inc !== undefined || (s.id === 'computos' && (MINUTOS_FALLA as readonly number[]).includes(minute));
      if (down) {
        const err = inc ? inc[2] : 'Código HTTP 503 fuera de 200-399';
        lines.push(`${s.id},${isoMx(t)},no,,${err.startsWith('Código') ? 503 : ''},${err}`);
      } else {
        const lat = Math.max(1, s.lat * (0.75 + r.next() * 0.5) + (r.chance(0.02) ? s.lat * 3 : 0));
        lines.push(`${s.id},${isoMx(t)},si,${lat.toFixed(1)},${s.tipo === 'http' ? 200 : ''},`);
      }
    }
    // The history reaches the present minute, so each service has a current state before the live probes
    // (which start once the server listens) write their first batch.
    const nowMinute = Math.floor(Date.now() / 60_000) * 60_000;
    if (ctx.today === todayMx() && nowMinute >= end) {
      const minute = new Date(nowMinute - 6 * HOUR).getUTCMinutes();
      const down = s.id === 'computos' && (MINUTOS_FALLA as readonly number[]).includes(minute);
      lines.push(down ? `${s.id},${isoMx(nowMinute)},no,,503,Código HTTP 503 fuera de 200-399` : `${s.id},${isoMx(nowMinute)},si,${s.lat.toFixed(1)},${s.tipo === 'http' ? 200 : ''},`);
    }
  }
  // Deliberately bad rows: unknown service, unreadable time, an "ok" that is not yes/no.
  lines.push(`sistema-inexistente,${isoMx(end - STEP)},si,12.0,200,`);
  lines.push(`portal,31/02/2025 25:61,si,40.0,200,`);
  lines.push(`correo,${isoMx(end - STEP)},quizá,40.0,200,`);
  writeFileAtomic(path.join(dir, 'verificaciones_historial.csv'), lines.join('\r\n') + '\r\n');
  markArrived(path.join(dir, 'verificaciones_historial.csv'));
}
