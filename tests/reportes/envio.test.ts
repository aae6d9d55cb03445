import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { runAndWait, send, userClient, type Client } from '../helpers/client.js';
import { dropPlanning } from '../metas/fixture.js';
import { pdfContains } from '../metas/pdf-text.js';
import { DOMAINS } from '../../src/domains/registry.js';
import { PIPELINES } from '../../pipelines/registry.js';
import { catalogoDe } from '../../src/domains/reportes/catalogo.js';
import { correoSmtp } from '../../src/domains/reportes/correo.js';
import { enviarPendientes, type DepsEnvio } from '../../src/domains/reportes/envio.js';
import type { Envio, Suscripcion } from '../../src/domains/reportes/types.js';
import { servidorSmtp } from './smtp.js';

/**
 * Scheduled reports: subscriptions through the API, the scheduler's job run with a fixed clock, a real SMTP server
 * receiving each report with its attachment, retries after a failure, and what an `area` user may receive.
 */
let smtp: Awaited<ReturnType<typeof servidorSmtp>>;
let dea: Client;
let deaCsrf: string;
let deps: DepsEnvio;
const t = adminApi(async ({ srv, admin }) => {
  dropPlanning(srv.dataDir);
  await runAndWait(admin, 'poa');
  dea = await userClient(srv, admin, 'dea.area', 'area', 'DEA');
  deaCsrf = ((await (await dea.login('dea.area')).json()) as { csrf: string }).csrf;
});

beforeAll(async () => {
  smtp = await servidorSmtp();
});
afterAll(async () => smtp?.close());

const h = (csrf: string) => ({ 'x-csrf-token': csrf });
/** Puts a subscription's next sending at a fixed instant (the tests' clock). */
const programar = (id: number, instante: string) => t.srv.wh.exec(`UPDATE app.reportes_suscripciones SET proximo_envio = '${instante}' WHERE id = ${id}`);
const at = (iso: string) => new Date(iso);
let resumenId = 0;
let metasId = 0;

