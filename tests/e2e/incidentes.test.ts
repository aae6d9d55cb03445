import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, loginPage } from '../helpers/browser.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer({ demo: true });
  browser = await launchBrowser();
}, 170_000);
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe('página Incidentes en chromium (datos de demostración)', () => {
  it('dibuja las gráficas, los indicadores y la tabla; un clic en una barra filtra la tabla desde la URL', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await loginPage(page, srv.url, 'admin', TEST_PASSWORD);
    await page.goto(`${srv.url}/incidentes`);
    await page.getByRole('heading', { name: /Incidentes/ }).waitFor();

    // Four charts drawn on canvas.
    await page.waitForFunction(() => document.querySelectorAll('.echart[data-chart-ready="si"] canvas').length >= 4, null, { timeout: 30_000 });
    expect(await page.locator('.echart[data-chart-ready="si"]').count()).toBeGreaterThanOrEqual(4);
    // KPIs from a year of demo tickets.
    const abiertos = Number((await page.locator('[data-kpi="abiertos"]').innerText()).replace(/[^\d]/g, ''));
    expect(abiertos).toBeGreaterThan(1000);
    expect(await page.locator('[data-kpi="sla"]').innerText()).toMatch(/%/);
    // The table of tickets.
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(10);
    await expect(page.getByRole('button', { name: 'Descargar CSV' })).toBeTruthy();

    // Drill-down: the backlog-by-age chart is the second one; a click on its first category filters the table.
    const chart = page.locator('.echart').nth(1);
    const box = (await chart.boundingBox())!;
    const before = page.url();
    // Bars sit over the category labels; click in the lower middle of the plot, above the axis, on each column until the URL changes.
    for (const fx of [0.12, 0.3, 0.5, 0.68, 0.86]) {
      await page.mouse.click(box.x + box.width * fx, box.y + box.height - 45);
      await page.waitForTimeout(300);
      if (page.url() !== before) break;
    }
    const u = new URL(page.url());
    expect(u.searchParams.get('conjunto')).toBe('backlog');
    expect(u.searchParams.get('edad')).toBeTruthy();
    await page.getByText(/Mostrando tickets pendientes/).waitFor();
    // The link reproduces the view.
    const page2 = await ctx.newPage();
    await page2.goto(u.toString());
    await page2.getByText(/Mostrando tickets pendientes/).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  }, 90_000);
});
