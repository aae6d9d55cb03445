import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserEnv } from '../helpers/browser.js';
import { startReceiver, startSmtp } from '../alertas/helpers.js';

/**
 * End to end (issue 13): a real server process probes a real local HTTP service; the service stops, and the
 * default rule `servicio_caido` sends the e-mail (a real SMTP server in this process) and the webhook (a real HTTP
 * receiver); the bell in chromium counts it and the Alertas page shows it; the service comes back and the
 * resolved notice arrives by both channels.
 */
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startReceiver>>;
let servicio: http.Server | null = null;
let port = 0;
const serverEnv: NodeJS.ProcessEnv = { ATALAYA_UPTIME_LOTE_MS: '200', ATALAYA_ALERTAS_INTERVALO_S: '1', ATALAYA_ALERTAS_AGRUPAR_S: '1', ATALAYA_SMTP_REMITENTE: 'atalaya@ople.test' };

const listen = async (p: number): Promise<number> => {
  servicio = http.createServer((_req, res) => res.end('Sistema en operación'));
  await new Promise<void>((r) => servicio!.listen(p, '127.0.0.1', () => r()));
  return (servicio.address() as AddressInfo).port;
};
const stop = async (): Promise<void> => {
  const s = servicio;
  servicio = null;
  if (!s) return;
  s.closeAllConnections();
  await new Promise<void>((r) => s.close(() => r()));
};

beforeAll(async () => {
  [smtp, hook] = await Promise.all([startSmtp(), startReceiver()]);
  // Read by browserEnv's beforeAll, which runs after this one.
  serverEnv.ATALAYA_SMTP_URL = smtp.url;
  port = await listen(0);
});
afterAll(async () => {
  await stop();
  await smtp?.close();
  await hook?.close();
});

/** Polls `cond` every 250 ms until it holds; fails naming `what` after `limitS` seconds. */
async function until(cond: () => boolean | Promise<boolean>, what: string, limitS = 120): Promise<void> {
  for (let i = 0; i < limitS * 4; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no ocurrió en ${limitS} s: ${what}`);
}

const env = browserEnv({
  env: serverEnv,
  // «Probar» against a failing receiver answers 502, which the browser logs itself.
  allowErrors: /status of 502/,
  prepare: async ({ admin }) => {
    const post = (route: string, body: unknown) => admin.fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/api/alertas/canales', { tipo: 'correo', nombre: 'Guardia UTSI', destino: 'guardia@ople.test' })).status).toBe(201);
    expect((await post('/api/alertas/canales', { tipo: 'webhook', nombre: 'Chat de guardia', destino: hook.url })).status).toBe(201);
    expect((await post('/api/disponibilidad/catalogo', { id: 'sistema-prueba', nombre: 'Sistema de prueba', tipo: 'http', destino: `http://127.0.0.1:${port}/salud`, intervalo_s: 10 })).status).toBe(201);
    await until(async () => (await admin.json<Array<{ ok: boolean }>>('/api/disponibilidad/servicios/sistema-prueba/verificaciones')).some((v) => v.ok), 'una verificación exitosa', 60);
  },
});

const hooksOf = (evento: string) => hook.hooks.filter((h) => h.json.evento === evento && h.raw.includes('Sistema de prueba'));
const mailsWith = (text: string) => smtp.mails.filter((m) => m.para.includes('guardia@ople.test') && m.texto.includes(text));

describe('alertas de punta a punta', () => {
  it('el servicio cae: correo, webhook «disparada», la campana y la página de alertas; vuelve: «resuelta» por ambos canales', async () => {
    await stop();
    await until(() => hooksOf('disparada').length > 0, 'el webhook «disparada»');
    await until(() => mailsWith('El servicio «Sistema de prueba» está caído').length > 0, 'el correo de la caída');
    const [disparada] = hooksOf('disparada');
    expect(disparada!.json.alerta).toMatchObject({ tipo: 'servicio_caido', sujeto: 'sistema-prueba', estado: 'activa' });
    expect(disparada!.json.texto).toContain('El servicio «Sistema de prueba» está caído');

    const page = await env.page({ usuario: 'admin' });
    await page.goto(`${env.srv.url}/`);
    const campana = page.locator('a.campana');
    await expect.poll(async () => Number(await campana.getAttribute('data-no-leidas')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await campana.getAttribute('aria-label')).toMatch(/^Alertas: \d+ sin ver$/);
    await campana.click();
    await page.waitForURL((u) => u.pathname === '/alertas');
    await page.getByText('El servicio «Sistema de prueba» está caído').first().waitFor();
    // Opening the page marks them seen: the bell goes back to zero.
    await expect.poll(async () => campana.getAttribute('aria-label'), { timeout: 15_000 }).toBe('Alertas: ninguna sin ver');

    await listen(port);
    await until(() => hooksOf('resuelta').length > 0, 'el webhook «resuelta»');
    await until(() => mailsWith('volvió a responder').length > 0, 'el correo de la resolución');
    const res = await env.admin.json<Array<{ sujeto: string; fin: string | null }>>('/api/alertas?estado=resuelta');
    expect(res.find((a) => a.sujeto === 'sistema-prueba')?.fin).not.toBeNull();
    expect(env.errors).toEqual([]);
  }, 400_000);
});

describe('Administración → Alertas en chromium', () => {
  it('«Probar» informa la entrega; un canal que falla muestra su último error; una regla se pausa', async () => {
    const page = await env.page({ usuario: 'admin' });
    await page.goto(`${env.srv.url}/admin/alertas`);
    const fila = page.locator('tr', { hasText: 'Chat de guardia' });
    await fila.getByRole('button', { name: 'Probar' }).click();
    await page.getByText('El canal «Chat de guardia» recibió el aviso de prueba.').waitFor();
    await fila.getByText('✓ Funciona').waitFor();

    hook.answer.status = 503;
    try {
      await fila.getByRole('button', { name: 'Probar' }).click();
      await page.getByRole('alert').filter({ hasText: 'No se pudo entregar el aviso de prueba' }).waitFor();
      await fila.getByText(/✕ Fallando \(1\): .*503/).waitFor();
    } finally {
      hook.answer.status = 200;
    }

    const regla = page.locator('tr', { hasText: 'Fuente vencida' });
    await regla.getByRole('button', { name: 'Pausar' }).click();
    await page.getByText(/La regla \d+ quedó en pausa/).waitFor();
    await regla.getByRole('button', { name: 'Reanudar' }).waitFor();
    const reglas = await env.admin.json<Array<{ tipo: string; activa: boolean }>>('/api/alertas/reglas');
    expect(reglas.find((r) => r.tipo === 'fuente_vencida')?.activa).toBe(false);
  }, 120_000);
});
