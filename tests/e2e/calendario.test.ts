import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserEnv, loginPage } from '../helpers/browser.js';
import { runAndWait } from '../helpers/client.js';
import { dropCalendario, H, P } from '../calendario/fixture.js';
import { periodoPorOmision } from '../../src/domains/metas/queries/metas.js';

/**
 * The Calendario page in Chromium on the hand-built calendar of tests/calendario/fixture.ts (as of 10/03/2025:
 * fuera de plazo 2, en ejecución 8, cumplimiento 3 / 7 = 42.9 %; DEOE alone: fuera de plazo 1, en ejecución 2,
 * cumplimiento 0 %), as UTP and as a DEOE area user; dates typed dd/mm/aaaa reach the URL and the API as ISO.
 */
let utp: Page;
let deoe: Page;
const env = browserEnv({
  prepare: async ({ srv, admin, user, page }) => {
    dropCalendario(srv.dataDir);
    await runAndWait(admin, 'calendario');
    await user('ana.utp', 'utp');
    await user('eva.deoe', 'area', 'DEOE');
    // Straight to the calendar after login (their home is Metas, which this file opens last: no POA is loaded here).
    utp = await page({ context: { acceptDownloads: true } });
    await loginPage(utp, srv.url, 'ana.utp', undefined, '?siguiente=/calendario');
    deoe = await page();
    await loginPage(deoe, srv.url, 'eva.deoe', undefined, '?siguiente=/calendario');
  },
});

const kpi = (p: Page, id: string) => p.locator(`[data-kpi="${id}"]`);

describe('Calendario integral (end to end, Debian chromium)', () => {
  it('UTP sees the counts by state, the Gantt, late activities and an activity’s change history', async () => {
    await utp.goto(`${env.srv.url}/`);
    await utp.getByRole('link', { name: 'Calendario', exact: true }).click();
    await utp.getByRole('heading', { level: 1, name: 'Calendario integral del proceso electoral' }).waitFor();
    await utp.goto(`${env.srv.url}/calendario?proceso=${P}&hasta=${H}`);
    await expect.poll(() => kpi(utp, 'fuera_de_plazo').innerText()).toBe('2');
    expect(await kpi(utp, 'en_ejecucion').innerText()).toBe('8');
    expect(await kpi(utp, 'cumplimiento').innerText()).toBe('42.9 %');
    expect(await utp.locator('[data-semaforo="rojo"]').filter({ has: kpi(utp, 'cumplimiento') }).count()).toBe(1);
    await utp.locator('.echart[data-chart-ready="si"]').first().waitFor();
    expect(await utp.getByLabel('Fecha de corte').inputValue()).toBe('10/03/2025');

    // The late table, and a click on an activity opens its history (in the URL, so a link reproduces it).
    const tardias = utp.locator('section', { has: utp.getByRole('heading', { name: 'Fuera de plazo al 10/03/2025' }) });
    expect(await tardias.locator('tbody tr td:first-child').allInnerTexts()).toEqual(['1.6', '1.8']);
    await utp.locator('section', { has: utp.getByRole('heading', { name: /^Actividades/ }) }).locator('tbody tr', { hasText: 'Actividad 1.9' }).click();
    await utp.waitForURL((u) => u.searchParams.get('actividad') === '1.9');
    const h = utp.locator('[data-historial="1.9"]');
    await h.waitFor();
    expect(await h.innerText()).toMatch(/Original: 01\/02\/2025 – 10\/02\/2025\s*→\s*Actual: 10\/03\/2025 – 20\/03\/2025/);
    expect(await utp.getByRole('region', { name: 'Cambios de fechas de la actividad' }).locator('tbody tr td:first-child').allInnerTexts())
      .toEqual(['OPLEV/CG020/2025', 'OPLEV/CG031/2025']);
    expect(env.errors).toEqual([]);
  });

  it('a date typed dd/mm/aaaa goes to the URL and the API as aaaa-mm-dd', async () => {
    const input = utp.getByLabel('Fecha de corte');
    await input.fill('05/03/2026');
    const [req] = await Promise.all([
      utp.waitForRequest((r) => r.url().includes('/api/calendario/resumen')),
      input.press('Enter'),
    ]);
    expect(new URL(req.url()).searchParams.get('hasta')).toBe('2026-03-05');
    await utp.waitForURL((u) => u.searchParams.get('hasta') === '2026-03-05');
    // A year after the calendar's end: every activity not concluded is late (hand count in the fixture: 11).
    await expect.poll(() => kpi(utp, 'fuera_de_plazo').innerText()).toBe('11');
    expect(await input.inputValue()).toBe('05/03/2026');
    // A date that does not exist is refused where it was typed, and the URL stays.
    await input.fill('31/02/2026');
    await input.press('Enter');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(utp.url()).searchParams.get('hasta')).toBe('2026-03-05');
    expect(await input.evaluate((el) => (el as HTMLInputElement).validationMessage)).toBe('«31/02/2026» no es una fecha válida: escríbala como dd/mm/aaaa.');
    expect(env.errors).toEqual([]);
  });

  it('an area user sees only its own area, whatever the URL asks for', async () => {
    await deoe.goto(`${env.srv.url}/calendario?proceso=${P}&hasta=${H}&area=UTP`);
    await expect.poll(() => kpi(deoe, 'fuera_de_plazo').innerText()).toBe('1');
    expect(await kpi(deoe, 'en_ejecucion').innerText()).toBe('2');
    expect(await kpi(deoe, 'cumplimiento').innerText()).toBe('0 %');
    // No area filter for them: Proceso, Estado and Agrupar por only (UTP has the Área one too).
    expect(await deoe.locator('form.filters select').count()).toBe(3);
    expect(await utp.locator('form.filters select').count()).toBe(4);
    const filas = await deoe.locator('section', { has: deoe.getByRole('heading', { name: /^Actividades/ }) }).locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(new Set(filas)).toEqual(new Set(['DEOE']));
    expect(filas.length).toBe(4);
    expect(env.errors).toEqual([]);
  });

  it('without a POA loaded, UTP and an area user land on Metas and read what to do, not an error', async () => {
    const { ejercicio } = periodoPorOmision({});
    for (const [usuario, hacer] of [
      ['ana.utp', 'entregue a la administración de Atalaya (UTSI) el archivo de actividades del POA'],
      ['eva.deoe', 'Cuando la Unidad Técnica de Planeación lo cargue, aquí verá el avance de las actividades de su área.'],
    ] as const) {
      const p = await env.page();
      await loginPage(p, env.srv.url, usuario);
      expect(new URL(p.url()).pathname).toBe('/metas');
      const vacio = p.locator('p.vacio');
      await expect.poll(() => vacio.count(), { timeout: 15_000 }).toBe(1);
      expect(await vacio.innerText()).toContain(`Aún no hay un POA cargado para el ejercicio ${ejercicio}.`);
      expect(await vacio.innerText()).toContain(hacer);
      expect(await p.getByRole('alert').count()).toBe(0);
      await p.context().close();
    }
    expect(env.errors).toEqual([]);
  });
});
