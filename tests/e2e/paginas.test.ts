import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserEnv } from '../helpers/browser.js';

/** Long tables paged on the server (issue 11): a page of rows at a time, «Anterior» / «Siguiente», sortable headers. */
const env = browserEnv({ demo: true });

/** «Filas 1–100 de 705» of the table inside `section` → [first, last, total]. */
async function rango(page: Page, section: string): Promise<[number, number, number]> {
  const count = page.locator(`${section} .table-tools .count`);
  await count.filter({ hasText: /^Filas / }).waitFor();
  const m = /^Filas ([\d,]+)–([\d,]+) de ([\d,]+)$/.exec((await count.innerText()).trim());
  expect(m, await count.innerText()).not.toBeNull();
  return [m![1]!, m![2]!, m![3]!].map((x) => Number(x.replace(/,/g, ''))) as [number, number, number];
}

async function pagina(page: Page, section: string, tamano: number): Promise<void> {
  const [a, b, total] = await rango(page, section);
  expect([a, b]).toEqual([1, Math.min(tamano, total)]);
  expect(total).toBeGreaterThan(tamano);
  // One page rendered, not every row.
  expect(await page.locator(`${section} table tbody tr`).count()).toBe(tamano);
  const primera = await page.locator(`${section} table tbody tr`).first().innerText();
  expect(await page.locator(`${section} button`, { hasText: 'Anterior' }).isDisabled()).toBe(true);
  await page.locator(`${section} button`, { hasText: 'Siguiente' }).click();
  await page.locator(`${section} .table-tools .count`, { hasText: `Filas ${(tamano + 1).toLocaleString('es-MX')}–` }).waitFor();
  expect(await rango(page, section)).toEqual([tamano + 1, Math.min(2 * tamano, total), total]);
  expect(await page.locator(`${section} table tbody tr`).first().innerText()).not.toBe(primera);
  await page.locator(`${section} button`, { hasText: 'Anterior' }).click();
  await page.locator(`${section} .table-tools .count`, { hasText: 'Filas 1–' }).waitFor();
  expect(await page.locator(`${section} table tbody tr`).first().innerText()).toBe(primera);
}

describe('tablas paginadas en chromium (datos de demostración)', () => {
  it('Metas: las actividades del POA llegan de cien en cien y se avanza a la página siguiente', async () => {
    const page = await env.page({ usuario: 'admin', context: { viewport: { width: 1400, height: 1000 } } });
    await page.goto(`${env.srv.url}/metas`);
    await page.locator('#actividades table tbody tr').first().waitFor({ timeout: 30_000 });
    await pagina(page, '#actividades', 100);
    // A header sorts on the server: by avance, then the other way round.
    await page.locator('#actividades th button', { hasText: 'Avance' }).click();
    await page.locator('#actividades th[aria-sort="ascending"]').waitFor();
    await page.locator('#actividades th button', { hasText: 'Avance' }).click();
    await page.locator('#actividades th[aria-sort="descending"]').waitFor();
    await page.locator('#actividades .table-tools .count', { hasText: 'Filas 1–' }).waitFor();
    expect(env.errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('Incidentes: los tickets llegan de cien en cien y se avanza a la página siguiente', async () => {
    const page = await env.page({ usuario: 'admin', context: { viewport: { width: 1400, height: 1000 } } });
    await page.goto(`${env.srv.url}/incidentes`);
    await page.locator('section.tabla table tbody tr').first().waitFor({ timeout: 30_000 });
    await pagina(page, 'section.tabla', 100);
    expect(env.errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
