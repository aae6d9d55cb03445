import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserEnv } from '../helpers/browser.js';
import { runAndWait } from '../helpers/client.js';

/** The monitored services: a real HTTP server in this process (the demo's endpoints exist only with the demo on). */
let servicios: http.Server;
let base = '';
beforeAll(async () => {
  servicios = http.createServer((req, res) => {
    if (req.url === '/portal') res.end('<!doctype html><p>OPLE Veracruz — portal en operación</p>');
    else if (req.url === '/prep') res.end('PREP operando: resultados preliminares disponibles');
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => servicios.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(servicios.address() as AddressInfo).port}`;
});
afterAll(() => {
  servicios?.close();
});

const env = browserEnv({
  env: { ATALAYA_UPTIME_LOTE_MS: '200' },
  prepare: async ({ admin }) => {
    const post = (route: string, body: unknown) => admin.fetch(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/api/disponibilidad/catalogo', { id: 'portal', nombre: 'Portal institucional', tipo: 'http', destino: `${base}/portal`, intervalo_s: 10, publico: true })).status).toBe(201);
    expect((await post('/api/disponibilidad/catalogo', { id: 'prep', nombre: 'PREP', tipo: 'http', destino: `${base}/prep`, intervalo_s: 10, publico: true })).status).toBe(201);
    expect((await post('/api/disponibilidad/catalogo', { id: 'vpn', nombre: 'Red de consejos (VPN)', tipo: 'tcp', destino: '{local}', intervalo_s: 10, publico: false })).status).toBe(201);
    // Wait for a first check of each, then roll up.
    for (let i = 0; ; i++) {
      const n = await Promise.all(['portal', 'prep', 'vpn'].map((id) => admin.json<unknown[]>(`/api/disponibilidad/servicios/${id}/verificaciones`)));
      if (n.every((x) => x.length >= 1)) break;
      if (i === 120) throw new Error('los servicios no se verificaron en 30 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    await runAndWait(admin, 'disponibilidad');
  },
});

describe('páginas de disponibilidad en chromium', () => {
  it('/estado abre sin sesión y lista solo los servicios públicos, sin direcciones', async () => {
    const page = await env.page();
    await page.goto(`${env.srv.url}/estado`);
    expect(new URL(page.url()).pathname).toBe('/estado');
    await page.locator('li.servicio').first().waitFor();
    const names = await page.locator('li.servicio h2').allTextContents();
    expect(names.sort()).toEqual(['PREP', 'Portal institucional']);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('VPN');
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('/api/publico/demo');
    expect(text).toContain('Operando');
    expect(await page.locator('li.servicio').first().locator('.barra').count()).toBe(90);
    const html = await page.locator('main').innerHTML();
    for (const secret of ['127.0.0.1', '/api/publico/demo', '{local}', 'VPN']) expect(html).not.toContain(secret);
    expect(env.errors).toEqual([]);
    await page.context().close();
  });

  it('/disponibilidad muestra estado, ventanas, barras diarias y latencia', async () => {
    const page = await env.page({ usuario: 'admin' });
    await page.goto(`${env.srv.url}/disponibilidad?servicio=prep`);
    await page.getByRole('heading', { name: 'Disponibilidad diaria — PREP' }).waitFor();
    await page.locator('[data-chart-ready="si"]').first().waitFor();
    expect(await page.locator('[data-chart-ready="si"]').count()).toBe(2);
    await expect(page.locator('table').first().innerText()).resolves.toContain('Red de consejos (VPN)');
    // Choosing another service puts it in the URL (a link reproduces the view).
    await page.locator('.filters select').first().selectOption('vpn');
    await page.waitForURL(/servicio=vpn/);
    await page.getByRole('heading', { name: 'Disponibilidad diaria — Red de consejos (VPN)' }).waitFor();
    await page.goto(`${env.srv.url}/admin/servicios`);
    await page.getByRole('heading', { name: 'Catálogo' }).waitFor();
    // The admin's catalogue shows each destination (the public page never does).
    expect(await page.locator('table').first().innerText()).toMatch(/http:\/\/127\.0\.0\.1:\d+\/prep/);
    expect(env.errors).toEqual([]);
    await page.context().close();
  });
  it('una ventana de mantenimiento se escribe dd/mm/aaaa y hh:mm (24 h) y llega a la API en ese instante', async () => {
    const page = await env.page({ usuario: 'admin' });
    await page.goto(`${env.srv.url}/admin/servicios`);
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Ventanas de mantenimiento' }) }).locator('form');
    await form.locator('select').selectOption('prep');
    const fechas = form.locator('input.fecha');
    const horas = form.locator('input.hora');
    await fechas.nth(0).fill('05/03/2026');
    await fechas.nth(0).press('Tab');
    await horas.nth(0).fill('22:30');
    await horas.nth(0).press('Tab');
    await fechas.nth(1).fill('06/03/2026');
    await fechas.nth(1).press('Tab');
    await horas.nth(1).fill('1:05');
    await horas.nth(1).press('Tab');
    expect(await horas.nth(1).inputValue()).toBe('01:05');
    const [req] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/disponibilidad/mantenimientos') && r.method() === 'POST'),
      form.getByRole('button', { name: 'Registrar' }).click(),
    ]);
    expect(req.postDataJSON()).toMatchObject({ servicio_id: 'prep', inicio: '2026-03-05T22:30', fin: '2026-03-06T01:05' });
    // A time that does not exist is refused where it was typed.
    await horas.nth(0).fill('24:10');
    await horas.nth(0).press('Tab');
    expect(await horas.nth(0).getAttribute('aria-invalid')).toBe('true');
    expect(env.errors).toEqual([]);
    await page.context().close();
  });
});
