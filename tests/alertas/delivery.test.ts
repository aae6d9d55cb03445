import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWarehouse } from '../helpers/warehouse.js';
import type { Warehouse } from '../../src/db/warehouse.js';
import { alertsConfig } from '../../src/domains/alertas/config.js';
import { channelHealth, createChannel, updateChannel } from '../../src/domains/alertas/channels.js';
import { probar } from '../../src/domains/alertas/channel-test.js';
import { backoffAfter, deliver } from '../../src/domains/alertas/delivery.js';
import { evaluate } from '../../src/domains/alertas/engine.js';
import { listDeliveries } from '../../src/domains/alertas/history.js';
import { createRule, getRule } from '../../src/domains/alertas/rules.js';
import { createTransports } from '../../src/domains/alertas/transports/index.js';
import type { Regla } from '../../src/domains/alertas/types.js';
import { closedPort, HOUR, MIN, startReceiver, startSmtp } from './helpers.js';

/* Delivery failures, retries with backoff, a failing channel and its recovery, and the «Probar» test notice. */
const PUBLIC = 'https://atalaya.ople.test';
const T0 = Date.parse('2025-05-05T08:00:00-06:00');

let env: Awaited<ReturnType<typeof tempWarehouse>>;
let wh: Warehouse;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;
let transports: ReturnType<typeof createTransports>;

const obs = (sujeto: string) => ({ sujeto, severidad: 'critica' as const, mensaje: `El servicio «${sujeto}» está caído.`, enlace: `/disponibilidad?servicio=${sujeto}` });
const health = async (canal: number) => (await channelHealth(wh)).find((h) => h.canal === canal)!;
const avisos = (canal: number) =>
  wh.all<{ estado: string; intentos: number; proximo_intento: string | null; motivo: string | null }>(
    `SELECT estado, intentos, proximo_intento, motivo FROM app.alertas_avisos WHERE canal_id = $1 ORDER BY id`,
    [canal],
  );

beforeAll(async () => {
  env = await tempWarehouse('atalaya-alertas-envio-');
  wh = env.wh;
  [smtp, hook] = await Promise.all([startSmtp(), startReceiver()]);
  transports = createTransports(alertsConfig(PUBLIC, { ATALAYA_SMTP_URL: smtp.url, ATALAYA_SMTP_REMITENTE: 'atalaya@ople.test' }));
});
afterAll(async () => {
  await Promise.all([smtp?.close(), hook?.close()]);
  env?.close();
});

