import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarioPipeline } from '../../pipelines/calendario/index.js';
import { calendarioProceso, procesosCalendario } from '../../pipelines/calendario/demo.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { addDays } from '../../src/core/time.js';
import { demoContext } from '../../src/demo/index.js';
import { actividades, atrasadas, porVencer, procesos, resumen } from '../../src/domains/calendario/queries.js';
import { ESTADOS_ACTIVIDAD } from '../../src/domains/calendario/types.js';
import { tempWarehouse } from '../helpers/warehouse.js';

/** Two demo installations on different "today"s: the process under way follows today, the concluded one does not. */
const HOY = '2026-11-20';
const OTRO_HOY = '2027-02-03';

let t: Awaited<ReturnType<typeof tempWarehouse>>;
let u: Awaited<ReturnType<typeof tempWarehouse>>;

beforeAll(async () => {
  t = await tempWarehouse('atalaya-cal-demo-');
  u = await tempWarehouse('atalaya-cal-demo2-');
  await calendarioPipeline.demo!(demoContext(t.config, { today: HOY }));
  await calendarioPipeline.demo!(demoContext(u.config, { today: OTRO_HOY }));
});
afterAll(() => {
  t?.close();
  u?.close();
});

describe('demo del calendario integral', () => {
  it('writes the concluded process as an XLSX workbook and the one under way as two CSVs', () => {
    expect(fs.readdirSync(path.join(t.dataDir, 'inbox', 'calendario')).sort()).toEqual([
      'calendario_PELO_2024_2025.xlsx', 'calendario_actividades_PELO_2026_2027.csv', 'calendario_cambios_PELO_2026_2027.csv',
    ]);
  });

  it('is deterministic for a seed and date', () => {
    for (const p of procesosCalendario(HOY)) expect(calendarioProceso(p, 7, HOY)).toEqual(calendarioProceso(p, 7, HOY));
    const [, a] = procesosCalendario(HOY);
    expect(calendarioProceso(a!, 7, HOY)).not.toEqual(calendarioProceso(a!, 8, HOY));
  });

  it('loads both processes, quarantines the planted bad rows, and its checks pass', async () => {
    for (const w of [t, u]) {
      const r = await runPipeline(w.wh, calendarioPipeline, { dataDir: w.dataDir });
      expect(r.estado).toBe('exito');
      expect(r.rechazadas).toBe(4);
      const q = await w.wh.all<{ tabla: string; fila: number; campo: string }>(
        `SELECT tabla, fila, campo FROM ops.cuarentena WHERE pipeline = 'calendario' ORDER BY tabla, fila`);
      // The bad rows follow the good activities (rows 2 … n + 1 of the CSV, under its header) and the good cambios.
      const [, enCurso] = procesosCalendario(w === t ? HOY : OTRO_HOY);
      const { actividades: n, cambios: m } = calendarioProceso(enCurso!, 2026, w === t ? HOY : OTRO_HOY);
      expect(q).toEqual([
        { tabla: 'calendario_actividades', fila: n.length + 2, campo: 'estatus' },
        { tabla: 'calendario_actividades', fila: n.length + 3, campo: 'fecha_fin' },
        { tabla: 'calendario_actividades', fila: n.length + 4, campo: 'fecha_fin' },
        { tabla: 'calendario_cambios', fila: m.length + 2, campo: 'fecha_inicio_nueva, fecha_fin_nueva' },
      ]);
      const fallas = await w.wh.all(`SELECT nombre, fallas FROM ops.verificaciones WHERE pipeline = 'calendario' AND fallas > 0`);
      expect(fallas).toEqual([]);
    }
  });

  it('lists both processes with their names, the one under way first', async () => {
    const ps = await procesos(t.wh);
    const n = procesosCalendario(HOY).map((p) => calendarioProceso(p, 2026, HOY).actividades.length);
    expect(n.every((x) => x >= 250 && x <= 350)).toBe(true);
    expect(ps.map((p) => [p.proceso, p.nombre, p.actividades])).toEqual([
      ['PELO_2026_2027', 'Proceso Electoral Local Ordinario 2026-2027 (Diputaciones)', n[1]],
      ['PELO_2024_2025', 'Proceso Electoral Local Ordinario 2024-2025 (Ayuntamientos)', n[0]],
    ]);
  });

  it('PELO_2024_2025 is concluded: nothing pending, some activities concluded late, a handful of changes', async () => {
    for (const [w, hoy] of [[t, HOY], [u, OTRO_HOY]] as const) {
      const r = (await resumen(w.wh, { proceso: 'PELO_2024_2025', hasta: hoy }))!;
      expect(r.por_iniciar).toBe(0);
      expect(r.en_ejecucion).toBe(0);
      expect(r.fuera_de_plazo).toBe(0);
      expect(r.concluida_fuera_de_plazo).toBeGreaterThan(0);
      expect(r.concluida).toBeGreaterThan(r.concluida_fuera_de_plazo);
      expect(r.canceladas).toBeGreaterThan(0);
      const [concluido] = procesosCalendario(hoy);
      expect(r.concluida + r.concluida_fuera_de_plazo + r.canceladas).toBe(calendarioProceso(concluido!, 2026, hoy).actividades.length);
      const rows = await actividades(w.wh, { proceso: 'PELO_2024_2025', hasta: hoy });
      const conCambios = rows.filter((x) => x.cambios > 0).length;
      expect(conCambios).toBeGreaterThanOrEqual(3);
      expect(conCambios).toBeLessThanOrEqual(10);
    }
  });

  it('the process under way shows every state today, across the areas, with changes by acuerdo and a few cancelled', async () => {
    for (const [w, hoy] of [[t, HOY], [u, OTRO_HOY]] as const) {
      const r = (await resumen(w.wh, { proceso: 'PELO_2026_2027', hasta: hoy }))!;
      for (const e of ESTADOS_ACTIVIDAD) expect(r[e], `${e} el ${hoy}`).toBeGreaterThan(0);
      expect(r.canceladas).toBeGreaterThanOrEqual(2);
      expect(r.por_area.length).toBeGreaterThanOrEqual(15);
      const rows = await actividades(w.wh, { proceso: 'PELO_2026_2027', hasta: hoy });
      expect(rows.length).toBeGreaterThanOrEqual(250);
      expect(rows.filter((x) => x.cambios > 0).length).toBeGreaterThanOrEqual(5);
      expect(new Set(rows.map((x) => x.subproceso)).size).toBeGreaterThanOrEqual(8);
      // Nothing reported after today.
      expect(rows.every((x) => (x.fecha_fin_real ?? '') <= hoy && (x.fecha_inicio_real ?? '') <= hoy)).toBe(true);
      expect((await atrasadas(w.wh, { proceso: 'PELO_2026_2027', hasta: hoy })).length).toBe(r.fuera_de_plazo);
      expect((await porVencer(w.wh, { proceso: 'PELO_2026_2027', hasta: hoy })).length).toBeGreaterThan(0);
    }
  });

  it('every state shows on any day of the week (the jornada moves to a Sunday)', async () => {
    for (let i = 1; i <= 7; i++) {
      const hoy = addDays(OTRO_HOY, i);
      // A fresh installation each day (the concluded process's workbook is the same every day: forget it was loaded).
      await u.wh.exec(`DELETE FROM core.calendario_actividades; DELETE FROM core.calendario_cambios;
        DELETE FROM ops.archivos_cargados WHERE pipeline = 'calendario'`);
      await calendarioPipeline.demo!(demoContext(u.config, { today: hoy }));
      expect((await runPipeline(u.wh, calendarioPipeline, { dataDir: u.dataDir })).estado).toBe('exito');
      const r = (await resumen(u.wh, { proceso: 'PELO_2026_2027', hasta: hoy }))!;
      for (const e of ESTADOS_ACTIVIDAD) expect(r[e], `${e} el ${hoy}`).toBeGreaterThan(0);
      const c = (await resumen(u.wh, { proceso: 'PELO_2024_2025', hasta: hoy }))!;
      expect([c.por_iniciar, c.en_ejecucion, c.fuera_de_plazo]).toEqual([0, 0, 0]);
    }
  });
});
