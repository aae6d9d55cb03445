import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { entero, idEntero } from '../../api/input/schemas.js';
import { json, params, query } from '../../api/input/validate.js';
import { HttpError } from '../../core/errors.js';
import { todayMx } from '../../core/time.js';
import type { SeccionInforme } from '../informe.js';
import { datosInforme, leerInforme, listarInformes } from './archivo.js';
import { informeMensual } from './generar.js';
import { generarInforme } from './service.js';

const numeroEntero = (lo: number, hi: number) =>
  z.number({ error: `debe ser un número entero entre ${lo} y ${hi}` }).int(`debe ser un número entero entre ${lo} y ${hi}`).min(lo, `debe ser un número entero entre ${lo} y ${hi}`).max(hi, `debe ser un número entero entre ${lo} y ${hi}`);

const periodoBody = z.object({ anio: numeroEntero(2000, 2100), mes: numeroEntero(1, 12) });
const periodoQuery = z.object({ anio: entero(2000, 2100), mes: entero(1, 12) });

/** A month that has not started yet has nothing to report. */
function noFuturo(p: { anio: number; mes: number }): void {
  if (`${p.anio}-${String(p.mes).padStart(2, '0')}` > todayMx().slice(0, 7)) {
    throw new HttpError(400, `El mes ${String(p.mes).padStart(2, '0')}/${p.anio} aún no empieza: no hay cifras que informar.`, { parametro: 'mes' });
  }
}

/** The Informe mensual's routes (roles admin, direccion): archive, generate on demand, download, figures. */
export function informesRoutes(secciones: readonly SeccionInforme[]): Hono<Env> {
  const routes = new Hono<Env>();
  routes.get('/', async (c) => c.json(await listarInformes(c.get('ctx').wh)));

  routes.post('/', json(periodoBody), async (c) => {
    const p = c.req.valid('json');
    noFuturo(p);
    const id = await generarInforme(c.get('ctx'), secciones, p.anio, p.mes, c.get('user')!.usuario, 'manual');
    return c.json({ id }, 201);
  });

  /** The month's figures as JSON, computed now (nothing archived). */
  routes.get('/vista', query(periodoQuery), async (c) => {
    const p = c.req.valid('query');
    noFuturo(p);
    return c.json(await informeMensual(c.get('ctx').wh, secciones, p.anio, p.mes));
  });

  routes.get('/:id', params(idEntero), async (c) => c.json(await datosInforme(c.get('ctx').wh, c.req.valid('param').id)));

  routes.get('/:id/archivo', params(idEntero), async (c) => {
    const { pdf, nombre } = await leerInforme(c.get('ctx').wh, c.get('ctx').config.dataDir, c.req.valid('param').id);
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${nombre}"`, 'cache-control': 'private, no-store' });
  });
  return routes;
}
