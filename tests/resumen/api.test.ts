import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { send, userClient } from '../helpers/client.js';

const t = adminApi();

type Resumen = { periodo: string; actual: { desde: string; hasta: string }; tarjetas: Array<{ id: string; estado: string; meta: { verde: number }; frescura: { pipeline: string } }> };

describe('GET /api/resumen', () => {
  it('one card per card of the domains, in the order of the registry; an empty warehouse shows them «sin datos»', async () => {
    const r = await t.admin.json<Resumen>('/api/resumen?periodo=trimestre&hasta=2026-03-31');
    expect(r.periodo).toBe('trimestre');
    expect(r.actual).toEqual({ desde: '2026-01-01', hasta: '2026-03-31' });
    expect(r.tarjetas.map((t) => t.id)).toEqual(['metas', 'evaluacion', 'calendario', 'odes', 'incidentes', 'disponibilidad', 'oficialia', 'sesiones']);
    expect(r.tarjetas.every((t) => t.estado === 'sin_datos')).toBe(true);
    expect(r.tarjetas.find((t) => t.id === 'incidentes')!.frescura.pipeline).toBe('tickets');
  });

  it('its targets are a setting of Administración → Parámetros, read back by /api/resumen/metas', async () => {
    expect((await t.admin.fetch('/api/configuracion/resumen.metas', send('PUT', { valor: { sesiones: { verde: 80 } } }))).status).toBe(200);
    const metas = await t.admin.json<Record<string, { verde: number; amarillo: number }>>('/api/resumen/metas');
    expect(metas.sesiones).toEqual({ verde: 80, amarillo: 85, sentido: 'ascendente' });
    expect((await t.admin.json<Resumen>('/api/resumen')).tarjetas.find((t) => t.id === 'sesiones')!.meta.verde).toBe(80);
    const bad = await t.admin.fetch('/api/configuracion/resumen.metas', send('PUT', { valor: { sesiones: { verde: 'mucho' } } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^Valor inválido: valor\.sesiones\.verde/);
  });

  it('the roles of the Resumen read it; area does not', async () => {
    expect((await (await userClient(t.srv, t.admin, 'utsi1', 'utsi')).fetch('/api/resumen')).status).toBe(200);
    expect((await (await userClient(t.srv, t.admin, 'area1', 'area', 'DEA')).fetch('/api/resumen')).status).toBe(403);
  });
});
