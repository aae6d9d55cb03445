import { describe, expect, it } from 'vitest';
import { browserEnv } from '../helpers/browser.js';
import type { InformeArchivado, InformeMensual } from '../../src/domains/informes/types.js';

/**
 * Issue 13 items 5 and 6 in chromium, over the demo: UTSI posts a status incident on its page and the public
 * /estado shows it without a session; the Informe mensual is generated from its page (every section computed from
 * the demo's data) and downloaded; an area user manages its report subscriptions.
 */
const env = browserEnv({ demo: true });

describe('incidentes de /estado, informe mensual y reportes programados en chromium', () => {
  it('UTSI publica un incidente y lo actualiza; /estado lo muestra sin sesión con su historial', async () => {
    await env.user('luis.utsi', 'utsi');
    const page = await env.page({ usuario: 'luis.utsi' });
    await page.goto(`${env.srv.url}/admin/estado`);
    await page.locator('input[name="titulo"]').fill('Intermitencia en el portal institucional');
    await page.locator('select[name="impacto"]').selectOption('mayor');
    await page.locator('input[name="servicios"]').fill('Portal institucional');
    await page.locator('textarea[name="mensaje"]').fill('Investigamos tiempos de respuesta altos del portal.');
    await page.getByRole('button', { name: 'Publicar' }).click();
    const card = page.locator('section.incidente', { hasText: 'Intermitencia en el portal institucional' });
    await card.waitFor();
    await card.locator('select[name="nuevo-estado"]').selectOption('identificado');
    await card.locator('textarea[name="actualizacion"]').fill('Se identificó un disco lleno en el servidor web.');
    await card.getByRole('button', { name: 'Agregar actualización' }).click();
    await card.getByText('Se identificó un disco lleno').waitFor();
    await page.context().close();

    const anon = await env.page();
    await anon.goto(`${env.srv.url}/estado`);
    expect(new URL(anon.url()).pathname).toBe('/estado');
    const inc = anon.locator('li.incidente', { hasText: 'Intermitencia en el portal institucional' });
    await inc.waitFor();
    const text = await inc.innerText();
    expect(text).toContain('Causa identificada');
    expect(text).toContain('Se identificó un disco lleno en el servidor web.');
    expect(text).toContain('Investigamos tiempos de respuesta altos del portal.');
    expect(await anon.locator('body').innerText()).toContain('Incidentes en curso');
    expect(await anon.locator('body').innerText()).not.toContain('luis.utsi');
    await anon.context().close();
    expect(env.errors).toEqual([]);
  });

  it('la dirección genera el Informe mensual desde su página y lo descarga; cada sección se calculó', async () => {
    await env.user('sofia.dir', 'direccion');
    const page = await env.page({ usuario: 'sofia.dir' });
    await page.goto(`${env.srv.url}/informes`);
    await page.getByText('Aún no hay informes en el archivo.').waitFor();
    await page.getByRole('button', { name: 'Generar PDF' }).click();
    await page.getByText('ya está en el archivo').waitFor({ timeout: 60_000 });
    const [descarga] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar PDF' }).first().click()]);
    expect(descarga.suggestedFilename()).toMatch(/^informe_mensual_\d{4}_\d{2}\.pdf$/);
    await page.context().close();
    const [archivado] = await env.admin.json<InformeArchivado[]>('/api/informes');
    const datos = await env.admin.json<InformeMensual>(`/api/informes/${archivado!.id}`);
    expect(datos.secciones.map((s) => s.id)).toEqual(['metas', 'calendario', 'odes', 'incidentes', 'disponibilidad', 'oficialia', 'sesiones']);
    // Over the demo's data no section fails.
    expect(datos.secciones.filter((s) => s.error)).toEqual([]);
    expect(env.errors).toEqual([]);
  });

  it('un usuario de área se suscribe a lo que su rol puede abrir y lo pausa', async () => {
    await env.user('dea.area', 'area', 'DEA');
    const page = await env.page({ usuario: 'dea.area' });
    await page.goto(`${env.srv.url}/reportes`);
    // The options arrive with the page's data: wait for them rather than reading an empty list.
    const opciones = async (): Promise<string[]> => (await page.locator('select[name="reporte"] option').allTextContents()).filter((o) => o !== 'Elija…');
    await expect.poll(opciones, { timeout: 15_000 }).toEqual(['Metas del POA — actividades (XLSX)', 'Evaluación trimestral — reporte del ciclo (PDF o XLSX)']);
    await page.locator('select[name="reporte"]').selectOption('metas');
    await page.locator('select[name="frecuencia"]').selectOption('mensual');
    await page.locator('input[name="destino"]').fill('dea@oplever.org.mx');
    await page.getByRole('button', { name: 'Suscribirme' }).click();
    await page.getByText('Suscripción creada').waitFor();
    await page.getByRole('cell', { name: 'dea@oplever.org.mx' }).waitFor();
    await page.getByRole('button', { name: 'Pausar' }).click();
    await page.getByText('Suscripción en pausa.').waitFor();
    await page.getByRole('button', { name: 'Reanudar' }).waitFor();
    await page.context().close();
    expect(env.errors).toEqual([]);
  });
});
