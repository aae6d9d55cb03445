import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { send, userClient, type Client } from '../helpers/client.js';
import { evaluate } from '../../src/domains/alertas/engine.js';
import { getRule } from '../../src/domains/alertas/rules.js';
import { startReceiver, startSmtp } from './helpers.js';

/**
 * The alerts API in process (DESIGN.md §6 «Alerts»): channels and «Probar» against a real SMTP server and a real
 * webhook receiver, rules, silences, the list by state, the bell, subscriptions within what a role can see.
 */
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  smtp = await startSmtp();
  hook = await startReceiver();
  // The routes' transports read the environment once per server (this file runs in its own process).
  process.env.ATALAYA_SMTP_URL = smtp.url;
  process.env.ATALAYA_SMTP_REMITENTE = 'atalaya@ople.test';
});
afterAll(async () => {
  await smtp?.close();
  await hook?.close();
});

const t = adminApi();
const post = (c: Client, route: string, body: unknown) => c.fetch(route, send('POST', body));
const patch = (c: Client, route: string, body: unknown) => c.fetch(route, send('PATCH', body));

describe('canales', () => {
  it('correo y webhook: 201 {id}; Probar entrega el aviso de prueba (200) por SMTP y por HTTP', async () => {
    const r1 = await post(t.admin, '/api/alertas/canales', { tipo: 'correo', nombre: 'Guardia UTSI', destino: 'guardia@ople.test' });
    expect(r1.status).toBe(201);
    const correo = ((await r1.json()) as { id: number }).id;
    const r2 = await post(t.admin, '/api/alertas/canales', { tipo: 'webhook', nombre: 'Chat', destino: hook.url, secreto: 'un-secreto-de-dieciseis' });
    expect(r2.status).toBe(201);
    const webhook = ((await r2.json()) as { id: number }).id;

    expect((await post(t.admin, `/api/alertas/canales/${correo}/probar`, {})).status).toBe(200);
    expect(smtp.mails.some((m) => m.para.includes('guardia@ople.test'))).toBe(true);
    expect((await post(t.admin, `/api/alertas/canales/${webhook}/probar`, {})).status).toBe(200);
    expect(hook.hooks.at(-1)!.json.evento).toBe('prueba');
    expect(hook.hooks.at(-1)!.headers['x-atalaya-firma']).toMatch(/^sha256=[0-9a-f]{64}$/);

    const canales = await t.admin.json<Array<{ id: number; con_secreto: boolean; secreto?: string }>>('/api/alertas/canales');
    expect(canales.map((c) => c.id)).toEqual([correo, webhook]);
    expect(canales[1]).toMatchObject({ con_secreto: true });
    expect(canales[1]).not.toHaveProperty('secreto');
  });

  it('un canal que falla: 502 con el motivo en español, y el canal se ve fallando con su último error', async () => {
    const r = await post(t.admin, '/api/alertas/canales', { tipo: 'webhook', nombre: 'Caído', destino: hook.url.replace('/aviso', '/caido') });
    const id = ((await r.json()) as { id: number }).id;
    hook.answer.status = 500;
    try {
      const p = await post(t.admin, `/api/alertas/canales/${id}/probar`, {});
      expect(p.status).toBe(502);
      const body = (await p.json()) as { error: string; motivo: string };
      expect(body.error).toMatch(/^No se pudo entregar el aviso de prueba: /);
      expect(body.motivo).toContain('500');
    } finally {
      hook.answer.status = 200;
    }
    const salud = await t.admin.json<Array<{ canal: number; estado: string; ultimo_error: string | null }>>('/api/alertas/canales/estado');
    expect(salud.find((s) => s.canal === id)).toMatchObject({ estado: 'fallando' });
    expect(salud.find((s) => s.canal === id)!.ultimo_error).toContain('500');
  });

  it('datos inválidos: 400 nombrando el campo; canal inexistente: 404', async () => {
    const r = await post(t.admin, '/api/alertas/canales', { tipo: 'correo', nombre: 'X', destino: 'no-es-correo' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { parametro: string }).parametro).toBe('destino');
    expect((await post(t.admin, '/api/alertas/canales/9999/probar', {})).status).toBe(404);
    expect((await patch(t.admin, '/api/alertas/canales/1', { destino: 'ftp://x' })).status).toBe(400);
  });
});

