import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { runAndWait, send, userClient } from '../helpers/client.js';
import { dropFile } from '../helpers/warehouse.js';
import { pdfContains } from '../metas/pdf-text.js';
import { DOMAINS } from '../../src/domains/registry.js';
import { informeProgramado } from '../../src/domains/informes/service.js';
import { carpetaInformes } from '../../src/domains/informes/archivo.js';
import type { InformeArchivado, InformeMensual } from '../../src/domains/informes/types.js';

/**
 * The Informe mensual de la Secretaría Ejecutiva: each unit's figures for a month, from its domain's own functions,
 * against values computed by hand on a small fixture; the PDF archived privately; the scheduled run.
 */
const t = adminApi(async ({ srv, admin }) => {
  // March 2026: P1 (OC) attended in 24 h, P2 in 96 h, P3 pending. P4 arrives in April: not March's.
  dropFile(srv.dataDir, 'oficialia', 'peticiones.csv', `folio,fecha_recepcion,organo,tipo_peticionario,acto_a_certificar,estado,fecha_prevencion,fecha_respuesta_prevencion,fecha_evaluacion,fecha_diligencia,fecha_entrega_acta,num_acta
P1,10/03/2026 10:00,OC,PP,Bardas,atendida,,,10/03/2026 12:00,,11/03/2026 10:00,A1
P2,12/03/2026 10:00,M045,OI,Mitin,atendida,,,12/03/2026 12:00,,16/03/2026 10:00,A2
P3,20/03/2026 10:00,M045,PP,Volantes,recibida,,,,,,
P4,02/04/2026 10:00,OC,PP,Pinta,recibida,,,,,,`);
  // March: S5 ordinaria with 96 h of notice, S6 extraordinaria with 12 h and no quorum; one acuerdo published in
  // 2 days. S7 is in April.
  dropFile(srv.dataDir, 'sesiones', 'sesiones.csv', `organo,numero,tipo,fecha_convocatoria,fecha_inicio,fecha_fin,quorum,puntos,acta_aprobada_en
CG,5,ordinaria,01/03/2026 10:00,05/03/2026 10:00,05/03/2026 12:00,si,8,6
CG,6,extraordinaria,09/03/2026 22:00,10/03/2026 10:00,10/03/2026 10:30,no,0,
CG,7,ordinaria,01/04/2026 10:00,06/04/2026 10:00,06/04/2026 12:00,si,5,`);
  dropFile(srv.dataDir, 'sesiones', 'acuerdos.csv', `clave,organo,sesion_numero,fecha_aprobacion,rubro,votacion,votos_favor,votos_contra,fecha_publicacion
OPLEV/CG020/2026,CG,5,05/03/2026 11:00,Calendario,unanimidad,7,0,07/03/2026`);
  await runAndWait(admin, 'oficialia');
  await runAndWait(admin, 'sesiones');
});

const cifras = (r: InformeMensual, id: string): Record<string, number | null> =>
  Object.fromEntries(r.secciones.find((s) => s.id === id)!.cifras.map((c) => [c.etiqueta, c.valor]));

