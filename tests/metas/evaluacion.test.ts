import { describe, expect, it } from 'vitest';
import { dropFile } from '../helpers/warehouse.js';
import { adminApi } from '../helpers/api.js';
import { type Client } from '../helpers/client.js';
import { runAndWait, send, userClient } from '../helpers/client.js';
import { AVANCE_HEAD, dropPlanning } from './fixture.js';

/**
 * The evaluation cycle over HTTP, on the hand-built Q1 2026 of tests/metas/fixture.ts:
 * UTP needs justifications for E404.19|3 (amarillo, 80) and U01|2026-T1 (rojo, 50); DEA for E404.16|4 (rojo, 0).
 */
let utp: Client;
let areaUtp: Client;
let areaDea: Client;
let id = 0;
const err = async (r: Response): Promise<string> => ((await r.json()) as { error: string }).error;
const J = (clave: string, tipo = 'actividad', causa = 'Se retrasó la entrega por el proceso electoral') =>
  ({ tipo, clave, causa, accion_correctiva: 'Se reprograma con apoyo de personal eventual', fecha_compromiso: '2026-05-15' });

const t = adminApi(async ({ srv, admin }) => {
  dropPlanning(srv.dataDir);
  await runAndWait(admin, 'poa');
  await runAndWait(admin, 'indicadores');
  utp = await userClient(srv, admin, 'ana.utp', 'utp');
  areaUtp = await userClient(srv, admin, 'luis.area', 'area', 'UTP');
  areaDea = await userClient(srv, admin, 'rosa.area', 'area', 'DEA');
});

