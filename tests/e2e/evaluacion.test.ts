import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserEnv } from '../helpers/browser.js';
import { dropPlanning } from '../metas/fixture.js';
import { runAndWait } from '../helpers/client.js';
import { pdfContains } from '../metas/pdf-text.js';

/**
 * The whole quarterly cycle in Chromium on the hand-built Q1 2026 (tests/metas/fixture.ts): UTP opens it; the
 * UTP area justifies its amber activity E404.19-3 and its red indicator U01 and sends them; UTP observes one, the
 * area fixes it, UTP approves both, moves the cycle to review and closes it; the PDF report carries the text.
 */
let utp: Page;
let area: Page;
// The refusals the test provokes (sending without justifying…) are logged by the browser itself.
const env = browserEnv({
  allowErrors: /status of (400|403|409)/,
  prepare: async ({ srv, admin, user, page }) => {
    dropPlanning(srv.dataDir);
    await runAndWait(admin, 'poa');
    await runAndWait(admin, 'indicadores');
    await user('ana.utp', 'utp');
    await user('luis.area', 'area', 'UTP');
    utp = await page({ usuario: 'ana.utp', context: { acceptDownloads: true } });
    area = await page({ usuario: 'luis.area' });
  },
});
const errors = env.errors;

const status = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 10_000 }).catch(async (e) => {
  console.log('DEBUG', await p.locator('main, body').first().innerText());
  throw e;
});

async function justificar(p: Page, clave: string, causa: string): Promise<void> {
  const art = p.locator(`section[aria-label="Resultados por justificar"] article[data-clave="${clave}"]`);
  await art.getByLabel('Causa').fill(causa);
  await art.getByLabel('Acción correctiva').fill('Se reprograma con apoyo de personal eventual');
  await art.getByLabel('Fecha compromiso').fill('15/05/2026');
  await art.getByRole('button', { name: 'Guardar justificación' }).click();
  await status(p, 'Justificación guardada como borrador.');
}

