import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWarehouse } from '../helpers/warehouse.js';
import type { Warehouse } from '../../src/db/warehouse.js';
import { alertsConfig } from '../../src/domains/alertas/config.js';
import { createChannel } from '../../src/domains/alertas/channels.js';
import { deliver } from '../../src/domains/alertas/delivery.js';
import { evaluate } from '../../src/domains/alertas/engine.js';
import type { Observation } from '../../src/domains/alertas/evaluator.js';
import { createRule, getRule } from '../../src/domains/alertas/rules.js';
import { createSilence } from '../../src/domains/alertas/silences.js';
import { listAlerts } from '../../src/domains/alertas/alerts.js';
import { createTransports } from '../../src/domains/alertas/transports/index.js';
import type { Regla } from '../../src/domains/alertas/types.js';
import { HOUR, MIN, startReceiver, startSmtp } from './helpers.js';

/*
 * The engine end to end with real parts: a DuckDB file, a real SMTP server and a real HTTP receiver. The clock is
 * injected: every evaluate() and deliver() gets its own "now".
 */
const PUBLIC = 'https://atalaya.ople.test';
const SECRET = 'secreto-de-prueba-1234';
const T0 = Date.parse('2025-03-10T10:00:00-06:00');
const admin = { rol: 'admin', area: null };

let env: Awaited<ReturnType<typeof tempWarehouse>>;
let wh: Warehouse;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;
let transports: ReturnType<typeof createTransports>;
let rule: Regla;

