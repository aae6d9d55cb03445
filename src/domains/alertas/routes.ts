import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { requireRoles } from '../../api/middleware/roles/require-roles.js';
import { entero, idEntero, instante, opcion, opcional, texto } from '../../api/input/schemas.js';
import { json, params, query } from '../../api/input/validate.js';
import { HttpError, InputError } from '../../core/errors.js';
import { listAlerts, markSeen, unreadCount } from './alerts.js';
import { probar } from './channel-test.js';
import { channelHealth, channelNotFound, createChannel, getChannel, listChannels, updateChannel } from './channels.js';
import { listDeliveries } from './history.js';
import { createRule, getRule, listRules, updateRule } from './rules.js';
import { canalBody, canalPatch, destinoProblem, reglaBody, reglaPatch, silencioBody, suscripcionBody } from './schemas.js';
import { createSilence, endSilence, listSilences } from './silences.js';
import { listSubscriptions, subscribe, unsubscribe } from './subscriptions.js';
import { ESTADOS_ALERTA } from './types.js';
import { canSubscribe, domainOfType, type AccessTable, type Viewer } from './visibility.js';
import { publicUrlOf, transportsOf } from './wiring.js';

/** What the routes need from the registry: the access table and the rule types with their titles. */
export interface AlertRoutesDeps {
  access: () => AccessTable;
  tipos: () => ReadonlyArray<{ tipo: string; titulo: string; descripcion: string }>;
}

const admin = requireRoles(['admin'], 'Solo el rol admin administra los canales y las reglas de alertas.');
const silenciador = requireRoles(['admin', 'utsi'], 'Solo los roles admin y utsi pueden silenciar alertas.');

const viewerOf = (c: Context<Env>): Viewer & { usuario: string } => {
  const u = c.get('user')!;
  return { usuario: u.usuario, rol: u.rol, area: u.area ?? null };
};

const filtro = z.object({
  estado: opcional(opcion(ESTADOS_ALERTA)),
  regla: opcional(entero(1, 2_147_483_647)),
  sujeto: opcional(texto(200)),
  desde: opcional(instante),
  hasta: opcional(instante),
  limite: opcional(entero(1, 5000)),
});

/** The alerts API (DESIGN.md §6 «Alerts»): every user reads what their role can see; admin manages. */
export function alertasRoutes(deps: AlertRoutesDeps): Hono<Env> {
  const r = new Hono<Env>();

  // ---- Alerts and the bell ----
  r.get('/', query(filtro), async (c) => c.json(await listAlerts(c.get('ctx').wh, viewerOf(c), c.req.valid('query'), deps.access())));
  r.get('/no-leidas', async (c) => c.json({ no_leidas: await unreadCount(c.get('ctx').wh, viewerOf(c), deps.access()) }));
  r.post('/leidas', async (c) => {
    await markSeen(c.get('ctx').wh, viewerOf(c).usuario);
    return c.json({ no_leidas: 0 });
  });

  // ---- Rule types: those the user may see ----
  r.get('/tipos', (c) => {
    const v = viewerOf(c);
    return c.json(deps.tipos().filter((t) => canSubscribe(v, t.tipo, deps.access())).map((t) => ({ ...t, dominio: domainOfType(t.tipo) })));
  });

  // ---- Channels (admin) ----
  r.get('/canales', admin, async (c) => c.json(await listChannels(c.get('ctx').wh)));
  r.get('/canales/estado', admin, async (c) => c.json(await channelHealth(c.get('ctx').wh)));
  r.post('/canales', admin, json(canalBody), async (c) => {
    const id = await createChannel(c.get('ctx').wh, c.req.valid('json'), viewerOf(c).usuario);
    return c.json({ id }, 201);
  });
  r.patch('/canales/:id', admin, params(idEntero), json(canalPatch), async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const before = await getChannel(c.get('ctx').wh, id);
    if (!before) throw channelNotFound(id);
    if (body.destino !== undefined) {
      const p = destinoProblem(before.tipo, body.destino);
      if (p) throw new InputError('destino', `El campo «destino» ${p}.`);
    }
    if (before.tipo === 'correo' && body.secreto) throw new InputError('secreto', 'El campo «secreto» solo aplica a canales webhook.');
    return c.json(await updateChannel(c.get('ctx').wh, id, body, viewerOf(c).usuario));
  });
  r.post('/canales/:id/probar', admin, params(idEntero), async (c) => {
    const ctx = c.get('ctx');
    const res = await probar(ctx.wh, transportsOf(ctx), c.req.valid('param').id, { publicUrl: publicUrlOf(ctx) });
    if (!res.ok) throw new HttpError(502, `No se pudo entregar el aviso de prueba: ${res.motivo}`, { motivo: res.motivo });
    return c.json(res);
  });
  r.get('/envios', admin, query(z.object({ canal: opcional(entero(1, 2_147_483_647)), alerta: opcional(entero(1, 2_147_483_647)), limite: opcional(entero(1, 5000)) })),
    async (c) => c.json(await listDeliveries(c.get('ctx').wh, c.req.valid('query'))));

  // ---- Rules (read: what the user may subscribe to; write: admin) ----
  r.get('/reglas', async (c) => {
    const v = viewerOf(c);
    return c.json((await listRules(c.get('ctx').wh)).filter((x) => canSubscribe(v, x.tipo, deps.access())));
  });
  r.post('/reglas', admin, json(reglaBody), async (c) => {
    const id = await createRule(c.get('ctx').wh, c.req.valid('json'), viewerOf(c).usuario);
    return c.json({ id }, 201);
  });
  r.patch('/reglas/:id', admin, params(idEntero), json(reglaPatch), async (c) =>
    c.json(await updateRule(c.get('ctx').wh, c.req.valid('param').id, c.req.valid('json'), viewerOf(c).usuario)));

  // ---- Silences ----
  r.get('/silencios', query(z.object({ vigentes: opcional(opcion(['1', '0'])) })), async (c) =>
    c.json(await listSilences(c.get('ctx').wh, { vigentes: c.req.valid('query').vigentes === '1' })));
  r.post('/silencios', silenciador, json(silencioBody), async (c) => {
    const id = await createSilence(c.get('ctx').wh, c.req.valid('json'), viewerOf(c).usuario);
    return c.json({ id }, 201);
  });
  r.delete('/silencios/:id', silenciador, params(idEntero), async (c) => {
    await endSilence(c.get('ctx').wh, c.req.valid('param').id, viewerOf(c).usuario);
    return c.json({ terminado: c.req.valid('param').id });
  });

  // ---- Subscriptions: the user's own ----
  r.get('/suscripciones', async (c) => c.json(await listSubscriptions(c.get('ctx').wh, viewerOf(c).usuario)));
  r.post('/suscripciones', json(suscripcionBody), async (c) => {
    const { regla, correo } = c.req.valid('json');
    await subscribe(c.get('ctx').wh, viewerOf(c), regla, correo, deps.access());
    return c.json({ regla }, 201);
  });
  r.delete('/suscripciones/:id', params(idEntero), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getRule(c.get('ctx').wh, id))) throw new HttpError(404, `No existe la regla ${id}.`);
    await unsubscribe(c.get('ctx').wh, viewerOf(c).usuario, id);
    return c.json({ regla: id });
  });
  return r;
}