describe('Evaluación trimestral (end to end, Debian chromium)', () => {
  it('opens, justifies, observes, fixes, approves, closes and downloads the PDF with the justification', async () => {
    // UTP opens the cycle.
    await utp.goto(`${env.srv.url}/evaluacion`);
    await utp.getByRole('heading', { level: 1, name: 'Evaluación trimestral' }).waitFor();
    await utp.getByLabel('Ejercicio').fill('2026');
    await utp.getByLabel('Trimestre').selectOption('1');
    await utp.getByLabel('Fecha límite de captura').fill('20/04/2026');
    await utp.getByRole('button', { name: 'Abrir ciclo' }).click();
    await status(utp, 'Ciclo abierto.');

    // The area sees only its results; sending without justifying is refused with the reason.
    await area.goto(`${env.srv.url}/evaluacion`);
    const lista = area.locator('section[aria-label="Resultados por justificar"]');
    await lista.locator('article').first().waitFor();
    expect(await lista.locator('article').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-clave')))).toEqual(['E404.19|3', 'U01|2026-T1']);
    await area.getByRole('button', { name: 'Enviar a la UTP' }).click();
    await area.getByRole('alert').filter({ hasText: 'No se puede enviar: faltan 2 justificaciones' }).waitFor();
    await justificar(area, 'E404.19|3', 'Se retrasó la entrega por el proceso electoral');
    await justificar(area, 'U01|2026-T1', 'Faltó personal para publicar los informes');
    await area.getByRole('button', { name: 'Enviar a la UTP' }).click();
    await status(area, 'Resultados de UTP enviados a la UTP.');

    // UTP observes one and approves the other.
    await utp.reload();
    const cola = utp.locator('section[aria-label="Cola de revisión"]');
    await cola.locator('article').first().waitFor();
    await cola.locator('article[data-clave="E404.19|3"]').getByRole('textbox').fill('Precise qué entrega se retrasó');
    await cola.locator('article[data-clave="E404.19|3"]').getByRole('button', { name: '! Observar' }).click();
    await status(utp, 'Justificación observada; regresa al área.');
    await cola.locator('article[data-clave="U01|2026-T1"]').getByRole('button', { name: '✓ Aprobar' }).click();
    await status(utp, 'Justificación aprobada.');

    // The area sees the observation, fixes it and sends again.
    await area.reload();
    await area.getByRole('note').filter({ hasText: 'Precise qué entrega se retrasó' }).waitFor();
    await justificar(area, 'E404.19|3', 'Se retrasó la entrega del informe de marzo por el cómputo distrital');
    await area.getByRole('button', { name: 'Enviar a la UTP' }).click();
    await status(area, 'Resultados de UTP enviados a la UTP.');

    // UTP approves, moves to review and closes.
    await utp.reload();
    await cola.locator('article[data-clave="E404.19|3"]').getByRole('button', { name: '✓ Aprobar' }).click();
    await status(utp, 'Justificación aprobada.');
    await utp.getByRole('button', { name: 'Pasar a revisión' }).click();
    await status(utp, 'El ciclo pasó a revisión.');
    utp.once('dialog', (d) => void d.accept());
    await utp.getByRole('button', { name: 'Cerrar ciclo' }).click();
    await status(utp, 'Ciclo cerrado; cifras y justificaciones congeladas.');
    await expect.poll(() => utp.locator('[data-estado-ciclo]').innerText()).toBe('Cerrado');

    // The closed cycle no longer offers the capture form to the area.
    await area.reload();
    await area.locator('[data-estado-ciclo="cerrado"]').waitFor();
    expect(await area.getByRole('button', { name: 'Guardar justificación' }).count()).toBe(0);

    // The PDF report downloads and carries the justification text.
    const [download] = await Promise.all([utp.waitForEvent('download', { timeout: 60_000 }), utp.getByRole('link', { name: 'Reporte PDF' }).click()]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfContains(pdf, 'Se retrasó la entrega del informe de marzo por el cómputo distrital')).toBe(true);
    expect(pdfContains(pdf, 'Faltó personal para publicar los informes')).toBe(true);
    expect(pdfContains(pdf, 'Se retrasó la entrega por el proceso electoral')).toBe(false);
    expect(errors).toEqual([]);
  }, 120_000);
  it('Metas: summary by semáforo, drill-down to an activity with its chart, and an indicator’s ficha técnica', async () => {
    await utp.goto(`${env.srv.url}/metas?ejercicio=2026&trimestre=1`);
    await utp.locator('[data-kpi="actividades"]').waitFor();
    expect(await utp.locator('[data-kpi="actividades"]').innerText()).toBe('5');
    for (const [s, n] of [['verde', '1'], ['amarillo', '1'], ['rojo', '1'], ['rebasada', '1'], ['sin_meta', '1']]) {
      expect(await utp.locator(`[data-semaforo="${s}"] strong`).innerText()).toBe(n);
    }
    expect(await utp.locator('[data-semaforo="rebasada"] .badge').innerText()).toBe('▲ Rebasada');
    await utp.locator('#actividades tr.clickable', { hasText: 'Actividad 3 de UTP' }).click();
    await utp.getByRole('heading', { name: 'E404.19-3: Actividad 3 de UTP' }).waitFor();
    expect(new URL(utp.url()).searchParams.get('actividad')).toBe('E404.19|3');
    await utp.getByRole('heading', { name: 'Programado contra realizado por mes' }).waitFor();
    await utp.locator('#indicadores tr.clickable', { hasText: 'U01' }).click();
    await utp.getByRole('heading', { name: 'Ficha técnica: U01 · Informes publicados en plazo' }).waitFor();
    // The link reproduces the view.
    await utp.reload();
    await utp.getByRole('heading', { name: 'Ficha técnica: U01 · Informes publicados en plazo' }).waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});