const caido = (sujeto: string, nombre: string, extra: Partial<Observation> = {}): Observation => ({
  sujeto,
  severidad: 'critica',
  mensaje: `El servicio «${nombre}» está caído.`,
  enlace: `/disponibilidad?servicio=${sujeto}`,
  ...extra,
});
const send = (ahora: number) => deliver(wh, transports, { ahora, publicUrl: PUBLIC });
const countActive = async (sujeto: string) =>
  (await wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM app.alertas WHERE sujeto = $1 AND estado = 'activa'`, [sujeto]))!.n;

beforeAll(async () => {
  env = await tempWarehouse('atalaya-alertas-');
  wh = env.wh;
  [smtp, hook] = await Promise.all([startSmtp(), startReceiver()]);
  transports = createTransports(alertsConfig(PUBLIC, { ATALAYA_SMTP_URL: smtp.url, ATALAYA_SMTP_REMITENTE: 'atalaya@ople.test' }));
  await createChannel(wh, { tipo: 'correo', nombre: 'Guardia UTSI', destino: 'guardia@ople.test' }, 'admin');
  await createChannel(wh, { tipo: 'webhook', nombre: 'Chat de guardia', destino: hook.url, secreto: SECRET }, 'admin');
  rule = (await getRule(wh, await createRule(wh, { tipo: 'servicio_caido', recordatorio_horas: 2 }, 'admin')))!;
});
afterAll(async () => {
  await Promise.all([smtp?.close(), hook?.close()]);
  env?.close();
});

describe('una alerta: dispara, recuerda, se resuelve', () => {
  it('al disparar envía un correo y un webhook firmado con HMAC, una sola vez', async () => {
    const r = await evaluate(wh, rule, [caido('portal', 'Portal institucional', { inicio: new Date(T0 - 2 * MIN).toISOString() })], { ahora: T0 });
    expect(r.disparadas).toHaveLength(1);
    expect(r.avisos).toBe(2);
    // Notices wait for their group (a minute): nothing leaves before.
    expect((await send(T0 + 30_000)).mensajes).toBe(0);
    const d = await send(T0 + MIN);
    expect(d).toMatchObject({ mensajes: 2, entregados: 2, avisos_enviados: 2 });

    expect(smtp.mails).toHaveLength(1);
    const m = smtp.mails[0]!;
    expect(m.para).toEqual(['guardia@ople.test']);
    expect(m.de).toBe('atalaya@ople.test');
    expect(m.asunto).toBe('[Atalaya] Alerta crítica: El servicio «Portal institucional» está caído.');
    expect(m.texto).toContain(`${PUBLIC}/disponibilidad?servicio=portal`);
    expect(m.texto).toContain('Desde el 10/03/2025 09:58.');
    expect(m.html).toContain('href="https://atalaya.ople.test/disponibilidad?servicio=portal"');

    expect(hook.hooks).toHaveLength(1);
    const h = hook.hooks[0]!;
    const expected = `sha256=${createHmac('sha256', SECRET).update(h.raw, 'utf8').digest('hex')}`;
    expect(h.headers['x-atalaya-firma']).toBe(expected);
    expect(h.headers['content-type']).toMatch(/^application\/json/);
    expect(h.json.evento).toBe('disparada');
    expect(h.json.alerta).toEqual({
      id: r.disparadas[0],
      regla: rule.id,
      tipo: 'servicio_caido',
      sujeto: 'portal',
      severidad: 'critica',
      estado: 'activa',
      inicio: new Date(T0 - 2 * MIN).toISOString(),
      fin: null,
      mensaje: 'El servicio «Portal institucional» está caído.',
      enlace: `${PUBLIC}/disponibilidad?servicio=portal`,
    });
    expect(h.json.texto).toContain('Alerta disparada (crítica): El servicio «Portal institucional» está caído.');

    const act = await listAlerts(wh, admin, { estado: 'activa' }, {});
    expect(act.map((a) => a.sujeto)).toEqual(['portal']);
  });

  it('mientras sigue, no hay duplicados; el recordatorio llega a las recordatorio_horas', async () => {
    for (const t of [T0 + 5 * MIN, T0 + HOUR, T0 + 2 * HOUR - MIN]) {
      const r = await evaluate(wh, rule, [caido('portal', 'Portal institucional')], { ahora: t });
      expect(r).toMatchObject({ disparadas: [], recordatorios: [], resueltas: [], avisos: 0 });
    }
    expect((await send(T0 + 2 * HOUR)).mensajes).toBe(0);
    expect(await countActive('portal')).toBe(1);

    const r = await evaluate(wh, rule, [caido('portal', 'Portal institucional')], { ahora: T0 + 2 * HOUR });
    expect(r.recordatorios).toHaveLength(1);
    await send(T0 + 2 * HOUR + MIN);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.asunto).toBe('[Atalaya] Sigue activa: El servicio «Portal institucional» está caído.');
    expect(smtp.mails[1]!.texto).toContain('Sigue activa desde el 10/03/2025 09:58 (2 h 2 min).');
    expect(hook.hooks).toHaveLength(2);
    expect(hook.hooks[1]!.json.evento).toBe('recordatorio');
    // The next reminder counts from this one.
    expect((await evaluate(wh, rule, [caido('portal', 'Portal institucional')], { ahora: T0 + 3 * HOUR })).recordatorios).toEqual([]);
    expect(await countActive('portal')).toBe(1);
  });

  it('cuando deja de cumplirse, se resuelve y avisa «resuelta»', async () => {
    const r = await evaluate(wh, rule, [], { ahora: T0 + 3 * HOUR + 30 * MIN });
    expect(r.resueltas).toHaveLength(1);
    await send(T0 + 4 * HOUR);
    expect(smtp.mails).toHaveLength(3);
    expect(smtp.mails[2]!.asunto).toBe('[Atalaya] Resuelta: El servicio «Portal institucional» está caído.');
    expect(smtp.mails[2]!.texto).toContain('Se resolvió: El servicio «Portal institucional» está caído.');
    expect(smtp.mails[2]!.texto).toContain('Se resolvió el 10/03/2025 13:30; duró 3 h 32 min');
    const h = hook.hooks[2]!;
    expect(h.json.evento).toBe('resuelta');
    expect(h.json.alerta).toMatchObject({ estado: 'resuelta', fin: new Date(T0 + 3 * HOUR + 30 * MIN).toISOString() });
    expect(await countActive('portal')).toBe(0);
    expect((await listAlerts(wh, admin, { estado: 'resuelta' }, {})).map((a) => a.sujeto)).toEqual(['portal']);
    // A new outage of the same subject is a new alert.
    const again = await evaluate(wh, rule, [caido('portal', 'Portal institucional')], { ahora: T0 + 5 * HOUR });
    expect(again.disparadas).toHaveLength(1);
    expect(again.disparadas[0]).not.toBe(r.resueltas[0]);
    await evaluate(wh, rule, [], { ahora: T0 + 5 * HOUR + MIN });
    await send(T0 + 6 * HOUR);
  });
});

describe('silencios y mantenimiento', () => {
  const T1 = T0 + 24 * HOUR;

  it('un silencio retiene los avisos pero la alerta queda registrada; no hay avalancha al terminar', async () => {
    const mails = smtp.mails.length;
    const hooks = hook.hooks.length;
    await createSilence(wh, { regla: rule.id, sujeto: 'correo', desde: new Date(T1).toISOString(), hasta: new Date(T1 + 3 * HOUR).toISOString(), motivo: 'Migración del correo' }, 'admin');
    await createSilence(wh, { sujeto: 'sij', desde: new Date(T1).toISOString(), hasta: new Date(T1 + 3 * HOUR).toISOString(), motivo: 'Pruebas del SIJ' }, 'admin');
    const obs = [caido('correo', 'Correo institucional'), caido('sij', 'Sistema de Información Jurídica')];
    const r = await evaluate(wh, rule, obs, { ahora: T1 + MIN });
    expect(r.disparadas).toHaveLength(2);
    expect(r).toMatchObject({ avisos: 0, retenidos: 4 });
    expect((await listAlerts(wh, admin, { estado: 'activa' }, {})).map((a) => a.sujeto).sort()).toEqual(['correo', 'sij']);
    const held = await wh.all<{ estado: string; motivo: string }>(`SELECT DISTINCT estado, motivo FROM app.alertas_avisos WHERE estado = 'retenido' ORDER BY motivo`);
    expect(held.map((h) => h.motivo)).toEqual([expect.stringMatching(/^Silenciada \(silencio #\d+: Migración del correo\)$/), expect.stringMatching(/Pruebas del SIJ/)]);
    // Reminders due inside the silence are held too (recordatorio_horas = 2).
    await evaluate(wh, rule, obs, { ahora: T1 + 2 * HOUR + 30 * MIN });
    // «sij» resolves inside the silence: no one was told it fired, so its resolution is silent too.
    await evaluate(wh, rule, [obs[0]!], { ahora: T1 + 2 * HOUR + 40 * MIN });
    await send(T1 + 2 * HOUR + 50 * MIN);
    expect(smtp.mails.length).toBe(mails);
    expect(hook.hooks.length).toBe(hooks);
    // The silence ends with «correo» still down: ONE firing goes out, not the held reminders.
    const after = await evaluate(wh, rule, [obs[0]!], { ahora: T1 + 3 * HOUR + MIN });
    expect(after).toMatchObject({ disparadas: [r.disparadas[0]], recordatorios: [], avisos: 2 });
    await send(T1 + 3 * HOUR + 2 * MIN);
    expect(smtp.mails.length).toBe(mails + 1);
    expect(hook.hooks.length).toBe(hooks + 1);
    expect(hook.hooks.at(-1)!.json).toMatchObject({ evento: 'disparada', alerta: { sujeto: 'correo', estado: 'activa' } });
    // From then on it behaves as any announced alert: its resolution is sent.
    await evaluate(wh, rule, [], { ahora: T1 + 4 * HOUR });
    await send(T1 + 4 * HOUR + MIN);
    expect(hook.hooks.at(-1)!.json).toMatchObject({ evento: 'resuelta', alerta: { sujeto: 'correo' } });
  });

  it('un sujeto en mantenimiento registra la alerta y retiene sus avisos', async () => {
    const T2 = T1 + 10 * HOUR;
    const hooks = hook.hooks.length;
    const r = await evaluate(wh, rule, [caido('prep', 'PREP', { mantenimiento: true })], { ahora: T2 });
    expect(r).toMatchObject({ avisos: 0, retenidos: 2 });
    expect(await countActive('prep')).toBe(1);
    await send(T2 + 5 * MIN);
    expect(hook.hooks.length).toBe(hooks);
    // The window ends and it is still down: announced once.
    expect((await evaluate(wh, rule, [caido('prep', 'PREP')], { ahora: T2 + HOUR })).avisos).toBe(2);
    await send(T2 + HOUR + MIN);
    await evaluate(wh, rule, [], { ahora: T2 + 2 * HOUR });
    await send(T2 + 3 * HOUR);
    expect(hook.hooks.slice(hooks).map((h) => h.json.evento)).toEqual(['disparada', 'resuelta']);
  });
});

describe('sin avalanchas', () => {
  it('un sujeto intermitente dentro de un minuto manda un solo aviso agrupado por canal', async () => {
    const T3 = T0 + 72 * HOUR;
    const mails = smtp.mails.length;
    const hooks = hook.hooks.length;
    const flap = [true, false, true, false, true];
    for (const [i, down] of flap.entries()) {
      await evaluate(wh, rule, down ? [caido('intranet', 'Intranet')] : [], { ahora: T3 + i * 10_000 });
    }
    expect((await send(T3 + 45_000)).mensajes).toBe(0);
    const d = await send(T3 + MIN);
    expect(d).toMatchObject({ mensajes: 2, avisos_enviados: 10 });
    expect(smtp.mails.length).toBe(mails + 1);
    expect(hook.hooks.length).toBe(hooks + 1);
    const m = smtp.mails.at(-1)!;
    expect(m.asunto).toBe('[Atalaya] 5 avisos de alertas (3 disparadas, 2 resueltas)');
    expect(m.texto.match(/■ /g)).toHaveLength(5);
    const h = hook.hooks.at(-1)!.json;
    expect(h.eventos.map((e) => e.evento)).toEqual(['disparada', 'resuelta', 'disparada', 'resuelta', 'disparada']);
    // The top level carries the latest state.
    expect(h).toMatchObject({ evento: 'disparada', alerta: { sujeto: 'intranet', estado: 'activa' } });
    expect(h.texto).toMatch(/^5 avisos de alertas \(3 disparadas, 2 resueltas\):/);
    await evaluate(wh, rule, [], { ahora: T3 + 2 * MIN });
    await send(T3 + 4 * MIN);
  });

  it('una sola alerta activa por regla y sujeto aunque se evalúe en paralelo', async () => {
    const T4 = T0 + 96 * HOUR;
    const results = await Promise.all(Array.from({ length: 8 }, () => evaluate(wh, rule, [caido('dns', 'DNS')], { ahora: T4 })));
    expect(results.flatMap((r) => r.disparadas)).toHaveLength(1);
    expect(results.reduce((n, r) => n + r.avisos, 0)).toBe(2);
    expect(await countActive('dns')).toBe(1);

    // The model enforces it for any writer: two transactions on their own connections, both inserting.
    const [c1, c2] = [await wh.connect(), await wh.connect()];
    const insert = `INSERT INTO app.alertas (regla_id, tipo, sujeto, dominio, severidad, estado, clave_activa, inicio, mensaje, enlace, anunciada, ultimo_aviso, creada_en)
      VALUES (${rule.id}, 'servicio_caido', 'ntp', 'disponibilidad', 'critica', 'activa', '${rule.id}|ntp', now(), 'x', '/', true, now(), now())`;
    await c1.run('BEGIN');
    await c2.run('BEGIN');
    const outcomes = await Promise.allSettled([
      (async () => { await c1.run(insert); await c1.run('COMMIT'); })(),
      (async () => { await c2.run(insert); await c2.run('COMMIT'); })(),
    ]);
    for (const c of [c1, c2]) await c.run('ROLLBACK').catch(() => undefined);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await countActive('ntp')).toBe(1);
    await expect(wh.exec(insert)).rejects.toThrow(/Duplicate key|constraint/i);
  });
});
