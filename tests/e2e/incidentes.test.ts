import fs from 'node:fs';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserEnv } from '../helpers/browser.js';

// The 400 of the invalid date and the 403 of the role changed mid-session are logged by the browser itself.
const env = browserEnv({ demo: true, allowErrors: /status of (400|403)/ });

describe('página Incidentes en chromium (datos de demostración)', () => {
  it('dibuja las gráficas, los indicadores y la tabla; un clic en una barra filtra la tabla desde la URL', async () => {
    const page = await env.page({ usuario: 'admin', context: { viewport: { width: 1400, height: 1000 }, acceptDownloads: true } });
    await page.goto(`${env.srv.url}/incidentes`);
    await page.getByRole('heading', { name: /Incidentes/ }).waitFor();

    // Four charts drawn on canvas.
    await page.waitForFunction(() => document.querySelectorAll('.echart[data-chart-ready="si"] canvas').length >= 4, null, { timeout: 30_000 });
    expect(await page.locator('.echart[data-chart-ready="si"]').count()).toBeGreaterThanOrEqual(4);
    // KPIs from a year of demo tickets.
    const abiertos = Number((await page.locator('[data-kpi="abiertos"]').innerText()).replace(/[^\d]/g, ''));
    expect(abiertos).toBeGreaterThan(1000);
    expect(await page.locator('[data-kpi="sla"]').innerText()).toMatch(/%/);
    // The table of tickets, and its CSV: the columns in Spanish and one line per row the table counts.
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(10);
    await page.locator('.table-tools .count', { hasText: /^Filas / }).waitFor();
    const filas = Number(/de ([\d,]+)$/.exec(await page.locator('.table-tools .count').innerText())![1]!.replace(/,/g, ''));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tickets_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split(/\r?\n/);
    expect(csv[0]).toBe('\ufeffTicket,Título,Estado,Prioridad,Categoría,Servicio,Área,Consejo,Técnico,Apertura,Asignación,Solución,Límite,Horas a solución,SLA');
    expect(csv.length - 1).toBe(filas);

    // Drill-down: the backlog-by-age chart is the second one; a click on its first category filters the table.
    const chart = page.locator('.echart').nth(1);
    await chart.scrollIntoViewIfNeeded();
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
    const page2 = await page.context().newPage();
    await page2.goto(u.toString());
    await page2.getByText(/Mostrando tickets pendientes/).waitFor();
    expect(env.errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe('estados de una consulta: cargando, vacío, error y sin permiso', () => {
  it('shows «Cargando…» while the figures are on their way, then the figures', async () => {
    const page = await env.page({ usuario: 'admin' });
    // Hold the summary's answer until the loading state has been seen, then let the real answer through.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/incidentes/resumen*', async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${env.srv.url}/incidentes`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Cargando…' }).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-kpi="abiertos"]').count()).toBe(0);
    release();
    await page.locator('[data-kpi="abiertos"]').waitFor();
    // Every loading state ends (the tickets' table has its own).
    await expect.poll(() => page.getByText('Cargando…').count(), { timeout: 30_000 }).toBe(0);
    await page.context().close();
  });

  it('a period without tickets says «Sin datos para este periodo.»', async () => {
    const page = await env.page({ usuario: 'admin' });
    await page.goto(`${env.srv.url}/incidentes?desde=2001-01-01&hasta=2001-01-31`);
    await page.getByText('Sin datos para este periodo.').first().waitFor();
    expect(await page.locator('[data-kpi]').count()).toBe(0);
    expect(await page.locator('.echart').count()).toBe(0);
    await page.context().close();
  });

  it('an API error shows its Spanish reason and «Reintentar», which asks again', async () => {
    const page = await env.page({ usuario: 'admin' });
    await page.goto(`${env.srv.url}/incidentes?desde=2025-02-30`);
    const alerta = page.getByRole('alert');
    await expect.poll(() => alerta.innerText()).toMatch(/^No se pudo cargar\. .*«desde».*fecha válida/);
    const pedidos: string[] = [];
    page.on('request', (r) => r.url().includes('/api/incidentes/resumen') && pedidos.push(r.url()));
    await alerta.getByRole('button', { name: 'Reintentar' }).click();
    await expect.poll(() => pedidos.length).toBeGreaterThan(0);
    await expect.poll(() => alerta.innerText()).toMatch(/^No se pudo cargar\./);
    await page.context().close();
  });

  it('a role that may not open the page sees «Sin permiso» and the roles that may, by name', async () => {
    await env.user('oficialia1', 'utoe');
    const page = await env.page({ usuario: 'oficialia1' });
    await page.goto(`${env.srv.url}/incidentes`);
    const aviso = page.locator('[data-sin-permiso]');
    await aviso.waitFor();
    expect(await aviso.getByRole('heading', { level: 1 }).innerText()).toContain('Sin permiso');
    const texto = await aviso.innerText();
    expect(texto).toContain('Su rol, UTOE — Oficialía Electoral, no puede abrir «Incidentes»');
    expect((await aviso.locator('li').allInnerTexts()).sort()).toEqual(['Administración', 'Dirección', 'UTSI — Servicios Informáticos']);
    // Not the page's frame with a failed load: no filters, no «No se pudo cargar».
    expect(await page.getByRole('heading', { name: /Incidentes de la mesa de ayuda/ }).count()).toBe(0);
    expect(await page.getByText('No se pudo cargar').count()).toBe(0);
    // The page of its own role opens.
    await page.goto(`${env.srv.url}/oficialia`);
    await page.getByRole('heading', { level: 1, name: 'Oficialía Electoral' }).waitFor();
    expect(await page.locator('[data-sin-permiso]').count()).toBe(0);
    await page.context().close();
  });

  it('a 403 from the API (the role changed while the page was open) turns into «Sin permiso» too', async () => {
    await env.user('mesa1', 'utsi');
    const page = await env.page({ usuario: 'mesa1' });
    await page.goto(`${env.srv.url}/incidentes`);
    await page.locator('[data-kpi="abiertos"]').waitFor();
    const r = await env.admin.fetch('/api/usuarios/mesa1', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rol: 'uts' }) });
    expect(r.status).toBe(200);
    // A new filter reads the figures again; the API now refuses them.
    await page.getByRole('combobox', { name: /^Prioridad/ }).selectOption('5');
    await page.waitForURL((u) => u.searchParams.get('prioridad') === '5');
    // The session is read again: the page says who may open it, naming the user's new role.
    const aviso = page.locator('[data-sin-permiso]').first();
    await expect.poll(() => aviso.innerText()).toContain('Su rol, UTS — Secretariado, no puede abrir «Incidentes»');
    expect((await aviso.locator('li').allInnerTexts()).sort()).toEqual(['Administración', 'Dirección', 'UTSI — Servicios Informáticos']);
    expect(await page.locator('[data-kpi="abiertos"]').count()).toBe(0);
    await page.context().close();
  });
});
