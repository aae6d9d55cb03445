import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOdes } from '../../pipelines/odes/demo.js';
import { generateOficialia } from '../../pipelines/oficialia/demo.js';
import { generateSesiones } from '../../pipelines/sesiones/demo.js';
import { loadConfig } from '../../src/config/index.js';
import { todayMx } from '../../src/demo/index.js';
import { launchBrowser, loginPage } from '../helpers/browser.js';
import { startTestServer, TEST_PASSWORD, type Client, type TestServer } from '../helpers/server.js';

let srv: TestServer;
let admin: Client;
let browser: Browser;
let page: Page;

async function runAndWait(nombre: string): Promise<void> {
  const r = await admin.fetch(`/api/pipelines/${nombre}/ejecutar`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(r.status).toBe(202);
  const { id } = (await r.json()) as { id: number };
  for (;;) {
    const run = await admin.json<{ estado: string; error: string | null }>(`/api/pipelines/${nombre}/ejecuciones/${id}`);
    if (run.estado !== 'en_curso') {
      expect(run.error).toBeNull();
      return;
    }
    await new Promise((res) => setTimeout(res, 200));
  }
}

beforeAll(async () => {
  srv = await startTestServer();
  admin = srv.client();
  expect((await admin.login()).status).toBe(200);
  const ctx = {
    dataDir: srv.dataDir, inbox: (p: string) => path.join(srv.dataDir, 'inbox', p), seed: 2026, scale: 1, today: todayMx(),
    geoDir: loadConfig().geoDir, publicUrl: srv.url,
  };
  await generateOdes({ ...ctx, today: '2025-06-30' });
  await generateOficialia(ctx);
  await generateSesiones(ctx);
  for (const p of ['odes', 'oficialia', 'sesiones']) await runAndWait(p);
  const r = await admin.fetch('/api/usuarios', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ usuario: 'direccion1', password: TEST_PASSWORD, rol: 'direccion' }),
  });
  expect(r.status).toBe(201);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('Resumen en el navegador', () => {
  it('the server-rendered landing page says "Resumen"', async () => {
    const dir = srv.client();
    expect((await dir.login('direccion1', TEST_PASSWORD)).status).toBe(200);
    const html = await (await dir.fetch('/')).text();
    expect(html).toContain('Resumen');
  });

  it('the API answers for direccion and refuses a role without access', async () => {
    const dir = srv.client();
    await dir.login('direccion1', TEST_PASSWORD);
    const r = await dir.json<{ tarjetas: Array<{ id: string; estado: string }> }>('/api/resumen?periodo=trimestre');
    expect(r.tarjetas).toHaveLength(7);
    expect(r.tarjetas.find((t) => t.id === 'oficialia')!.estado).toBe('ok');
    expect((await dir.fetch('/api/resumen?periodo=semana')).status).toBe(400);
    await admin.fetch('/api/usuarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario: 'area1', password: TEST_PASSWORD, rol: 'area', area: 'DEA' }) });
    const area = srv.client();
    await area.login('area1', TEST_PASSWORD);
    expect((await area.fetch('/api/resumen')).status).toBe(403);
    expect((await area.fetch('/api/oficialia/resumen')).status).toBe(403);
  });

  it('a direccion user lands on Resumen; every card shows a value or "sin datos"', async () => {
    await loginPage(page, srv.url, 'direccion1', TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('[data-kpi]').first().waitFor();
    const cards = page.locator('[data-kpi]');
    expect(await cards.count()).toBe(7);
    for (let i = 0; i < 7; i++) {
      const v = (await cards.nth(i).locator('[data-valor]').textContent())!.trim();
      expect(v === 'sin datos' || /\d/.test(v), `tarjeta ${i}: «${v}»`).toBe(true);
    }
    // Petitions and sessions were loaded: their cards carry numbers and a semáforo word.
    expect(await page.locator('[data-kpi="oficialia"] [data-valor]').textContent()).toMatch(/\d/);
    expect(await page.locator('[data-kpi="sesiones"] .sem').textContent()).toMatch(/Verde|Amarillo|Rojo/);
  });

  it('the period selector lives in the URL', async () => {
    await page.getByRole('button', { name: 'Trimestre' }).click();
    await page.waitForURL((u) => u.searchParams.get('periodo') === 'trimestre');
    await expect.poll(() => page.locator('.muted').first().textContent()).toContain('últimos 90 días');
  });

  it('clicking the ODES card opens the ODES map with the same filter', async () => {
    const href = (await page.locator('[data-kpi="odes"]').getAttribute('href'))!;
    const want = new URL(href, srv.url);
    expect(want.pathname).toBe('/odes');
    expect(want.searchParams.get('proceso')).toMatch(/^PELO_/);
    await page.locator('[data-kpi="odes"]').click();
    await page.waitForURL((u) => u.pathname === '/odes');
    const got = new URL(page.url());
    expect(got.searchParams.get('proceso')).toBe(want.searchParams.get('proceso'));
    expect(got.searchParams.get('hasta')).toBe(want.searchParams.get('hasta'));
  });

  it('works at phone width without horizontal scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await loginPage(phone, srv.url, 'direccion1', TEST_PASSWORD);
    await phone.locator('[data-kpi]').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.close();
  });
});