describe('reintentos y canal que falla', () => {
  let canal: number;
  let rule: Regla;

  beforeAll(async () => {
    canal = await createChannel(wh, { tipo: 'webhook', nombre: 'Receptor inestable', destino: hook.url }, 'admin');
    rule = (await getRule(wh, await createRule(wh, { tipo: 'servicio_caido', canales: [canal] }, 'admin')))!;
  });

  it('un webhook que falla se reintenta con espera creciente y el canal se muestra fallando; luego se recupera', async () => {
    expect(await health(canal)).toMatchObject({ estado: 'sin_envios', fallos_seguidos: 0 });
    hook.answer.status = 500;
    await evaluate(wh, rule, [obs('portal')], { ahora: T0 });
    const t1 = T0 + MIN;
    expect(await deliver(wh, transports, { ahora: t1, publicUrl: PUBLIC })).toMatchObject({ mensajes: 1, entregados: 0, avisos_fallidos: 1 });
    expect(await avisos(canal)).toEqual([
      { estado: 'pendiente', intentos: 1, proximo_intento: new Date(t1 + 30_000).toISOString(), motivo: 'El webhook respondió 500 Internal Server Error.' },
    ]);
    expect(await health(canal)).toMatchObject({ estado: 'fallando', fallos_seguidos: 1, ultimo_error: 'El webhook respondió 500 Internal Server Error.', pendientes: 1 });

    // Not before its time.
    expect((await deliver(wh, transports, { ahora: t1 + 20_000, publicUrl: PUBLIC })).mensajes).toBe(0);
    const t2 = t1 + 30_000;
    await deliver(wh, transports, { ahora: t2, publicUrl: PUBLIC });
    expect((await avisos(canal))[0]).toMatchObject({ estado: 'pendiente', intentos: 2, proximo_intento: new Date(t2 + 60_000).toISOString() });
    expect(await health(canal)).toMatchObject({ estado: 'fallando', fallos_seguidos: 2 });

    hook.answer.status = 200;
    const t3 = t2 + 60_000;
    expect(await deliver(wh, transports, { ahora: t3, publicUrl: PUBLIC })).toMatchObject({ mensajes: 1, entregados: 1 });
    expect((await avisos(canal))[0]).toMatchObject({ estado: 'enviado', intentos: 3, proximo_intento: null });
    expect(await health(canal)).toMatchObject({ estado: 'ok', fallos_seguidos: 0, ultimo_error: null, pendientes: 0, ultimo_exito: new Date(t3).toISOString() });
    // Three POSTs reached the receiver, the same notice each time.
    expect(hook.hooks.map((h) => h.json.evento)).toEqual(['disparada', 'disparada', 'disparada']);
    // Every attempt is in the log with its result and its next try.
    const log = (await listDeliveries(wh, { canal })).reverse();
    expect(log.map((l) => [l.evento, l.intento, l.ok, l.proximo_intento])).toEqual([
      ['disparada', 1, false, new Date(t1 + 30_000).toISOString()],
      ['disparada', 2, false, new Date(t2 + 60_000).toISOString()],
      ['disparada', 3, true, null],
    ]);
    await evaluate(wh, rule, [], { ahora: t3 });
    await deliver(wh, transports, { ahora: t3 + 2 * MIN, publicUrl: PUBLIC });
  });

  it('la espera se duplica hasta un tope; tras el último intento el aviso queda «fallido»', async () => {
    expect([1, 2, 3, 4, 7, 20].map((n) => backoffAfter(n))).toEqual([30_000, 60_000, 120_000, 240_000, 1_800_000, 1_800_000]);
    const muerto = await createChannel(wh, { tipo: 'webhook', nombre: 'Servidor apagado', destino: `http://127.0.0.1:${await closedPort()}/x` }, 'admin');
    const r = (await getRule(wh, await createRule(wh, { tipo: 'proceso_fallido', canales: [muerto] }, 'admin')))!;
    const T = T0 + 10 * HOUR;
    await evaluate(wh, r, [obs('tickets')], { ahora: T });
    let t = T + MIN;
    for (let i = 1; i <= 3; i++) {
      await deliver(wh, transports, { ahora: t, publicUrl: PUBLIC, maxAttempts: 3 });
      t += backoffAfter(i);
    }
    const [a] = await avisos(muerto);
    expect(a).toMatchObject({ estado: 'fallido', intentos: 3, proximo_intento: null });
    expect(a!.motivo).toMatch(/^No se pudo entregar el webhook a 127\.0\.0\.1:\d+: rechazó la conexión\.$/);
    expect((await deliver(wh, transports, { ahora: t + HOUR, publicUrl: PUBLIC, maxAttempts: 3 })).mensajes).toBe(0);
    expect(await health(muerto)).toMatchObject({ estado: 'fallando', fallos_seguidos: 3 });
  });

  it('los avisos de un canal desactivado se descartan', async () => {
    const apagado = await createChannel(wh, { tipo: 'webhook', nombre: 'Apagado', destino: hook.url }, 'admin');
    const r = (await getRule(wh, await createRule(wh, { tipo: 'fuente_vencida', canales: [apagado] }, 'admin')))!;
    const T = T0 + 20 * HOUR;
    const before = hook.hooks.length;
    await evaluate(wh, r, [obs('odes')], { ahora: T });
    await updateChannel(wh, apagado, { activo: false }, 'admin');
    expect(await deliver(wh, transports, { ahora: T + MIN, publicUrl: PUBLIC })).toMatchObject({ mensajes: 0, avisos_descartados: 1 });
    expect(await avisos(apagado)).toMatchObject([{ estado: 'descartado', motivo: 'El canal está desactivado' }]);
    expect(hook.hooks.length).toBe(before);
  });
});

