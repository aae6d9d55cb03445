import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserEnv, loginPage } from '../helpers/browser.js';
import { listBackups } from '../../src/backup/store.js';

let page: Page;
const env = browserEnv({ demo: true, prepare: async (e) => void (page = await e.page()) });

describe('Procesos de carga (end to end, built server with the demo, Debian chromium)', () => {
  it('log in through the login page; the demo runs are listed; "Ejecutar ahora" adds a run; the quarantine shows the bad rows', async () => {
    // Without a session the page sends the user to the login page.
    await page.goto(`${env.srv.url}/admin/procesos`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await loginPage(page, env.srv.url, 'admin');
    await page.goto(`${env.srv.url}/admin/procesos`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Procesos de carga' }).count()).toBe(1);

    const tickets = page.locator('section[data-pipeline="tickets"]');
    await tickets.locator('tr.run').first().waitFor({ timeout: 30_000 });
    // The demo's start-up run of tickets succeeded and loaded rows.
    const firstRun = tickets.locator('tr.run').first();
    await expect.poll(() => firstRun.locator('.estado').innerText()).toBe('✓ Éxito');
    const loaded = Number((await firstRun.locator('td').nth(5).innerText()).replace(/[^\d]/g, ''));
    expect(loaded).toBeGreaterThan(1000);
    expect(Number(await firstRun.locator('td').nth(6).innerText())).toBe(3);
    // Every other pipeline that the demo ran is listed with its run.
    expect(await page.locator('section[data-pipeline="cartografia"] tr.run').count()).toBeGreaterThan(0);

    const before = await tickets.locator('tr.run').count();
    const firstId = Number(await firstRun.locator('td').first().innerText());
    await tickets.getByRole('button', { name: 'Ejecutar ahora' }).click();
    const aviso = page.getByRole('status').filter({ hasText: /Se inició la ejecución \d+ de «tickets»/ });
    await aviso.waitFor();
    const msg = await aviso.innerText();
    const newId = Number(/ejecución (\d+)/.exec(msg)![1]);
    expect(newId).toBeGreaterThan(firstId);
    await expect.poll(() => tickets.locator('tr.run').count(), { timeout: 30_000 }).toBe(before + 1);
    await expect.poll(() => tickets.locator('tr.run').first().locator('td').first().innerText()).toBe(String(newId));
    await expect.poll(() => tickets.locator('tr.run').first().locator('.estado').innerText(), { timeout: 30_000 }).toBe('✓ Éxito');

    // Quarantine: filter to tickets; the demo's three bad rows are listed with file, row and field.
    await page.getByLabel('Proceso').selectOption('tickets');
    const table = page.locator('section.card', { has: page.getByRole('heading', { name: 'Cuarentena' }) });
    await expect.poll(() => table.getByText('escalado').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const text = await table.innerText();
    expect(text).toContain('tickets_export_reciente.csv');
    expect(text).toContain('fecha_apertura');
    expect(text).toContain('estado');
    expect(text).toMatch(/31\/02\/2026 10:00/);
    expect(env.errors).toEqual([]);
  });

  it('the backups card shows the newest backup, its size and age; "Crear respaldo ahora" adds one', async () => {
    // The first start takes a backup of its own in the background.
    await expect.poll(() => listBackups(env.srv.dataDir).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = listBackups(env.srv.dataDir).length;
    await page.goto(`${env.srv.url}/admin/procesos`);
    const card = page.locator('section.respaldos');
    await card.locator('.ultimo').waitFor({ timeout: 30_000 });
    const newest = listBackups(env.srv.dataDir).at(-1)!;
    expect(await card.locator('.ultimo').getAttribute('data-respaldo')).toBe(newest.nombre);
    const text = await card.locator('.ultimo').innerText();
    expect(text).toMatch(/Último: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(hace (un momento|\d+ min)\)/);
    expect(text).toMatch(/\d+(\.\d)? (KB|MB)/);
    expect(text).toContain('✓ Vigente');
    await card.getByRole('button', { name: 'Crear respaldo ahora' }).click();
    await card.getByRole('status').filter({ hasText: /Se creó el respaldo \d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}/ }).waitFor({ timeout: 30_000 });
    expect(listBackups(env.srv.dataDir).length).toBe(before + 1);
    await expect.poll(() => card.locator('.ultimo').getAttribute('data-respaldo')).toBe(listBackups(env.srv.dataDir).at(-1)!.nombre);
    expect(env.errors).toEqual([]);
  });
});
