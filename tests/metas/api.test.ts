import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { type Client } from '../helpers/client.js';
import { runAndWait, userClient } from '../helpers/client.js';
import { dropPlanning } from './fixture.js';

let dea: Client;
const t = adminApi(async ({ srv, admin }) => {
  dropPlanning(srv.dataDir);
  await runAndWait(admin, 'poa');
  await runAndWait(admin, 'indicadores');
  dea = await userClient(srv, admin, 'dea.area', 'area', 'DEA');
});

describe('GET /api/metas/* and /api/indicadores (figures of tests/metas/fixture.ts)', () => {
  it('resumen: counts by semáforo for the institute and by area, avance = mean of the activities', async () => {
    const r = await t.admin.json<Record<string, unknown>>('/api/metas/resumen?ejercicio=2026&trimestre=1');
    expect(r).toMatchObject({ verde: 1, amarillo: 1, rojo: 1, rebasada: 1, sin_meta: 1 });
    // DEA: (0 + 150) / 2 = 75; UTP: (100 + 80) / 2 = 90 (sin_meta has no avance).
    expect(r.por_area).toEqual([
      expect.objectContaining({ area: 'DEA', verde: 0, amarillo: 0, rojo: 1, rebasada: 1, sin_meta: 0, avance_pct: 75 }),
      expect.objectContaining({ area: 'UTP', verde: 1, amarillo: 1, rojo: 0, rebasada: 0, sin_meta: 1, avance_pct: 90 }),
    ]);
  });

  it('actividades: the fields of DESIGN.md §6', async () => {
    const rows = await t.admin.json<Array<Record<string, unknown>>>('/api/metas/actividades?ejercicio=2026&trimestre=1');
    expect(rows.map((x) => [x.programa_especifico, x.num_actividad, x.programado, x.realizado, x.avance_pct, x.semaforo, x.clasificacion])).toEqual([
      ['E404.16', 4, 15, 0, 0, 'rojo', 'no_cumplida'],
      ['E404.16', 5, 4, 6, 150, 'rebasada', 'rebasada'],
      ['E404.19', 1, 6, 6, 100, 'verde', 'cumplida'],
      ['E404.19', 2, 0, 0, null, 'sin_meta', null],
      ['E404.19', 3, 10, 8, 80, 'amarillo', 'parcialmente_cumplida'],
    ]);
    const xlsx = await t.admin.fetch('/api/metas/actividades.xlsx?ejercicio=2026&trimestre=1');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('indicadores: valor, avance and semáforo per period, ascending and descending', async () => {
    const rows = await t.admin.json<Array<Record<string, unknown>>>('/api/indicadores?ejercicio=2026');
    expect(rows.map((x) => [x.clave, x.periodo, x.valor, x.meta_periodo, x.avance_pct, x.semaforo])).toEqual([
      ['D01', '2026-T1', 10, 9, 90, 'verde'],
      ['D01', '2026-T2', null, 9, null, null],
      ['U01', '2026-T1', 50, 100, 50, 'rojo'],
      ['U01', '2026-T2', null, 100, null, null],
    ]);
    expect(rows[0]).toMatchObject({ nombre: 'Horas promedio de pago', sentido: 'descendente', frecuencia: 'trimestral', area: 'DEA' });
  });

  it('an area user sees only its own area; another area is 403; an empty ejercicio is 404; bad input 400', async () => {
    const r = await dea.json<{ rojo: number; por_area: Array<{ area: string }> }>('/api/metas/resumen?ejercicio=2026&trimestre=1');
    expect(r.por_area.map((a) => a.area)).toEqual(['DEA']);
    expect((await dea.json<unknown[]>('/api/metas/actividades?ejercicio=2026&trimestre=1')).length).toBe(2);
    expect((await dea.json<Array<{ clave: string }>>('/api/indicadores?ejercicio=2026')).map((x) => x.clave)).toEqual(['D01', 'D01']);
    const other = await dea.fetch('/api/metas/actividades?ejercicio=2026&trimestre=1&area=UTP');
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: string }).error).toBe('Solo puede consultar la información de su área (DEA).');
    const none = await t.admin.fetch('/api/metas/resumen?ejercicio=2019&trimestre=1');
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: string }).error).toBe('No hay actividades del POA cargadas para el ejercicio 2019.');
    expect((await t.admin.fetch('/api/metas/resumen?ejercicio=2026&trimestre=5')).status).toBe(400);
  });
});