describe('probar un canal', () => {
  it('correo: llega el aviso de prueba y se informa éxito', async () => {
    const id = await createChannel(wh, { tipo: 'correo', nombre: 'Guardia', destino: 'guardia@ople.test, jefe@ople.test' }, 'admin');
    expect(await probar(wh, transports, id, { publicUrl: PUBLIC })).toEqual({ ok: true });
    const m = smtp.mails.at(-1)!;
    expect(m.para).toEqual(['guardia@ople.test', 'jefe@ople.test']);
    expect(m.asunto).toBe('[Atalaya] Aviso de prueba del canal «Guardia»');
    expect(m.texto).toContain('si lo recibe, este canal recibirá los avisos de alertas');
    expect(await health(id)).toMatchObject({ estado: 'ok' });
  });

  it('webhook: evento «prueba» firmado', async () => {
    const id = await createChannel(wh, { tipo: 'webhook', nombre: 'Chat', destino: hook.url, secreto: 'otro-secreto-5678' }, 'admin');
    expect(await probar(wh, transports, id, { publicUrl: PUBLIC })).toEqual({ ok: true });
    const h = hook.hooks.at(-1)!;
    expect(h.json).toMatchObject({ evento: 'prueba', alerta: null });
    expect(h.json.texto).toContain('«Chat»');
    expect(h.headers['x-atalaya-firma']).toBe(`sha256=${createHmac('sha256', 'otro-secreto-5678').update(h.raw).digest('hex')}`);
    expect((await listDeliveries(wh, { canal: id }))[0]).toMatchObject({ evento: 'prueba', ok: true, alerta: null });
  });

  it('informa en español por qué falló', async () => {
    const port = await closedPort();
    const wd = await createChannel(wh, { tipo: 'webhook', nombre: 'Caído', destino: `http://127.0.0.1:${port}/` }, 'admin');
    expect(await probar(wh, transports, wd, { publicUrl: PUBLIC })).toEqual({ ok: false, motivo: `No se pudo entregar el webhook a 127.0.0.1:${port}: rechazó la conexión.` });
    expect(await health(wd)).toMatchObject({ estado: 'fallando', fallos_seguidos: 1 });

    hook.answer.status = 404;
    const w404 = await createChannel(wh, { tipo: 'webhook', nombre: 'Ruta mala', destino: hook.url }, 'admin');
    expect(await probar(wh, transports, w404, { publicUrl: PUBLIC })).toEqual({ ok: false, motivo: 'El webhook respondió 404 Not Found.' });
    hook.answer.status = 200;

    const correo = await createChannel(wh, { tipo: 'correo', nombre: 'Sin SMTP', destino: 'x@ople.test' }, 'admin');
    const sinSmtp = createTransports(alertsConfig(PUBLIC, {}));
    const r = await probar(wh, sinSmtp, correo, { publicUrl: PUBLIC });
    expect(r).toEqual({ ok: false, motivo: expect.stringMatching(/^El correo no está configurado: defina ATALAYA_SMTP_URL/) });

    const claveMala = createTransports(alertsConfig(PUBLIC, { ATALAYA_SMTP_URL: `smtp://atalaya:otra@127.0.0.1:${smtp.port}`, ATALAYA_SMTP_REMITENTE: 'atalaya@ople.test' }));
    const r2 = await probar(wh, claveMala, correo, { publicUrl: PUBLIC });
    expect(r2).toEqual({ ok: false, motivo: expect.stringMatching(/^El servidor de correo 127\.0\.0\.1:\d+ rechazó el usuario o la clave de ATALAYA_SMTP_URL/) });

    const smtpCerrado = createTransports(alertsConfig(PUBLIC, { ATALAYA_SMTP_URL: `smtp://127.0.0.1:${port}`, ATALAYA_SMTP_REMITENTE: 'atalaya@ople.test' }));
    const r3 = await probar(wh, smtpCerrado, correo, { publicUrl: PUBLIC });
    expect(r3).toEqual({ ok: false, motivo: `No se pudo conectar con el servidor de correo 127.0.0.1:${port} (rechazó la conexión).` });
  });

  it('una URL SMTP que no es smtp:// ni smtps:// se rechaza al arrancar', () => {
    expect(() => alertsConfig(PUBLIC, { ATALAYA_SMTP_URL: 'http://usuario:clave@correo' })).toThrow(/^ATALAYA_SMTP_URL=«http:\/\/…@correo» no es válido/);
  });
});