describe('reglas, silencios y alertas', () => {
  it('una instalación nueva tiene las cuatro reglas predeterminadas activas; se crea, edita y pausa una regla', async () => {
    const reglas = await t.admin.json<Array<{ tipo: string; activa: boolean; predeterminada: boolean }>>('/api/alertas/reglas');
    expect(reglas.filter((r) => r.predeterminada).map((r) => r.tipo).sort()).toEqual(['certificado_por_vencer', 'fuente_vencida', 'proceso_fallido', 'servicio_caido']);
    expect(reglas.every((r) => r.activa)).toBe(true);
    const r = await post(t.admin, '/api/alertas/reglas', { tipo: 'certificado_por_vencer', sujeto: 'portal', parametros: { dias: 30 }, canales: [1], recordatorio_horas: 12 });
    expect(r.status).toBe(201);
    const { id } = (await r.json()) as { id: number };
    const p = await patch(t.admin, `/api/alertas/reglas/${id}`, { activa: false, parametros: { dias: 7 } });
    expect(p.status).toBe(200);
    expect(await p.json()).toMatchObject({ activa: false, parametros: { dias: 7 }, sujeto: 'portal' });
    const bad = await post(t.admin, '/api/alertas/reglas', { tipo: 'certificado_por_vencer', parametros: { dias: 'muchos' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parametro: string }).parametro).toBe('parametros.dias');
    expect((await post(t.admin, '/api/alertas/reglas', { tipo: 'no_existe' })).status).toBe(400);
  });

  it('silencios: 201 {id}; hasta antes que desde es 400', async () => {
    const r = await post(t.admin, '/api/alertas/silencios', { sujeto: 'portal', desde: '2026-01-01T00:00', hasta: '2026-01-02T00:00', motivo: 'Migración del portal' });
    expect(r.status).toBe(201);
    expect(((await r.json()) as { id: number }).id).toBeGreaterThan(0);
    const bad = await post(t.admin, '/api/alertas/silencios', { desde: '2026-01-02T00:00', hasta: '2026-01-01T00:00', motivo: 'x' });
    expect(bad.status).toBe(400);
  });

  it('GET /api/alertas?estado= con la forma de §6, y la campana cuenta lo no visto', async () => {
    const regla = (await getRule(t.srv.wh, 1))!;
    await evaluate(t.srv.wh, regla, [{ sujeto: 'portal', severidad: 'critica', mensaje: 'El servicio «Portal» está caído.', enlace: '/disponibilidad?servicio=portal' }]);
    const act = await t.admin.json<Array<Record<string, unknown>>>('/api/alertas?estado=activa');
    expect(act).toHaveLength(1);
    expect(Object.keys(act[0]!)).toEqual(expect.arrayContaining(['id', 'regla', 'tipo', 'sujeto', 'severidad', 'estado', 'inicio', 'fin', 'mensaje']));
    expect(act[0]).toMatchObject({ regla: 1, tipo: 'servicio_caido', sujeto: 'portal', estado: 'activa', fin: null });
    expect(await t.admin.json('/api/alertas?estado=resuelta')).toEqual([]);
    expect((await t.admin.fetch('/api/alertas?estado=rota')).status).toBe(400);

    expect(await t.admin.json('/api/alertas/no-leidas')).toEqual({ no_leidas: 1 });
    expect((await post(t.admin, '/api/alertas/leidas', {})).status).toBe(200);
    expect(await t.admin.json('/api/alertas/no-leidas')).toEqual({ no_leidas: 0 });

    await evaluate(t.srv.wh, regla, []);
    expect((await t.admin.json<unknown[]>('/api/alertas?estado=resuelta'))).toHaveLength(1);
  });
});

describe('quién ve qué', () => {
  it('utsi ve las alertas de disponibilidad, no administra; un área no ve las de UTSI ni puede suscribirse', async () => {
    const utsi = await userClient(t.srv, t.admin, 'guardia', 'utsi');
    const area = await userClient(t.srv, t.admin, 'dea', 'area', 'DEA');
    expect((await utsi.json<unknown[]>('/api/alertas?estado=resuelta')).length).toBe(1);
    expect(await area.json('/api/alertas?estado=resuelta')).toEqual([]);
    expect((await utsi.fetch('/api/alertas/canales')).status).toBe(403);
    expect((await post(utsi, '/api/alertas/reglas', { tipo: 'servicio_caido' })).status).toBe(403);

    const visibles = await utsi.json<Array<{ tipo: string }>>('/api/alertas/reglas');
    expect(new Set(visibles.map((r) => r.tipo))).toEqual(new Set(['servicio_caido', 'certificado_por_vencer']));
    expect((await post(utsi, '/api/alertas/suscripciones', { regla: 1, correo: 'guardia@ople.test' })).status).toBe(201);
    expect(await utsi.json('/api/alertas/suscripciones')).toMatchObject([{ regla: 1, correo: 'guardia@ople.test' }]);
    expect((await post(utsi, '/api/alertas/suscripciones', { regla: 3, correo: 'guardia@ople.test' })).status).toBe(403);
    expect((await post(area, '/api/alertas/suscripciones', { regla: 1, correo: 'dea@ople.test' })).status).toBe(403);
    expect((await utsi.fetch('/api/alertas/suscripciones/1', { method: 'DELETE' })).status).toBe(200);
    expect(await utsi.json('/api/alertas/suscripciones')).toEqual([]);
  });
});