describe('evaluation cycle API', () => {
  it('only UTP opens a cycle; a duplicate is 409', async () => {
    expect((await areaUtp.fetch('/api/evaluacion/ciclos', send('POST', { ejercicio: 2026, trimestre: 1, fecha_limite: '2026-04-20' }))).status).toBe(403);
    const r = await utp.fetch('/api/evaluacion/ciclos', send('POST', { ejercicio: 2026, trimestre: 1, fecha_limite: '2026-04-20' }));
    expect(r.status).toBe(201);
    const c = (await r.json()) as { id: number; estado: string };
    expect(c.estado).toBe('abierto');
    id = c.id;
    expect((await utp.fetch('/api/evaluacion/ciclos', send('POST', { ejercicio: 2026, trimestre: 1, fecha_limite: '2026-04-20' }))).status).toBe(409);
    expect((await utp.fetch('/api/evaluacion/ciclos', send('POST', { ejercicio: 2019, trimestre: 1, fecha_limite: '2019-04-20' }))).status).toBe(400);
  });

  it('an area user sees only its results and cannot read or write another area’s (403)', async () => {
    const d = await areaDea.json<{ resultados: Array<{ clave: string; semaforo: string; requiere_justificacion: boolean }> }>(`/api/evaluacion/ciclos/${id}`);
    expect(d.resultados.map((x) => [x.clave, x.semaforo, x.requiere_justificacion])).toEqual([
      ['E404.16|4', 'rojo', true], ['E404.16|5', 'rebasada', false], ['D01|2026-T1', 'verde', false],
    ]);
    expect((await areaDea.fetch(`/api/evaluacion/ciclos/${id}?area=UTP`)).status).toBe(403);
    const w = await areaDea.fetch(`/api/evaluacion/ciclos/${id}/justificaciones`, send('PUT', J('E404.19|3')));
    expect(w.status).toBe(403);
    expect(await err(w)).toBe('Solo puede capturar justificaciones de su área (DEA).');
    expect((await areaDea.fetch(`/api/evaluacion/ciclos/${id}/enviar`, send('POST', { area: 'UTP' }))).status).toBe(403);
  });

  it('sending with an amber or red result unjustified is 400 with a clear message', async () => {
    const r = await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/enviar`, send('POST', {}));
    expect(r.status).toBe(400);
    expect(await err(r)).toBe('No se puede enviar: faltan 2 justificaciones (causa, acción correctiva y fecha compromiso) de resultados en amarillo o rojo: E404.19 3, U01 2026-T1.');
    expect((await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/justificaciones`, send('PUT', J('E404.19|3')))).status).toBe(200);
    // A draft without its fecha compromiso does not count as justified.
    expect((await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/justificaciones`, send('PUT', { ...J('U01|2026-T1', 'indicador'), fecha_compromiso: '' }))).status).toBe(200);
    const r2 = await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/enviar`, send('POST', {}));
    expect(r2.status).toBe(400);
    expect(await err(r2)).toContain('falta la justificación');
    expect((await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/justificaciones`, send('PUT', J('U01|2026-T1', 'indicador', 'El indicador U01 bajó por falta de personal')))).status).toBe(200);
    const ok = await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/enviar`, send('POST', {}));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ area: 'UTP', enviadas: 2 });
    // Sent: no more edits until UTP observes it.
    expect((await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/justificaciones`, send('PUT', J('E404.19|3')))).status).toBe(409);
  });

  it('UTP reviews: observa (comment required), the area fixes and sends again, UTP approves', async () => {
    expect((await utp.fetch(`/api/evaluacion/ciclos/${id}/estado`, send('POST', { estado: 'cerrado' }))).status).toBe(409);
    expect((await utp.fetch(`/api/evaluacion/ciclos/${id}/estado`, send('POST', { estado: 'en_revision' }))).status).toBe(200);
    expect((await utp.fetch(`/api/evaluacion/ciclos/${id}/revision`, send('POST', { tipo: 'actividad', clave: 'E404.19|3', estado: 'observada' }))).status).toBe(400);
    expect((await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/revision`, send('POST', { tipo: 'actividad', clave: 'E404.19|3', estado: 'aprobada' }))).status).toBe(403);
    expect((await utp.fetch(`/api/evaluacion/ciclos/${id}/revision`, send('POST', { tipo: 'actividad', clave: 'E404.19|3', estado: 'observada', comentario: 'Precise la causa' }))).status).toBe(200);
    expect((await utp.fetch(`/api/evaluacion/ciclos/${id}/revision`, send('POST', { tipo: 'indicador', clave: 'U01|2026-T1', estado: 'aprobada' }))).status).toBe(200);
    expect((await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/justificaciones`, send('PUT', { ...J('E404.19|3'), causa: 'Faltó papel para imprimir los informes' }))).status).toBe(200);
    expect((await areaUtp.fetch(`/api/evaluacion/ciclos/${id}/enviar`, send('POST', {}))).status).toBe(200);
    expect((await utp.fetch(`/api/evaluacion/ciclos/${id}/revision`, send('POST', { tipo: 'actividad', clave: 'E404.19|3', estado: 'aprobada' }))).status).toBe(200);
    const d = await utp.json<{ avance: Array<{ area: string; estado: string; aprobadas: number; sin_justificar: number }> }>(`/api/evaluacion/ciclos/${id}`);
    expect(d.avance.map((a) => [a.area, a.estado, a.aprobadas, a.sin_justificar])).toEqual([['DEA', 'pendiente', 0, 1], ['UTP', 'aprobado', 2, 0]]);
    // Leadership's Resumen card: 1 of the 2 areas (UTP approved, DEA pending) has completed its capture → 50 %.
    const resumen = await t.admin.json<{ tarjetas: Array<{ id: string; valor: number | null; enlace: string; secundarios: Array<{ etiqueta: string; valor: number }> }> }>('/api/resumen');
    const card = resumen.tarjetas.find((t) => t.id === 'evaluacion')!;
    expect(card.valor).toBe(50);
    expect(card.secundarios.find((x) => x.etiqueta === 'Áreas listas')!.valor).toBe(1);
    expect(card.enlace).toBe(`/evaluacion?ciclo=${id}`);
  });

  it('closing freezes a snapshot: no edits after close (409), and a later load leaves it unchanged', async () => {
    expect((await utp.fetch(`/api/evaluacion/ciclos/${id}/estado`, send('POST', { estado: 'cerrado' }))).status).toBe(200);
    const put = await areaDea.fetch(`/api/evaluacion/ciclos/${id}/justificaciones`, send('PUT', J('E404.16|4')));
    expect(put.status).toBe(409);
    expect(await err(put)).toBe('El ciclo está cerrado; ya no admite cambios.');
    expect((await utp.fetch(`/api/evaluacion/ciclos/${id}/revision`, send('POST', { tipo: 'actividad', clave: 'E404.19|3', estado: 'observada', comentario: 'x' }))).status).toBe(409);
    expect((await utp.fetch(`/api/evaluacion/ciclos/${id}/estado`, send('POST', { estado: 'abierto' }))).status).toBe(409);

    // DEA reports January–March of activity 4 late: 15 done of 15 programmed → 100 today; the snapshot keeps 0.
    dropFile(t.srv.dataDir, 'poa', 'poa_avance_tardio.csv', [AVANCE_HEAD, '2026,E404.16,4,1,5,,20/05/2026', '2026,E404.16,4,2,5,,20/05/2026', '2026,E404.16,4,3,5,,20/05/2026'].join('\n'));
    await runAndWait(t.admin, 'poa');
    const live = await t.admin.json<Array<{ num_actividad: number; avance_pct: number }>>('/api/metas/actividades?ejercicio=2026&trimestre=1&area=DEA');
    expect(live.find((x) => x.num_actividad === 4)!.avance_pct).toBe(100);
    const d = await utp.json<{ ciclo: { estado: string }; resultados: Array<{ clave: string; realizado: number; avance_pct: number; semaforo: string; actual?: { avance_pct: number; semaforo: string } | null; justificacion: { causa: string; estado: string } | null }> }>(`/api/evaluacion/ciclos/${id}`);
    expect(d.ciclo.estado).toBe('cerrado');
    const a4 = d.resultados.find((x) => x.clave === 'E404.16|4')!;
    expect(a4).toMatchObject({ realizado: 0, avance_pct: 0, semaforo: 'rojo', actual: { avance_pct: 100, semaforo: 'verde' }, justificacion: null });
    const a3 = d.resultados.find((x) => x.clave === 'E404.19|3')!;
    expect(a3).toMatchObject({ avance_pct: 80, semaforo: 'amarillo', justificacion: { causa: 'Faltó papel para imprimir los informes', estado: 'aprobada' } });
    expect(a3.actual).toBeUndefined();
  });

  it('report: JSON with the comparison, XLSX and PDF downloads', async () => {
    const r = await utp.json<{ totales: { rojo: number; amarillo: number; anterior: { total: number } }; observados: Array<{ clave: string }> }>(`/api/evaluacion/ciclos/${id}/reporte`);
    expect(r.totales).toMatchObject({ rojo: 2, amarillo: 1 });
    // The previous quarter (Q4 2025) has no POA: nothing to compare.
    expect(r.totales.anterior.total).toBe(0);
    expect(r.observados.map((o) => o.clave)).toEqual(['E404.16|4', 'U01|2026-T1', 'E404.19|3']);
    const x = await utp.fetch(`/api/evaluacion/ciclos/${id}/reporte.xlsx`);
    expect(x.status).toBe(200);
    expect(Buffer.from(await x.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const p = await utp.fetch(`/api/evaluacion/ciclos/${id}/reporte.pdf`);
    expect(p.status).toBe(200);
    expect(Buffer.from(await p.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    // One user asking for four at once: two are rendered (one at a time, in the same browser), two refused now.
    const many = await Promise.all(Array.from({ length: 4 }, () => utp.fetch(`/api/evaluacion/ciclos/${id}/reporte.pdf`)));
    expect(many.map((r) => r.status).sort()).toEqual([200, 200, 429, 429]);
    const refused = many.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Ya tiene 2 reportes en preparación/);
    for (const r of many.filter((x) => x.status === 200)) expect(Buffer.from(await r.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('every change is audited with before and after', async () => {
    const rows = await t.srv.wh.all<{ usuario: string; accion: string; n: number }>(
      `SELECT usuario, accion, count(*)::INTEGER AS n FROM app.auditoria WHERE accion LIKE 'evaluacion.%' GROUP BY ALL ORDER BY accion, usuario`);
    expect(rows).toEqual([
      { usuario: 'ana.utp', accion: 'evaluacion.abrir', n: 1 },
      { usuario: 'luis.area', accion: 'evaluacion.enviar', n: 2 },
      { usuario: 'ana.utp', accion: 'evaluacion.estado', n: 2 },
      { usuario: 'luis.area', accion: 'evaluacion.justificar', n: 4 },
      { usuario: 'ana.utp', accion: 'evaluacion.revisar', n: 3 },
    ]);
  });
});