describe('Informe mensual de la Secretaría Ejecutiva', () => {
  it('has every unit\'s section in order, with the month\'s figures as computed by hand', async () => {
    const r = await t.admin.json<InformeMensual>('/api/informes/vista?anio=2026&mes=3');
    expect(r).toMatchObject({ anio: 2026, mes: 3, desde: '2026-03-01', hasta: '2026-03-31', titulo: 'Informe mensual de la Secretaría Ejecutiva — marzo de 2026' });
    expect(r.secciones.map((s) => s.id)).toEqual(['metas', 'calendario', 'odes', 'incidentes', 'disponibilidad', 'oficialia', 'sesiones']);
    // Received 3 (P4 is April's), attended 2, pending 1; hours 24 and 96 → median 60; within 72 h: 1 of 2 = 50 %.
    expect(cifras(r, 'oficialia')).toEqual({
      'Peticiones recibidas': 3, 'Atendidas': 2, 'Pendientes al cierre del mes': 1, 'Mediana de horas de atención': 60, 'Atendidas en plazo': 50,
    });
    // 2 sessions (S7 is April's); S6 without quorum; notice 96 ≥ 72 ✓ and 12 < 24 ✕ → 50 %; S6's minutes pending;
    // 1 acuerdo published 2 days after approval.
    expect(cifras(r, 'sesiones')).toEqual({
      'Sesiones celebradas': 2, 'Sin quórum': 1, 'Convocadas con la anticipación mínima': 50, 'Actas pendientes de aprobar': 1,
      'Acuerdos aprobados': 1, 'Mediana de días para publicar un acuerdo': 2,
    });
    // Units without data say so instead of printing zeros.
    for (const id of ['metas', 'calendario', 'odes', 'incidentes', 'disponibilidad']) {
      const s = r.secciones.find((x) => x.id === id)!;
      expect(s.cifras).toEqual([]);
      expect(s.nota).toMatch(/^(Sin|No hay)/);
    }
    // April: only P4 and S7.
    const abril = await t.admin.json<InformeMensual>('/api/informes/vista?anio=2026&mes=4');
    expect(cifras(abril, 'oficialia')['Peticiones recibidas']).toBe(1);
    expect(cifras(abril, 'sesiones')['Sesiones celebradas']).toBe(1);
  });

  it('generated on demand: a PDF in Spanish, archived privately in the data folder, listed and downloadable', async () => {
    const r = await t.admin.fetch('/api/informes', send('POST', { anio: 2026, mes: 3 }, { 'x-csrf-token': t.csrf }));
    expect(r.status).toBe(201);
    const { id } = (await r.json()) as { id: number };
    const lista = await t.admin.json<InformeArchivado[]>('/api/informes');
    expect(lista).toMatchObject([{ id, anio: 2026, mes: 3, origen: 'manual', generado_por: 'admin', titulo: 'Informe mensual de la Secretaría Ejecutiva — marzo de 2026' }]);
    const d = await t.admin.fetch(`/api/informes/${id}/archivo`);
    expect(d.status).toBe(200);
    expect(d.headers.get('content-disposition')).toContain('informe_mensual_2026_03.pdf');
    const pdf = Buffer.from(await d.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfContains(pdf, 'Oficialía Electoral (UTOE)')).toBe(true);
    expect(pdfContains(pdf, 'Peticiones recibidas')).toBe(true);
    expect(pdfContains(pdf, 'Sin tickets cargados.')).toBe(true);
    const dir = carpetaInformes(t.srv.dataDir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(fs.statSync(path.join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, files[0]!)).equals(pdf)).toBe(true);
    // What it printed stays with it.
    expect(cifras(await t.admin.json<InformeMensual>(`/api/informes/${id}`), 'oficialia')['Peticiones recibidas']).toBe(3);
  });

  it('on schedule: the previous month, once', async () => {
    const ctx = { wh: t.srv.wh, config: t.srv.config };
    const secciones = DOMAINS.flatMap((d) => d.informe ?? []);
    // 2 May 2026, 08:00 in Mexico City: April's Informe.
    const id = await informeProgramado(ctx, secciones, new Date('2026-05-02T14:00:00Z'));
    expect(id).toEqual(expect.any(Number));
    expect(await informeProgramado(ctx, secciones, new Date('2026-05-03T14:00:00Z'))).toBeNull();
    // March already has one (made by hand): the scheduler leaves it alone.
    expect(await informeProgramado(ctx, secciones, new Date('2026-04-01T14:00:00Z'))).toBeNull();
    const lista = await t.admin.json<InformeArchivado[]>('/api/informes');
    expect(lista.map((x) => [x.anio, x.mes, x.origen, x.generado_por])).toEqual([[2026, 4, 'programado', 'sistema'], [2026, 3, 'manual', 'admin']]);
  });

  it('admin and direccion only; a month not yet started or a bad body answers 400 in Spanish; a missing one 404', async () => {
    const dir = await userClient(t.srv, t.admin, 'dir1', 'direccion');
    expect((await dir.fetch('/api/informes')).status).toBe(200);
    const utp = await userClient(t.srv, t.admin, 'utp1', 'utp');
    expect((await utp.fetch('/api/informes')).status).toBe(403);
    expect((await t.srv.client().fetch('/api/informes')).status).toBe(401);
    const h = { 'x-csrf-token': t.csrf };
    const futuro = await t.admin.fetch('/api/informes', send('POST', { anio: 2100, mes: 1 }, h));
    expect(futuro.status).toBe(400);
    expect(((await futuro.json()) as { error: string }).error).toContain('aún no empieza');
    const malo = await t.admin.fetch('/api/informes', send('POST', { anio: 2026, mes: 13 }, h));
    expect(malo.status).toBe(400);
    expect(((await malo.json()) as { error: string }).error).toContain('«mes»');
    expect((await t.admin.fetch('/api/informes/9999/archivo')).status).toBe(404);
  });
});
