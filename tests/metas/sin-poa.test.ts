import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { userClient, type Client } from '../helpers/client.js';
import { periodoPorOmision } from '../../src/domains/metas/queries/metas.js';
import type { ResumenMetas } from '../../src/domains/metas/types.js';

/**
 * A fresh warehouse without planning data (no POA run yet): the Metas page's reads answer "nothing yet" with the
 * shapes of DESIGN.md §6 (zero counts, no rows) instead of a 404, for UTP and for an area user, whose home it is.
 * An ejercicio asked for by name that has no activities stays a 404 with its Spanish reason.
 */
let utp: Client;
let area: Client;
adminApi(async ({ srv, admin }) => {
  utp = await userClient(srv, admin, 'ana.utp', 'utp');
  area = await userClient(srv, admin, 'eva.deoe', 'area', 'DEOE');
});

describe('Metas without a POA loaded', () => {
  it('resumen without ejercicio: 200, this year and its default quarter, every count 0, no areas', async () => {
    const { ejercicio, trimestre } = periodoPorOmision({});
    for (const c of [utp, area]) {
      const r = await c.fetch('/api/metas/resumen');
      expect(r.status).toBe(200);
      const body = (await r.json()) as ResumenMetas;
      expect(body).toMatchObject({ ejercicio, trimestre, verde: 0, amarillo: 0, rojo: 0, rebasada: 0, sin_meta: 0, actividades: 0, avance_pct: null, actualizado: null });
      expect(body.por_area).toEqual([]);
      expect(body.por_programa).toEqual([]);
      expect(body.por_programa_especifico).toEqual([]);
    }
  });

  it('actividades without ejercicio: 200 and no rows (a page of none, total 0); ejercicios, indicadores: empty lists', async () => {
    for (const c of [utp, area]) {
      expect(await c.json('/api/metas/actividades')).toEqual([]);
      const p = await c.fetch('/api/metas/actividades?limite=100&orden=avance_pct&dir=desc');
      expect(p.status).toBe(200);
      expect(p.headers.get('x-total-count')).toBe('0');
      expect(await p.json()).toEqual([]);
      expect(await c.json('/api/metas/ejercicios')).toEqual([]);
      expect(await c.json('/api/indicadores')).toEqual([]);
    }
  });

  it('the XLSX without ejercicio: a workbook with no activities; an area that is not plain text stays out of its file name', async () => {
    const { ejercicio, trimestre } = periodoPorOmision({});
    const r = await utp.fetch(`/api/metas/actividades.xlsx?area=${encodeURIComponent('ñandú\u202e')}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="poa_${ejercicio}_T${trimestre}_nandu.xlsx"`);
  });

  it('an ejercicio asked for by name without activities: 404 with the reason, also for this year', async () => {
    const { ejercicio } = periodoPorOmision({});
    for (const ruta of [`/api/metas/resumen?ejercicio=${ejercicio}`, `/api/metas/actividades?ejercicio=${ejercicio - 1}&trimestre=4`]) {
      const r = await utp.fetch(ruta);
      expect(r.status).toBe(404);
      const ej = ruta.includes(`=${ejercicio - 1}`) ? ejercicio - 1 : ejercicio;
      expect(((await r.json()) as { error: string }).error).toBe(`No hay actividades del POA cargadas para el ejercicio ${ej}.`);
    }
  });

  it('an area user still cannot read another area, with or without a POA', async () => {
    expect((await area.fetch('/api/metas/resumen?area=UTP')).status).toBe(403);
  });
});
