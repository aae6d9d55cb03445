import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateOdes } from '../../pipelines/odes/demo.js';
import { loadConfig } from '../../src/config/index.js';
import { browserEnv, loginPage } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { dropFixture, HASTA } from '../odes/fixture.js';
import { runAndWait } from '../helpers/client.js';

let page: Page;
const env = browserEnv({
  prepare: async ({ srv, admin }) => {
    // The cartography from ../shared/data/geo and the ODES demo files, loaded through the real pipelines.
    await runAndWait(admin, 'cartografia');
    await generateOdes({
      dataDir: srv.dataDir, inbox: (p) => path.join(srv.dataDir, 'inbox', p), seed: 2026, scale: 1, today: '2026-03-15',
      geoDir: loadConfig().geoDir, publicUrl: srv.url,
    });
    await runAndWait(admin, 'odes');
    page = await env.page({ usuario: 'admin', context: { viewport: { width: 1280, height: 900 } } });
  },
});

describe('ODES en el navegador', () => {
  it('the map draws the 212 municipal areas and the 30 district seats', async () => {
    await page.goto(`${env.srv.url}/odes?proceso=PELO_2024_2025`);
    const mapa = page.locator('.mapa');
    await mapa.waitFor();
    await page.locator('.mapa [data-chart-ready="si"]').waitFor();
    expect(await mapa.getAttribute('data-areas')).toBe('212');
    expect(await mapa.getAttribute('data-sedes')).toBe('30');
    expect(Number(await mapa.getAttribute('data-areas-con-datos'))).toBe(212);
    // The legend speaks in words and symbols, with the configured threshold.
    await expect.poll(() => page.locator('.leyenda').textContent()).toContain('✕ Rojo, bajo desempeño: < 70');
    expect(await page.locator('.leyenda').textContent()).toContain('— Sin información');
  });

  it('clicking a municipality opens its council page', async () => {
    // Find the screen position of a weak council's municipality through the ECharts instance, then click there.
    const weakest = (await env.admin.json<Array<{ clave_odes: string; municipio_cvegeo: string }>>('/api/odes/cumplimiento?proceso=PELO_2024_2025&hasta=2026-03-15'))[0]!;
    const point = await page.evaluate((cvegeo) => {
      const el = document.querySelector('.mapa') as unknown as { odesPixel?: (c: string) => number[] | null };
      return el.odesPixel?.(cvegeo) ?? null;
    }, weakest.municipio_cvegeo);
    expect(point).not.toBeNull();
    const box = (await page.locator('.mapa .echart').boundingBox())!;
    await page.mouse.move(box.x + point![0]!, box.y + point![1]!);
    await page.mouse.click(box.x + point![0]!, box.y + point![1]!);
    await page.waitForURL((u) => u.pathname === `/odes/${weakest.clave_odes}`);
    await page.locator('[data-indice]').waitFor();
    expect(await page.locator('h1').textContent()).toContain(weakest.clave_odes);
    // The rows behind the components and the links to other units' pages.
    expect(await page.locator('a[href^="/incidentes?clave_odes="]').getAttribute('href')).toBe(`/incidentes?clave_odes=${weakest.clave_odes}`);
    expect(await page.locator('a[href^="/oficialia?organo="]').getAttribute('href')).toBe(`/oficialia?organo=${weakest.clave_odes}`);
    expect(await page.locator('section#estrados').textContent()).toContain('Estrados');
  });

  it('the URL of a filtered view restores it', async () => {
    await page.goto(`${env.srv.url}/odes`);
    await page.locator('.mapa [data-chart-ready="si"]').waitFor();
    await page.getByLabel('Proceso').selectOption('PELO_2023_2024');
    await page.waitForURL((u) => u.searchParams.get('proceso') === 'PELO_2023_2024');
    await page.getByLabel('Tipo de consejo').selectOption('distrital');
    await page.waitForURL((u) => u.searchParams.get('tipo') === 'distrital');
    await page.getByLabel('Colorear por').selectOption('estrados');
    await page.waitForURL((u) => u.searchParams.get('componente') === 'estrados');
    const url = page.url();
    // A fresh page with that link shows the same view.
    const other = await page.context().newPage();
    await other.goto(url);
    await other.locator('.mapa [data-chart-ready="si"]').waitFor();
    expect(await other.getByLabel('Proceso').inputValue()).toBe('PELO_2023_2024');
    expect(await other.getByLabel('Tipo de consejo').inputValue()).toBe('distrital');
    expect(await other.getByLabel('Colorear por').inputValue()).toBe('estrados');
    const mapa = other.locator('.mapa');
    expect(await mapa.getAttribute('data-sedes')).toBe('30');
    expect(await mapa.getAttribute('data-areas-con-datos')).toBe('0');
    expect(await other.locator('.mapa h3').textContent()).toContain('Estrados');
    await other.close();
    // The back button returns to the previous filter.
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('componente') === null && u.searchParams.get('tipo') === 'distrital');
  });

  it('the map works at phone width without horizontal scrolling', async () => {
    const phone = await env.page({ usuario: 'admin', context: { viewport: { width: 390, height: 844 } } });
    await phone.goto(`${env.srv.url}/odes?proceso=PELO_2024_2025`);
    await phone.locator('.mapa [data-chart-ready="si"]').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    expect((await phone.locator('.mapa .echart').boundingBox())!.width).toBeGreaterThan(300);
    await phone.context().close();
  });

  it('the ranking lists the councils from the weakest, 100 at a time, sorted on the server', async () => {
    const base = '/api/odes/cumplimiento?proceso=PELO_2024_2025&hasta=2026-03-15';
    const all = await env.admin.json<Array<{ clave_odes: string; posicion: number; bajo_desempeno: boolean }>>(base);
    expect(all).toHaveLength(212);
    await page.goto(`${env.srv.url}/odes/ranking?proceso=PELO_2024_2025&hasta=2026-03-15`);
    // Each row as «posición clave».
    const filas = (): Promise<string[]> => page.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => {
      const td = tr.querySelectorAll('td');
      return `${td[0]!.textContent!.trim()} ${td[1]!.textContent!.trim()}`;
    }));
    const esperadas = (rows: typeof all): string[] => rows.map((r) => `${r.posicion} ${r.clave_odes}`);
    await expect.poll(filas, { timeout: 30_000 }).toEqual(esperadas(all.slice(0, 100)));
    expect(await page.locator('.table-tools .count').textContent()).toBe('Filas 1–100 de 212');
    // The count under the threshold is over all 212 councils, not over the page's.
    await expect.poll(() => page.locator('[data-bajos]').getAttribute('data-bajos')).toBe(String(all.filter((r) => r.bajo_desempeno).length));
    // The page's other reads (the trend chart) done: nothing of the first load lands after the click.
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect.poll(filas).toEqual(esperadas(all.slice(100, 200)));
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect.poll(filas).toEqual(esperadas(all.slice(200)));
    expect(await page.locator('.table-tools .count').textContent()).toBe('Filas 201–212 de 212');
    // «Consejo» sorts by key on the server from the first page, then the other way; a row keeps its place in the ranking.
    await page.getByRole('button', { name: 'Consejo', exact: true }).click();
    const porClave = await env.admin.json<typeof all>(`${base}&orden=clave_odes&limite=100`);
    expect(porClave[0]!.clave_odes).toBe('M001');
    await expect.poll(filas).toEqual(esperadas(porClave));
    await page.getByRole('button', { name: /^Consejo/ }).click();
    await expect.poll(filas).toEqual(esperadas(await env.admin.json<typeof all>(`${base}&orden=clave_odes&dir=desc&limite=100`)));

    await page.goto(`${env.srv.url}/odes/ranking?proceso=PELO_2024_2025&hasta=2026-03-15`);
    await page.locator('table tbody tr').first().waitFor();
    const first = await page.locator('table tbody tr').first().locator('td').nth(1).textContent();
    const weakest = all[0]!;
    expect(first?.trim()).toBe(weakest.clave_odes);
    // With the keyboard alone: a row takes the focus and Enter opens its council.
    await page.locator('table tbody tr').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/odes/${weakest.clave_odes}`);
    await page.locator('[data-indice]').waitFor();
  });
});

describe('ODES sin cartografía', () => {
  it('the map says how to import it and the ranking still works', async () => {
    const bare = await startTestServer();
    try {
      const c = bare.client();
      expect((await c.login()).status).toBe(200);
      dropFixture(bare.dataDir);
      await runAndWait(c, 'odes');
      const p = await env.page();
      await loginPage(p, bare.url, 'admin');
      await p.goto(`${bare.url}/odes?hasta=${HASTA}`);
      const aviso = p.locator('.aviso');
      await aviso.waitFor();
      expect(await aviso.textContent()).toContain('No hay cartografía cargada');
      expect(await aviso.textContent()).toContain('atalaya import cartografia <archivo>');
      expect(await aviso.locator('a[href="/admin/cartografia"]').count()).toBe(1);
      // The weakest councils beside the map and the ranking work without cartography.
      await expect.poll(() => p.locator('.debiles li').count()).toBe(3);
      await p.goto(`${bare.url}/odes/ranking?hasta=${HASTA}`);
      await p.locator('table tbody tr').first().waitFor();
      expect(await p.locator('table tbody tr').count()).toBe(4);
      expect((await p.locator('table tbody tr').first().textContent())).toContain('M003');
      await p.context().close();
      expect(env.errors).toEqual([]);
    } finally {
      await bare.stop();
    }
  });
});
