import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateOdes } from '../../pipelines/odes/demo.js';
import { generateOficialia } from '../../pipelines/oficialia/demo.js';
import { generateSesiones } from '../../pipelines/sesiones/demo.js';
import { loadConfig } from '../../src/config/index.js';
import { todayMx } from '../../src/demo/index.js';
import { browserEnv } from '../helpers/browser.js';
import { TEST_PASSWORD } from '../helpers/server.js';
import { runAndWait } from '../helpers/client.js';

const env = browserEnv({
  prepare: async ({ srv, admin, user }) => {
    const ctx = {
      dataDir: srv.dataDir, inbox: (p: string) => path.join(srv.dataDir, 'inbox', p), seed: 2026, scale: 1, today: todayMx(),
      geoDir: loadConfig().geoDir, publicUrl: srv.url,
    };
    await generateOdes({ ...ctx, today: '2025-06-30' });
    await generateOficialia(ctx);
    await generateSesiones(ctx);
    for (const p of ['odes', 'oficialia', 'sesiones']) await runAndWait(admin, p);
    await user('direccion1', 'direccion');
  },
});
let page: Page;

describe('Resumen en el navegador', () => {
  it('the server-rendered landing page says "Resumen"', async () => {
    const dir = env.srv.client();
    expect((await dir.login('direccion1', TEST_PASSWORD)).status).toBe(200);
    const html = await (await dir.fetch('/')).text();
    expect(html).toContain('Resumen');
  });

  it('the API answers for direccion and refuses a role without access', async () => {
    const dir = env.srv.client();
    await dir.login('direccion1', TEST_PASSWORD);
    const r = await dir.json<{ tarjetas: Array<{ id: string; estado: string }> }>('/api/resumen?periodo=trimestre');
    expect(r.tarjetas).toHaveLength(8);
    expect(r.tarjetas.find((t) => t.id === 'oficialia')!.estado).toBe('ok');
    expect((await dir.fetch('/api/resumen?periodo=semana')).status).toBe(400);
    await env.user('area1', 'area', 'DEA');
    const area = env.srv.client();
    await area.login('area1', TEST_PASSWORD);
    expect((await area.fetch('/api/resumen')).status).toBe(403);
    expect((await area.fetch('/api/oficialia/resumen')).status).toBe(403);
  });

  it('a direccion user lands on Resumen; every card shows a value or "sin datos"', async () => {
    page = await env.page({ usuario: 'direccion1', context: { viewport: { width: 1280, height: 900 } } });
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('[data-kpi]').first().waitFor();
    const cards = page.locator('[data-kpi]');
    expect(await cards.count()).toBe(8);
    for (let i = 0; i < 8; i++) {
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
    await expect.poll(() => page.locator('[data-rango]').textContent(), { timeout: 20_000 }).toContain('últimos 90 días');
  });

  it('clicking the ODES card opens the ODES map with the same filter', async () => {
    const href = (await page.locator('[data-kpi="odes"]').getAttribute('href'))!;
    const want = new URL(href, env.srv.url);
    expect(want.pathname).toBe('/odes');
    expect(want.searchParams.get('proceso')).toMatch(/^PELO_/);
    await page.locator('[data-kpi="odes"]').click();
    await page.waitForURL((u) => u.pathname === '/odes');
    const got = new URL(page.url());
    expect(got.searchParams.get('proceso')).toBe(want.searchParams.get('proceso'));
    expect(got.searchParams.get('hasta')).toBe(want.searchParams.get('hasta'));
  });

  it('works at phone width without horizontal scrolling', async () => {
    const phone = await env.page({ usuario: 'direccion1', context: { viewport: { width: 390, height: 844 } } });
    await phone.locator('[data-kpi]').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.context().close();
    expect(env.errors).toEqual([]);
  });
});
