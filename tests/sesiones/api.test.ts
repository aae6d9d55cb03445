import { describe, expect, it } from 'vitest';
import { dropFile } from '../helpers/warehouse.js';
import { adminApi } from '../helpers/api.js';
import { runAndWait, userClient } from '../helpers/client.js';

/**
 * The HTTP side of the UTS figures: shapes named in DESIGN.md §6 and roles. Figures themselves are checked by hand
 * in tests/sesiones/sesiones.test.ts.
 */
const t = adminApi(async ({ srv, admin }) => {
  // S1 ordinaria with 96 h of notice; S2 extraordinaria with 12 h, without quorum. A1 published 2 days later.
  dropFile(srv.dataDir, 'sesiones', 'sesiones.csv', `organo,numero,tipo,fecha_convocatoria,fecha_inicio,fecha_fin,quorum,puntos,acta_aprobada_en
CG,5,ordinaria,01/03/2026 10:00,05/03/2026 10:00,05/03/2026 12:00,si,8,6
CG,6,extraordinaria,09/03/2026 22:00,10/03/2026 10:00,10/03/2026 10:30,no,0,`);
  dropFile(srv.dataDir, 'sesiones', 'acuerdos.csv', `clave,organo,sesion_numero,fecha_aprobacion,rubro,votacion,votos_favor,votos_contra,fecha_publicacion
OPLEV/CG020/2026,CG,5,05/03/2026 11:00,Calendario,unanimidad,7,0,07/03/2026`);
  await runAndWait(admin, 'sesiones');
});

describe('GET /api/sesiones', () => {
  it('resumen has the fields of DESIGN.md §6; the sessions and acuerdos behind it', async () => {
    const r = await t.admin.json<Record<string, unknown>>('/api/sesiones/resumen?desde=2026-03-01&hasta=2026-03-31');
    // 2 sessions; S2 without quorum; S1 96 ≥ 72 ✓, S2 12 < 24 ✕ → 50 %; S2's minutes pending; 1 acuerdo, 2 days.
    expect({ sesiones: r.sesiones, sin_quorum: r.sin_quorum, anticipacion_cumplida_pct: r.anticipacion_cumplida_pct, actas_pendientes: r.actas_pendientes, acuerdos: r.acuerdos, dias_publicacion_mediana: r.dias_publicacion_mediana })
      .toEqual({ sesiones: 2, sin_quorum: 1, anticipacion_cumplida_pct: 50, actas_pendientes: 1, acuerdos: 1, dias_publicacion_mediana: 2 });
    const list = await t.admin.json<Array<{ numero: number; horas_anticipacion: number; cumple: boolean }>>('/api/sesiones?desde=2026-03-01&hasta=2026-03-31');
    expect(list.map((s) => [s.numero, s.horas_anticipacion, s.cumple])).toEqual([[6, 12, false], [5, 96, true]]);
    const acuerdos = await t.admin.json<Array<{ clave: string; dias_publicacion: number }>>('/api/sesiones/acuerdos?desde=2026-03-01&hasta=2026-03-31');
    expect(acuerdos).toMatchObject([{ clave: 'OPLEV/CG020/2026', dias_publicacion: 2 }]);
  });

  it('the sessions and the acuerdos page on the server: limite, desde_fila, orden, dir; the total in X-Total-Count', async () => {
    const q = 'desde=2026-03-01&hasta=2026-03-31';
    // Newest first: CG 6 (10/03), CG 5 (05/03); page 2 of 1 row = CG 5.
    const p2 = await t.admin.fetch(`/api/sesiones?${q}&limite=1&desde_fila=1`);
    expect(p2.headers.get('x-total-count')).toBe('2');
    expect(((await p2.json()) as Array<{ numero: number }>).map((s) => s.numero)).toEqual([5]);
    // By notice, longest first: S1 96 h, S2 12 h.
    const s = await t.admin.json<Array<{ numero: number }>>(`/api/sesiones?${q}&orden=horas_anticipacion&dir=desc&limite=1`);
    expect(s.map((x) => x.numero)).toEqual([5]);
    const a = await t.admin.fetch(`/api/sesiones/acuerdos?${q}&limite=1&orden=dias_publicacion`);
    expect(a.headers.get('x-total-count')).toBe('1');
    expect(await a.json()).toMatchObject([{ clave: 'OPLEV/CG020/2026' }]);
    expect(await t.admin.json(`/api/sesiones/acuerdos?${q}&limite=1&desde_fila=1`)).toEqual([]);
    for (const path of ['/api/sesiones', '/api/sesiones/acuerdos']) {
      const bad = await t.admin.fetch(`${path}?${q}&orden=rubro;drop`);
      expect(bad.status, path).toBe(400);
      expect(await bad.json()).toMatchObject({ parametro: 'orden' });
    }
  });

  it('uts reads it; utoe does not; without a session, 401', async () => {
    expect((await (await userClient(t.srv, t.admin, 'uts1', 'uts')).fetch('/api/sesiones/resumen')).status).toBe(200);
    expect((await (await userClient(t.srv, t.admin, 'utoe1', 'utoe')).fetch('/api/sesiones/resumen')).status).toBe(403);
    expect((await t.srv.client().fetch('/api/sesiones')).status).toBe(401);
  });
});
