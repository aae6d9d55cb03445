import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWarehouse } from '../helpers/warehouse.js';
import type { Warehouse } from '../../src/db/warehouse.js';
import { alertsConfig, createChannel, createTransports, startAlertsService, type AlertsService } from '../../src/domains/alertas/index.js';
import { MIN, startReceiver, startSmtp } from './helpers.js';

/*
 * The background pass as the server will run it: the default rules, the real servicio_caido evaluator over checks
 * in the warehouse, delivery to a real SMTP server and webhook receiver. The service's clock is injected and its
 * timer never fires during the test (a day); each tick() is one pass.
 */
const PUBLIC = 'https://atalaya.ople.test';
const T0 = Date.parse('2025-07-01T12:00:00-06:00');

let env: Awaited<ReturnType<typeof tempWarehouse>>;
let wh: Warehouse;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;
let service: AlertsService;
let now = T0;
const logs: string[] = [];

async function check(minute: number, ok: boolean): Promise<void> {
  await wh.exec(`INSERT INTO core.disp_verificaciones (servicio_id, ts, ok, error) VALUES ('sistema-prueba', $1::TIMESTAMPTZ, $2, $3::VARCHAR)`, [
    new Date(T0 + minute * MIN).toISOString(),
    ok,
    ok ? null : 'No se pudo conectar: conexión rechazada',
  ]);
}

beforeAll(async () => {
  env = await tempWarehouse('atalaya-alertas-servicio-');
  wh = env.wh;
  [smtp, hook] = await Promise.all([startSmtp(), startReceiver()]);
  await wh.exec(`INSERT INTO core.servicios (id, nombre, tipo, destino, intervalo_s, criticidad) VALUES ('sistema-prueba', 'Sistema de prueba de alertas', 'tcp', '127.0.0.1:9', 60, 'alta')`);
  await createChannel(wh, { tipo: 'correo', nombre: 'Guardia UTSI', destino: 'guardia@ople.test' }, 'admin');
  await createChannel(wh, { tipo: 'webhook', nombre: 'Chat de guardia', destino: hook.url }, 'admin');
  service = startAlertsService({
    wh,
    transports: createTransports(alertsConfig(PUBLIC, { ATALAYA_SMTP_URL: smtp.url, ATALAYA_SMTP_REMITENTE: 'atalaya@ople.test' })),
    publicUrl: PUBLIC,
    context: () => ({ fallosCaida: 2, fuentes: [] }),
    intervalMs: 86_400_000,
    now: () => now,
    log: (m) => logs.push(m),
  });
});
afterAll(async () => {
  await service?.stop();
  await Promise.all([smtp?.close(), hook?.close()]);
  env?.close();
});

describe('la pasada periódica', () => {
  it('un servicio cae: correo y webhook «disparada»; vuelve: «resuelta»', async () => {
    await check(0, true);
    await check(1, false);
    now = T0 + MIN + 5_000;
    await service.tick();
    expect(hook.hooks).toHaveLength(0); // one failure is not an outage
    await check(2, false);
    now = T0 + 2 * MIN + 5_000;
    const first = await service.tick();
    expect(first!.ciclo.resultados.flatMap((r) => r.disparadas)).toHaveLength(1);
    now = T0 + 3 * MIN + 5_000;
    await check(3, false);
    await service.tick();
    expect(hook.hooks.map((h) => h.json.evento)).toEqual(['disparada']);
    expect(hook.hooks[0]!.json.alerta).toMatchObject({ sujeto: 'sistema-prueba', inicio: new Date(T0 + MIN).toISOString() });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.texto).toContain('El servicio «Sistema de prueba de alertas» está caído desde el 01/07/2025 12:01. Primer error: No se pudo conectar: conexión rechazada');

    await check(4, true);
    now = T0 + 4 * MIN + 5_000;
    await service.tick();
    now = T0 + 5 * MIN + 10_000;
    await service.tick();
    expect(hook.hooks.map((h) => h.json.evento)).toEqual(['disparada', 'resuelta']);
    expect(smtp.mails.map((m) => m.asunto)).toEqual([
      '[Atalaya] Alerta crítica: El servicio «Sistema de prueba de alertas» está caído desde el 01/07/2025 12:01. Primer error: No se pudo conectar: conexión rechazada',
      '[Atalaya] Resuelta: El servicio «Sistema de prueba de alertas» volvió a responder (estaba caído desde el 01/07/2025 12:01).',
    ]);
    expect(smtp.mails[1]!.texto).toContain('Se resolvió el 01/07/2025 12:04; duró 3 min (desde el 01/07/2025 12:01).');
    expect(smtp.mails[1]!.texto).toContain('Alerta: El servicio «Sistema de prueba de alertas» está caído desde');
    expect(hook.hooks[1]!.json.texto).toMatch(/^Alerta resuelta \(duró 3 min\): El servicio «Sistema de prueba de alertas» volvió a responder/);
    // Every rule runs: none reported a failure (certificado_por_vencer reads the column migration 0610 added).
    expect(logs).toEqual([]);
  });

  it('dos pasadas pedidas a la vez son una sola', async () => {
    const [a, b] = [service.tick(), service.tick()];
    expect(a).toBe(b);
    await a;
  });
});
