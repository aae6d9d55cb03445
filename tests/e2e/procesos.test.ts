import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserEnv, loginPage } from '../helpers/browser.js';
import { runNow } from '../helpers/client.js';
import { csv, ticket } from '../helpers/tickets.js';
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
    const runs = tickets.locator('tbody tr');
    await runs.first().waitFor({ timeout: 30_000 });
    // The demo's start-up run of tickets succeeded and loaded rows.
    const firstRun = runs.first();
    await expect.poll(() => firstRun.locator('.estado').innerText()).toBe('✓ Éxito');
    const loaded = Number((await firstRun.locator('td').nth(5).innerText()).replace(/[^\d]/g, ''));
    expect(loaded).toBeGreaterThan(1000);
    expect(Number(await firstRun.locator('td').nth(6).innerText())).toBe(3);
    // Every other pipeline that the demo ran is listed with its run.
    await expect.poll(() => page.locator('section[data-pipeline="cartografia"] tbody tr').count()).toBeGreaterThan(0);

    // How many runs the log holds in all (it shows a page of them).
    const total = (): Promise<number> => tickets.locator('.table-tools .count').getAttribute('data-total').then(Number);
    const before = await total();
    const firstId = Number(await firstRun.locator('td').first().innerText());
    await tickets.getByRole('button', { name: 'Ejecutar ahora' }).click();
    const aviso = page.getByRole('status').filter({ hasText: /Se inició la ejecución \d+ de «tickets»/ });
    await aviso.waitFor();
    const msg = await aviso.innerText();
    const newId = Number(/ejecución (\d+)/.exec(msg)![1]);
    expect(newId).toBeGreaterThan(firstId);
    await expect.poll(total, { timeout: 30_000 }).toBe(before + 1);
    await expect.poll(() => runs.first().locator('td').first().innerText()).toBe(String(newId));
    await expect.poll(() => runs.first().locator('.estado').innerText(), { timeout: 30_000 }).toBe('✓ Éxito');

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

  it('a run log longer than a page: 10 runs at a time, «Siguiente» shows the next ones, a header sorts on the server', async () => {
    // Twelve more runs of sesiones (its demo files were read at start-up: each run reads nothing and ends at once).
    for (let i = 0; i < 12; i++) await runNow(env.admin, 'sesiones');
    const all = await env.admin.json<Array<{ id: number }>>('/api/pipelines/sesiones/ejecuciones');
    expect(all.length).toBeGreaterThanOrEqual(13);
    const ids = all.map((r) => r.id); // newest first
    await page.goto(`${env.srv.url}/admin/procesos`);
    const card = page.locator('section[data-pipeline="sesiones"]');
    const rows = card.locator('tbody tr');
    const firstIds = async (): Promise<string[]> => (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent!.trim())));
    await expect.poll(firstIds, { timeout: 30_000 }).toEqual(ids.slice(0, 10).map(String));
    expect(await card.locator('.table-tools .count').innerText()).toBe(`Filas 1–10 de ${ids.length}`);
    await card.getByRole('button', { name: 'Siguiente' }).click();
    await expect.poll(firstIds).toEqual(ids.slice(10, 20).map(String));
    expect(await card.locator('.table-tools .count').innerText()).toBe(`Filas 11–${Math.min(20, ids.length)} de ${ids.length}`);
    // «#» sorts by id on the server, oldest first, from the first page.
    await card.getByRole('button', { name: '#' }).click();
    await expect.poll(firstIds).toEqual([...ids].reverse().slice(0, 10).map(String));
    expect(await card.locator('th[aria-sort="ascending"]').innerText()).toContain('#');
    expect(env.errors).toEqual([]);
  });

  it('a quarantine longer than a page: 100 rows at a time, «Siguiente» shows the next ones, a header sorts on the server', async () => {
    // One good ticket (spreadsheet row 2) and 150 with an estado GLPI does not have (rows 3 … 152), in a file whose
    // name sorts before the demo's: the newest run comes first, then file and row.
    const malos = Array.from({ length: 150 }, (_, i) => ticket(990_001 + i, { estado: 'escalado' }));
    const file = path.join(env.srv.dataDir, 'inbox', 'tickets', 'bloque_malo.csv');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, csv([ticket(990_000), ...malos]));
    // Dated a minute ago, so the loader does not wait for it to settle.
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.tmp`, past, past);
    fs.renameSync(`${file}.tmp`, file);
    const run = await runNow(env.admin, 'tickets');
    expect(run).toMatchObject({ estado: 'exito', filas_rechazadas: 150 });
    const r = await env.admin.fetch('/api/cuarentena?pipeline=tickets&limite=1');
    const total = Number(r.headers.get('x-total-count'));
    expect(total).toBeGreaterThanOrEqual(153); // the demo's 3 bad rows and these 150

    await page.goto(`${env.srv.url}/admin/procesos?proceso=tickets`);
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Cuarentena' }) });
    const rows = card.locator('tbody tr');
    // Archivo and Fila of each row shown.
    const shown = (): Promise<string[]> => rows.evaluateAll((trs) => trs.map((tr) => `${tr.children[2]!.textContent!.trim()}:${tr.children[4]!.textContent!.trim()}`));
    const esperadas = (desde: number, n: number): string[] => Array.from({ length: n }, (_, i) => `bloque_malo.csv:${desde + i}`);
    await expect.poll(shown, { timeout: 30_000 }).toEqual(esperadas(3, 100));
    expect(await card.locator('.table-tools .count').innerText()).toBe(`Filas 1–100 de ${total}`);
    expect(await rows.first().innerText()).toContain('escalado');
    await card.getByRole('button', { name: 'Siguiente' }).click();
    await expect.poll(async () => (await shown()).slice(0, 50)).toEqual(esperadas(103, 50));
    expect(await rows.count()).toBe(Math.min(100, total - 100));
    expect(await card.locator('.table-tools .count').innerText()).toBe(`Filas 101–${Math.min(200, total)} de ${total}`);

    // «Fila» sorts by row on the server from the first page, ascending then descending, as the API sorts them.
    const api = async (dir: string): Promise<string[]> =>
      (await env.admin.json<Array<{ archivo: string; fila: number | null }>>(`/api/cuarentena?pipeline=tickets&limite=100&orden=fila&dir=${dir}`))
        .map((q) => `${q.archivo}:${q.fila ?? '—'}`);
    const filas = async (): Promise<number[]> => (await shown()).map((t) => Number(t.split(':')[1]));
    await card.getByRole('button', { name: 'Fila' }).click();
    await expect.poll(shown).toEqual(await api('asc'));
    const asc = await filas();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(await card.locator('th[aria-sort="ascending"]').innerText()).toContain('Fila');
    expect(await card.locator('.table-tools .count').innerText()).toBe(`Filas 1–100 de ${total}`);
    await card.getByRole('button', { name: /^Fila/ }).click();
    await expect.poll(shown).toEqual(await api('desc'));
    const desc = await filas();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    // No more than a page is ever in the table.
    expect(await rows.count()).toBe(100);
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
