import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odesPipeline } from '../../pipelines/odes/index.js';
import { odesRows, procesosDemo } from '../../pipelines/odes/demo.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { demoContext } from '../../src/demo/index.js';
import { DEFAULT_ODES_CONFIG } from '../../src/domains/odes/settings.js';
import { computeIndice } from '../../src/domains/odes/indice.js';
import { tempWarehouse } from '../helpers/warehouse.js';

let t: Awaited<ReturnType<typeof tempWarehouse>>;

beforeAll(async () => {
  t = await tempWarehouse('atalaya-odes-demo-');
  await odesPipeline.demo!(demoContext(t.config, { today: '2026-03-15' }));
});
afterAll(() => t?.close());

describe('demo de ODES', () => {
  it('writes an XLSX workbook for the district process and CSVs for the municipal one', () => {
    const files = fs.readdirSync(path.join(t.dataDir, 'inbox', 'odes')).sort();
    expect(files).toContain('odes_PELO_2023_2024.xlsx');
    for (const tb of ['odes_consejos', 'odes_integracion', 'odes_sesiones', 'odes_acuerdos', 'odes_entregables', 'odes_supervision']) {
      expect(files).toContain(`${tb}_PELO_2024_2025.csv`);
    }
  });

  it('is deterministic for a seed and date', () => {
    const [, m] = procesosDemo(t.config.geoDir);
    expect(odesRows(m!, 7, '2026-03-15')).toEqual(odesRows(m!, 7, '2026-03-15'));
  });

  it('loads the 242 councils, quarantines the bad rows, and leaves a weak region under 70', async () => {
    const r = await runPipeline(t.wh, odesPipeline, { dataDir: t.dataDir });
    expect(r.estado).toBe('exito');
    expect(r.rechazadas).toBe(3);
    const q = await t.wh.all<{ tabla: string; campo: string }>(`SELECT tabla, campo FROM ops.cuarentena WHERE pipeline = 'odes' ORDER BY tabla`);
    expect(q).toEqual([
      { tabla: 'odes_acuerdos', campo: 'clave_acuerdo' },
      { tabla: 'odes_sesiones', campo: 'fecha_programada' },
      { tabla: 'odes_supervision', campo: 'severidad' },
    ]);
    const n = await t.wh.all<{ proceso: string; tipo: string; n: number }>(
      `SELECT proceso, tipo, count(*)::INT n FROM core.odes_consejos GROUP BY ALL ORDER BY proceso`,
    );
    expect(n).toEqual([
      { proceso: 'PELO_2023_2024', tipo: 'distrital', n: 30 },
      { proceso: 'PELO_2024_2025', tipo: 'municipal', n: 212 },
    ]);
    const mun = await computeIndice(t.wh, 'PELO_2024_2025', ['2026-03-15'], DEFAULT_ODES_CONFIG);
    const weak = mun.filter((x) => x.indice !== null && x.indice < 70);
    expect(weak.length).toBeGreaterThanOrEqual(1);
    // Most councils comply.
    expect(mun.filter((x) => (x.indice ?? 0) >= 90).length).toBeGreaterThan(150);
    const dis = await computeIndice(t.wh, 'PELO_2023_2024', ['2026-03-15'], DEFAULT_ODES_CONFIG);
    expect(dis).toHaveLength(30);
    expect(dis.every((x) => x.componentes_con_datos >= 6)).toBe(true);
    // The checks pass.
    const failed = await t.wh.all(`SELECT nombre, fallas FROM ops.verificaciones WHERE pipeline = 'odes' AND fallas > 0`);
    expect(failed).toEqual([]);
  });
});