describe('scheduled reports', () => {
  it('users subscribe to what their role can open; bad input answers 400 and the Resumen is refused to an area user', async () => {
    deps = { wh: t.srv.wh, pipelines: PIPELINES, catalogo: catalogoDe(DOMAINS), enviar: correoSmtp({ ATALAYA_SMTP_URL: smtp.url, ATALAYA_SMTP_REMITENTE: 'atalaya@oplever.org.mx' }) };
    const cat = await dea.json<Array<{ id: string; formatos: string[] }>>('/api/reportes/catalogo');
    expect(cat).toEqual([{ id: 'metas', titulo: expect.any(String), formatos: ['xlsx'] }, { id: 'evaluacion', titulo: expect.any(String), formatos: ['pdf', 'xlsx'] }]);
    const negado = await dea.fetch('/api/reportes/suscripciones', send('POST', { reporte: 'resumen', formato: 'pdf', frecuencia: 'semanal', destino: 'dea@oplever.org.mx' }, h(deaCsrf)));
    expect(negado.status).toBe(403);
    const mal = await dea.fetch('/api/reportes/suscripciones', send('POST', { reporte: 'metas', formato: 'xlsx', frecuencia: 'mensual', destino: 'no-es-correo' }, h(deaCsrf)));
    expect(mal.status).toBe(400);
    expect(((await mal.json()) as { error: string }).error).toContain('«destino»');
    const pdf = await dea.fetch('/api/reportes/suscripciones', send('POST', { reporte: 'metas', formato: 'pdf', frecuencia: 'mensual', destino: 'dea@oplever.org.mx' }, h(deaCsrf)));
    expect(pdf.status).toBe(400);

    const m = await dea.fetch('/api/reportes/suscripciones', send('POST', { reporte: 'metas', formato: 'xlsx', frecuencia: 'mensual', destino: 'dea@oplever.org.mx' }, h(deaCsrf)));
    expect(m.status).toBe(201);
    metasId = ((await m.json()) as { id: number }).id;
    const r = await t.admin.fetch('/api/reportes/suscripciones', send('POST', { reporte: 'resumen', formato: 'pdf', frecuencia: 'semanal', destino: 'direccion@oplever.org.mx' }, h(t.csrf)));
    expect(r.status).toBe(201);
    const creada = (await r.json()) as { id: number; proximo_envio: string };
    resumenId = creada.id;
    // A weekly subscription goes out on Mondays at 07:00 in Mexico City (13:00 UTC).
    expect(new Date(creada.proximo_envio).getUTCDay()).toBe(1);
    expect(creada.proximo_envio).toMatch(/T13:00:00/);
    // Each user sees their own; admin sees all.
    expect((await dea.json<Suscripcion[]>('/api/reportes/suscripciones')).map((s) => s.id)).toEqual([metasId]);
    expect((await t.admin.json<Suscripcion[]>('/api/reportes/suscripciones')).map((s) => s.id).sort()).toEqual([metasId, resumenId].sort());
    // Someone else's subscription does not exist for a user.
    expect((await dea.fetch(`/api/reportes/suscripciones/${resumenId}`, { method: 'DELETE', headers: h(deaCsrf) })).status).toBe(404);
  });

  it('the job sends each due report by e-mail with its attachment, for its period, and schedules the next', async () => {
    await programar(metasId, '2026-04-01T13:00:00Z');
    await programar(resumenId, '2026-04-06T13:00:00Z');
    expect(await enviarPendientes(deps, at('2026-04-01T12:59:00Z'))).toEqual([]);
    const r = await enviarPendientes(deps, at('2026-04-06T13:01:00Z'));
    expect(r.map((x) => x.resultado)).toEqual(['enviado', 'enviado']);
    expect(smtp.correos).toHaveLength(2);

    const xlsx = smtp.correos.find((c) => c.para.includes('dea@oplever.org.mx'))!;
    expect(xlsx.asunto).toContain('01/03/2026 al 31/03/2026');
    expect(xlsx.adjuntos.map((a) => a.nombre)).toEqual(['poa_2026_T1_DEA.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.adjuntos[0]!.contenido as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const filas: Array<[unknown, unknown]> = [];
    ws.eachRow((row, n) => { if (n > 2) filas.push([row.getCell(3).value, row.getCell(4).value]); });
    // Only DEA's activities (4 and 5 of the fixture), never UTP's.
    expect(filas).toEqual([['DEA', 4], ['DEA', 5]]);

    const pdf = smtp.correos.find((c) => c.para.includes('direccion@oplever.org.mx'))!;
    expect(pdf.asunto).toContain('30/03/2026 al 05/04/2026');
    expect(pdf.adjuntos.map((a) => [a.nombre, a.tipo])).toEqual([['resumen_2026-04-05.pdf', 'application/pdf']]);
    expect(pdf.adjuntos[0]!.contenido.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfContains(pdf.adjuntos[0]!.contenido, 'Resumen de dirección')).toBe(true);

    const subs = await t.admin.json<Suscripcion[]>('/api/reportes/suscripciones');
    expect(subs.find((s) => s.id === metasId)).toMatchObject({ proximo_envio: '2026-05-01T13:00:00.000Z', ultimo_resultado: 'enviado', intentos: 0 });
    expect(subs.find((s) => s.id === resumenId)).toMatchObject({ proximo_envio: '2026-04-13T13:00:00.000Z', ultimo_resultado: 'enviado' });
    const log = await dea.json<Envio[]>('/api/reportes/envios');
    expect(log.map((e) => [e.suscripcion_id, e.resultado, e.periodo_hasta, e.archivo])).toEqual([[metasId, 'enviado', '2026-03-31', 'poa_2026_T1_DEA.xlsx']]);
  });

  it('a failed delivery is logged and retried after its wait, for the same period', async () => {
    smtp.rechazar(1);
    const antes = smtp.correos.length;
    expect(await enviarPendientes(deps, at('2026-04-13T13:01:00Z'))).toEqual([{ id: resumenId, resultado: 'fallido' }]);
    let s = (await t.admin.json<Suscripcion[]>('/api/reportes/suscripciones')).find((x) => x.id === resumenId)!;
    expect(s).toMatchObject({ intentos: 1, reintento_en: '2026-04-13T13:06:00.000Z', proximo_envio: '2026-04-13T13:00:00.000Z', ultimo_resultado: 'fallido' });
    const [fallo] = await t.admin.json<Envio[]>(`/api/reportes/envios?suscripcion=${resumenId}`);
    expect(fallo).toMatchObject({ resultado: 'fallido', intento: 1, periodo_hasta: '2026-04-12' });
    expect(fallo!.detalle).toContain('Se reintentará en 5 min');
    // Not before its wait…
    expect(await enviarPendientes(deps, at('2026-04-13T13:04:00Z'))).toEqual([]);
    // …then it goes, with the same week.
    expect(await enviarPendientes(deps, at('2026-04-13T13:07:00Z'))).toEqual([{ id: resumenId, resultado: 'enviado' }]);
    expect(smtp.correos.length).toBe(antes + 1);
    expect(smtp.correos.at(-1)!.asunto).toContain('06/04/2026 al 12/04/2026');
    s = (await t.admin.json<Suscripcion[]>('/api/reportes/suscripciones')).find((x) => x.id === resumenId)!;
    expect(s).toMatchObject({ intentos: 0, reintento_en: null, proximo_envio: '2026-04-20T13:00:00.000Z' });
    const log = await t.admin.json<Envio[]>(`/api/reportes/envios?suscripcion=${resumenId}`);
    expect(log.map((e) => [e.resultado, e.intento])).toEqual([['enviado', 2], ['fallido', 1], ['enviado', 1]]);
  });

  it('a user whose role can no longer open the report gets nothing: the sending is skipped and logged', async () => {
    const utsi = await userClient(t.srv, t.admin, 'ana.utsi', 'utsi');
    const csrf = ((await (await utsi.login('ana.utsi')).json()) as { csrf: string }).csrf;
    const r = await utsi.fetch('/api/reportes/suscripciones', send('POST', { reporte: 'resumen', formato: 'pdf', frecuencia: 'mensual', destino: 'ana@oplever.org.mx' }, h(csrf)));
    const { id } = (await r.json()) as { id: number };
    // Ana moves to an area: the Resumen is no longer hers to see.
    expect((await t.admin.fetch('/api/usuarios/ana.utsi', send('PATCH', { rol: 'area', area: 'UTP' }, h(t.csrf)))).status).toBe(200);
    await programar(id, '2026-05-01T13:00:00Z');
    await programar(resumenId, '2026-06-01T13:00:00Z');
    await programar(metasId, '2026-06-01T13:00:00Z');
    const antes = smtp.correos.length;
    expect(await enviarPendientes(deps, at('2026-05-01T13:01:00Z'))).toEqual([{ id, resultado: 'omitido' }]);
    expect(smtp.correos.length).toBe(antes);
    const [e] = await t.admin.json<Envio[]>(`/api/reportes/envios?suscripcion=${id}`);
    expect(e).toMatchObject({ resultado: 'omitido', detalle: 'El rol del usuario ya no tiene acceso a este reporte.' });
  });

  it('without ATALAYA_SMTP_URL a delivery fails with the Spanish reason, and is retried', async () => {
    const sin = { ...deps, enviar: correoSmtp({}) };
    const r = await enviarPendientes(sin, at('2026-06-01T13:01:00Z'));
    // The two that may be sent fail; Ana's, due again, is still skipped.
    expect(r.filter((x) => x.id === resumenId || x.id === metasId).map((x) => x.resultado)).toEqual(['fallido', 'fallido']);
    expect(r.filter((x) => x.id !== resumenId && x.id !== metasId).map((x) => x.resultado)).toEqual(['omitido']);
    const [e] = await t.admin.json<Envio[]>(`/api/reportes/envios?suscripcion=${metasId}`);
    expect(e!.detalle).toContain('El correo no está configurado');
    expect((await dea.json<Suscripcion[]>('/api/reportes/suscripciones'))[0]).toMatchObject({ intentos: 1, reintento_en: '2026-06-01T13:06:00.000Z' });
  });

  it('the evaluation report goes out for the last closed quarter, with only an area user\'s own results', async () => {
    expect((await t.admin.fetch('/api/evaluacion/ciclos', send('POST', { ejercicio: 2026, trimestre: 1, fecha_limite: '2026-04-20' }, h(t.csrf)))).status).toBe(201);
    const r = await dea.fetch('/api/reportes/suscripciones', send('POST', { reporte: 'evaluacion', formato: 'xlsx', frecuencia: 'mensual', destino: 'dea@oplever.org.mx' }, h(deaCsrf)));
    const { id } = (await r.json()) as { id: number };
    await t.srv.wh.exec(`UPDATE app.reportes_suscripciones SET proximo_envio = '2027-01-04T13:00:00Z', reintento_en = NULL WHERE id <> ${id}`);
    await programar(id, '2026-07-01T13:00:00Z');
    const antes = smtp.correos.length;
    expect(await enviarPendientes(deps, at('2026-07-01T13:01:00Z'))).toEqual([{ id, resultado: 'enviado' }]);
    const correo = smtp.correos[antes]!;
    expect(correo.adjuntos.map((a) => a.nombre)).toEqual(['evaluacion_2026_T1_DEA.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(correo.adjuntos[0]!.contenido as unknown as ArrayBuffer);
    const areas: unknown[] = [];
    wb.getWorksheet('Resumen por área')!.eachRow((row, n) => { if (n > 2) areas.push(row.getCell(1).value); });
    expect(areas).toEqual(['DEA', 'Instituto']);
  });
});
