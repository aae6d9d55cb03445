import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateOdes } from '../../pipelines/odes/demo.js';
import { generateOficialia } from '../../pipelines/oficialia/demo.js';
import { generateSesiones } from '../../pipelines/sesiones/demo.js';
import { loadConfig } from '../../src/config/index.js';
import { addDays } from '../../src/core/time.js';
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

// The Oficialía and Sesiones pages over the same demo data: their long tables are read a page at a time from the API.
describe('tablas paginadas en el servidor: Oficialía y Sesiones', () => {
  const hasta = todayMx();
  const rango = `desde=${addDays(hasta, -364)}&hasta=${hasta}`;
  const fmt = (n: number): string => n.toLocaleString('es-MX');
  /** The API's page: its rows' keys (first column) and the total of its X-Total-Count. */
  async function pagina(ruta: string, clave: (r: Record<string, unknown>) => string): Promise<{ claves: string[]; total: number }> {
    const r = await env.admin.fetch(`${ruta}${ruta.includes('?') ? '&' : '?'}${rango}`);
    expect(r.status).toBe(200);
    return { claves: ((await r.json()) as Array<Record<string, unknown>>).map(clave), total: Number(r.headers.get('x-total-count')) };
  }
  /** The table's rows as keys: the text of the first `n` cells of each row. */
  const claves = (tabla: Locator, n = 1) => (): Promise<string[]> =>
    tabla.locator('tbody tr').evaluateAll((trs, k) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, k).map((td) => td.textContent!.trim()).join(' ')), n);
  const cuenta = (tabla: Locator): Promise<string> => tabla.locator('.table-tools .count').innerText();

  it('Oficialía: 100 petitions at a time, «Siguiente», a header sorts on the server, a filter in the URL counts again', async () => {
    const folio = (r: Record<string, unknown>): string => String(r.folio);
    const p1 = await pagina('/api/oficialia?limite=100', folio);
    expect(p1.total).toBeGreaterThan(200);
    const pg = await env.page({ usuario: 'admin', context: { viewport: { width: 1400, height: 900 } } });
    await pg.goto(`${env.srv.url}/oficialia?${rango}`);
    const tabla = pg.locator('section.card', { has: pg.getByRole('heading', { name: 'Peticiones', exact: true }) });
    await expect.poll(claves(tabla), { timeout: 30_000 }).toEqual(p1.claves);
    expect(p1.claves).toHaveLength(100);
    expect(await cuenta(tabla)).toBe(`Filas 1–100 de ${fmt(p1.total)}`);
    await tabla.getByRole('button', { name: 'Siguiente' }).click();
    await expect.poll(claves(tabla)).toEqual((await pagina('/api/oficialia?limite=100&desde_fila=100', folio)).claves);
    expect(await cuenta(tabla)).toBe(`Filas 101–200 de ${fmt(p1.total)}`);
    // A header sorts on the server from the first page: ascending, then descending.
    await tabla.getByRole('button', { name: 'Horas de atención' }).click();
    await expect.poll(claves(tabla)).toEqual((await pagina('/api/oficialia?limite=100&orden=horas_atencion&dir=asc', folio)).claves);
    await tabla.getByRole('button', { name: /^Horas de atención/ }).click();
    await expect.poll(claves(tabla)).toEqual((await pagina('/api/oficialia?limite=100&orden=horas_atencion&dir=desc', folio)).claves);
    expect(await tabla.locator('th[aria-sort="descending"]').innerText()).toContain('Horas de atención');
    // «Solo pendientes» goes into the URL; the table counts the pending petitions only.
    const pendientes = await pagina('/api/oficialia?limite=1&pendientes=1', folio);
    expect(pendientes.total).toBeLessThan(p1.total);
    await tabla.getByLabel('Solo pendientes').check();
    await pg.waitForURL((u) => u.searchParams.get('pendientes') === '1');
    await expect.poll(() => cuenta(tabla)).toMatch(new RegExp(`^Filas 1–\\d+ de ${fmt(pendientes.total)}$`));
    await pg.context().close();
    expect(env.errors).toEqual([]);
  });

  it('Sesiones: the sessions and the acuerdos a page at a time, sorted on the server', async () => {
    const sesion = (r: Record<string, unknown>): string => `${String(r.organo)} ${String(r.numero)}`;
    const clave = (r: Record<string, unknown>): string => String(r.clave);
    const s1 = await pagina('/api/sesiones?limite=100', sesion);
    const a1 = await pagina('/api/sesiones/acuerdos?limite=100', clave);
    expect(a1.total).toBeGreaterThan(100);
    const pg = await env.page({ usuario: 'admin', context: { viewport: { width: 1400, height: 900 } } });
    await pg.goto(`${env.srv.url}/sesiones?${rango}`);
    const sesiones = pg.locator('section.card', { has: pg.getByRole('heading', { name: 'Sesiones', exact: true }) });
    const acuerdos = pg.locator('section.card', { has: pg.getByRole('heading', { name: 'Acuerdos', exact: true }) });
    await expect.poll(claves(sesiones, 2), { timeout: 30_000 }).toEqual(s1.claves);
    expect(await cuenta(sesiones)).toBe(`Filas 1–${Math.min(100, s1.total)} de ${fmt(s1.total)}`);
    await sesiones.getByRole('button', { name: 'Anticipación' }).click();
    await expect.poll(claves(sesiones, 2)).toEqual((await pagina('/api/sesiones?limite=100&orden=horas_anticipacion&dir=asc', sesion)).claves);

    await expect.poll(claves(acuerdos)).toEqual(a1.claves);
    expect(await cuenta(acuerdos)).toBe(`Filas 1–100 de ${fmt(a1.total)}`);
    await acuerdos.getByRole('button', { name: 'Siguiente' }).click();
    await expect.poll(claves(acuerdos)).toEqual((await pagina('/api/sesiones/acuerdos?limite=100&desde_fila=100', clave)).claves);
    await acuerdos.getByRole('button', { name: 'Días' }).click();
    await expect.poll(claves(acuerdos)).toEqual((await pagina('/api/sesiones/acuerdos?limite=100&orden=dias_publicacion&dir=asc', clave)).claves);
    expect(await cuenta(acuerdos)).toBe(`Filas 1–100 de ${fmt(a1.total)}`);
    await pg.context().close();
    expect(env.errors).toEqual([]);
  });
});
