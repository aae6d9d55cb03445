import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { runAndWait } from '../helpers/client.js';
import { dropFile } from '../helpers/warehouse.js';

/*
 * DESIGN.md §3 Sessions: a session complies when its notice (fecha_inicio − fecha_convocatoria) is at least the
 * minimum of its type; a session without fecha_convocatoria cannot show that it complied: it counts as NOT
 * complying and is listed as «sin fecha de convocatoria». Range 01/04/2026 … 30/04/2026, default minimums
 * (ordinaria 72 h, extraordinaria 24 h, solemne 24 h; urgente and permanente none):
 *   T1 CG 20 ordinaria       conv 01/04 10:00 → inicio 06/04 10:00 = 120 h ≥ 72  ✓
 *   T2 CG 21 ordinaria       no convocatoria  → inicio 13/04 10:00             ✕ sin fecha de convocatoria
 *   T3 CG 22 extraordinaria  conv 19/04 10:00 → inicio 20/04 09:00 = 23 h < 24   ✕ anticipación menor al mínimo
 *   T4 JGE 5 urgente         no convocatoria  → inicio 22/04 12:00             no minimum: left out (cumple null)
 *   T5 JGE 6 solemne         no convocatoria  → inicio 28/04 10:00             ✕ sin fecha de convocatoria
 * anticipacion_cumplida_pct = T1 / (T1, T2, T3, T5) = 1 / 4 = 25 % (before: T2 and T5 were left out → 1 / 2 = 50 %)
 * sin_fecha_convocatoria = 2 (T2, T5; T4 has no minimum to meet)
 * by organ: CG 1 / 3 = 33.33 %; JGE 0 / 1 = 0 % (before: no data). By type: ordinaria 1 / 2 = 50 %, solemne 0 %,
 * extraordinaria 0 %, urgente null.
 */
const t = adminApi(async ({ srv, admin }) => {
  dropFile(srv.dataDir, 'sesiones', 'sesiones_abril.csv', `organo,numero,tipo,fecha_convocatoria,fecha_inicio,fecha_fin,quorum,puntos,acta_aprobada_en
CG,20,ordinaria,01/04/2026 10:00,06/04/2026 10:00,06/04/2026 12:00,si,5,21
CG,21,ordinaria,,13/04/2026 10:00,13/04/2026 11:00,si,4,22
CG,22,extraordinaria,19/04/2026 10:00,20/04/2026 09:00,20/04/2026 10:00,si,2,
JGE,5,urgente,,22/04/2026 12:00,22/04/2026 13:00,si,1,
JGE,6,solemne,,28/04/2026 10:00,28/04/2026 11:00,si,1,`);
  await runAndWait(admin, 'sesiones');
});
const RANGO = 'desde=2026-04-01&hasta=2026-04-30';

interface Fila { organo: string; numero: number; cumple: boolean | null; motivo: string | null; horas_anticipacion: number | null }
interface Agg { anticipacion_cumplida_pct: number | null }

describe('a session without fecha_convocatoria', () => {
  it('counts as not complying in anticipacion_cumplida_pct', async () => {
    const r = await t.admin.json<Agg & { sesiones: number; sin_fecha_convocatoria: number; anticipacion_incumplida: number; sesiones_con_minimo: number;
      por_organo: Array<Agg & { organo: string }>; por_tipo: Array<Agg & { tipo: string }> }>(`/api/sesiones/resumen?${RANGO}`);
    expect(r.sesiones).toBe(5);
    expect(r.anticipacion_cumplida_pct).toBe(25);
    expect([r.sin_fecha_convocatoria, r.anticipacion_incumplida, r.sesiones_con_minimo]).toEqual([2, 3, 4]);
    const organo = Object.fromEntries(r.por_organo.map((x) => [x.organo, x.anticipacion_cumplida_pct]));
    expect(organo.CG).toBeCloseTo(100 / 3, 6);
    expect(organo.JGE).toBe(0);
    expect(Object.fromEntries(r.por_tipo.map((x) => [x.tipo, x.anticipacion_cumplida_pct]))).toEqual({ ordinaria: 50, extraordinaria: 0, urgente: null, solemne: 0 });
  });

  it('is listed as «sin fecha de convocatoria»', async () => {
    const rows = await t.admin.json<Fila[]>(`/api/sesiones?${RANGO}`);
    expect(rows.map((s) => [`${s.organo}${s.numero}`, s.horas_anticipacion, s.cumple, s.motivo])).toEqual([
      ['JGE6', null, false, 'sin fecha de convocatoria'],
      ['JGE5', null, null, null],
      ['CG22', 23, false, 'anticipación menor al mínimo'],
      ['CG21', null, false, 'sin fecha de convocatoria'],
      ['CG20', 120, true, null],
    ]);
  });
});
