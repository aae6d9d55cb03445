import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserEnv, loginPage } from '../helpers/browser.js';

let page: Page;
const env = browserEnv({ prepare: async (e) => void (page = await e.page({ context: { acceptDownloads: true } })) });
const consoleErrors = env.errors;

const loginVia = (next: string): Promise<void> => loginPage(page, env.srv.url, 'admin', undefined, `?siguiente=${next}`);

describe('security in the browser (built server, Debian chromium)', () => {
  it('after login, a «siguiente» that leaves the site goes home; one on the site is kept', async () => {
    await loginVia('/%5Cevil.example');
    expect(new URL(page.url()).origin).toBe(env.srv.url);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.context().clearCookies();
    await loginVia(encodeURIComponent('//evil.example/robar'));
    expect(new URL(page.url()).origin).toBe(env.srv.url);
    await page.context().clearCookies();
    await loginVia(encodeURIComponent('/admin/bitacora?usuario=admin'));
    expect(page.url()).toBe(`${env.srv.url}/admin/bitacora?usuario=admin`);
  });

  it('Bitácora: rows with Spanish actions, filters in the URL, empty and error states, CSV download', async () => {
    await page.goto(`${env.srv.url}/admin/bitacora`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Bitácora' }).count()).toBe(1);
    const table = page.locator('table');
    await expect.poll(() => table.getByText('Inicio de sesión').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await page.getByLabel('Acción').selectOption('sesion.iniciar');
    await page.waitForURL((u) => u.searchParams.get('accion') === 'sesion.iniciar');
    await expect.poll(async () => (await table.locator('tbody tr').allInnerTexts()).every((t) => t.includes('Inicio de sesión'))).toBe(true);

    // The back button restores the previous filter.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('accion'));

    const usuario = page.getByRole('searchbox', { name: 'Usuario' });
    await usuario.fill('nadie');
    await usuario.press('Enter');
    await usuario.blur();
    await page.waitForURL((u) => u.searchParams.get('usuario') === 'nadie');
    await expect.poll(() => page.getByText('Sin registros para estos filtros.').count()).toBe(1);

    const before = consoleErrors.length;
    await page.goto(`${env.srv.url}/admin/bitacora?desde=2025-02-30`);
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/No se pudo cargar\. El parámetro «desde» debe ser una fecha válida/);
    // The browser logs that 400 itself: expected here, and the only error this step may leave.
    expect(consoleErrors.splice(before).every((e) => /status of 400/.test(e))).toBe(true);

    await page.goto(`${env.srv.url}/admin/bitacora?accion=sesion`);
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bitacora_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('\ufeffFecha,Usuario,Acción,Objeto,Antes,Después,Dirección');
    expect(csv).toContain('sesion.iniciar');
  });

  it('Usuarios: an API token is shown once, listed as vigente, and revoked', async () => {
    await page.goto(`${env.srv.url}/admin/usuarios`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Tokens de API' }) });
    await section.getByLabel('Usuario').selectOption('admin');
    await section.getByLabel('Nombre').fill('tablero externo');
    await section.getByLabel('Vigencia (días)').fill('7');
    await section.getByRole('button', { name: 'Emitir token' }).click();
    const shown = section.getByRole('status');
    await expect.poll(() => shown.innerText()).toMatch(/Copie el token ahora; no se volverá a mostrar: atl_[\w-]{32}/);
    const token = /atl_[\w-]{32}/.exec(await shown.innerText())![0];
    expect((await fetch(`${env.srv.url}/api/auth/sesion`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const row = section.locator('tr', { hasText: 'tablero externo' });
    await expect.poll(() => row.innerText()).toMatch(/Vigente/);

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: /Revocar/ }).click();
    await expect.poll(() => row.innerText()).toMatch(/Revocado/);
    expect((await fetch(`${env.srv.url}/api/auth/sesion`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('the pages ran under their CSP without a single violation or console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
