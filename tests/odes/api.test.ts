import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { JSON_H as JSON_HEADERS, runAndWait, userClient, type Client } from '../helpers/client.js';
import { dropFixture, EXPECTED, HASTA, PROCESO } from './fixture.js';

const t = adminApi(async ({ srv, admin }) => {
  dropFixture(srv.dataDir);
  await runAndWait(admin, 'odes');
});
const asUser = (usuario: string, rol: string): Promise<Client> => userClient(t.srv, t.admin, usuario, rol);

interface Row {
  clave_odes: string; tipo: string; cabecera: string; indice: number | null; componentes_con_datos: number;
  componentes: Record<string, number | null>; municipio_cvegeo: string | null; componente_mas_debil: string | null; bajo_desempeno: boolean;
}

describe('GET /api/odes/cumplimiento', () => {
  it('answers the hand-computed figures in the shape of DESIGN §6, weakest first', async () => {
    const rows = await t.admin.json<Row[]>(`/api/odes/cumplimiento?proceso=${PROCESO}&hasta=${HASTA}`);
    expect(rows.map((r) => r.clave_odes)).toEqual(['M003', 'M001', 'M002', 'M004']);
    for (const r of rows) {
      const exp = EXPECTED[r.clave_odes as keyof typeof EXPECTED];
      expect(Object.keys(r.componentes).sort()).toEqual(['actas', 'entregables', 'estrados', 'instalacion', 'integracion', 'sesiones', 'supervision']);
      expect(r.componentes_con_datos).toBe(exp.componentes_con_datos);
      if (exp.indice === null) expect(r.indice).toBeNull();
      else expect(r.indice).toBeCloseTo(exp.indice, 1);
      expect(r.tipo).toBe('municipal');
    }
    const m3 = rows[0]!;
    expect(m3.cabecera).toBe('Acayucan');
    expect(m3.municipio_cvegeo).toBe('30003');
    expect(m3.bajo_desempeno).toBe(true);
    expect(m3.componente_mas_debil).toBe('instalacion');
    expect(rows.find((r) => r.clave_odes === 'M002')!.componentes.supervision).toBeNull();
  });

  it('defaults to the latest process and rejects a bad date or an unknown process', async () => {
    const r = await t.admin.fetch('/api/odes/cumplimiento');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-proceso')).toBe(PROCESO);
    const bad = await t.admin.fetch('/api/odes/cumplimiento?hasta=31-03-2025');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ parametro: 'hasta', error: expect.stringMatching(/^El parámetro «hasta» debe ser una fecha válida/) });
    expect((await t.admin.fetch('/api/odes/cumplimiento?proceso=NO_EXISTE')).status).toBe(404);
  });

  it('pages on the server: limite, desde_fila, orden (also a component), X-Total-Count and X-Bajo-Desempeno', async () => {
    const base = `/api/odes/cumplimiento?proceso=${PROCESO}&hasta=${HASTA}`;
    const claves = (rows: Row[]): string[] => rows.map((r) => r.clave_odes);
    // Weakest first: M003 17.86, M001 70.83, M002 91.67, M004 without data; page 2 of 2 rows = M002, M004.
    const p2 = await t.admin.fetch(`${base}&limite=2&desde_fila=2`);
    expect(p2.status).toBe(200);
    expect(p2.headers.get('x-total-count')).toBe('4');
    // Only M003 is under 70, counted over every council, not over the page's.
    expect(p2.headers.get('x-bajo-desempeno')).toBe('1');
    const rows2 = (await p2.json()) as Array<Row & { posicion: number }>;
    expect(claves(rows2)).toEqual(['M002', 'M004']);
    expect(rows2.map((r) => r.posicion)).toEqual([3, 4]);
    // Without limite: every council, as before, each with its place.
    const all = await t.admin.json<Array<Row & { posicion: number }>>(base);
    expect(all.map((r) => [r.clave_odes, r.posicion])).toEqual([['M003', 1], ['M001', 2], ['M002', 3], ['M004', 4]]);
    // By supervisión, highest first: M001 66.67, M003 50, then the two without it (M002, M004) last, in the ranking's order.
    const sup = await t.admin.json<Array<Row & { posicion: number }>>(`${base}&orden=supervision&dir=desc&limite=3`);
    expect(sup.map((r) => [r.clave_odes, r.posicion])).toEqual([['M001', 2], ['M003', 1], ['M002', 3]]);
    expect(claves(await t.admin.json<Row[]>(`${base}&orden=clave_odes&dir=desc&limite=2&desde_fila=1`))).toEqual(['M003', 'M002']);
    // Bad paging parameters: a Spanish 400 naming the parameter.
    for (const [q, parametro] of [['orden=componentes', 'orden'], ['limite=0', 'limite'], ['desde_fila=-1', 'desde_fila'], ['dir=arriba', 'dir']] as const) {
      const bad = await t.admin.fetch(`${base}&${q}`);
      expect(bad.status, q).toBe(400);
      expect(await bad.json()).toMatchObject({ parametro, error: expect.stringContaining(`«${parametro}»`) });
    }
  });

  it('a weight changed through PUT /api/odes/configuracion changes the index', async () => {
    const put = await t.admin.fetch('/api/odes/configuracion', { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ pesos: { estrados: 3 } }) });
    expect(put.status).toBe(200);
    const rows = await t.admin.json<Row[]>(`/api/odes/cumplimiento?proceso=${PROCESO}&hasta=${HASTA}`);
    // M001: (495.833 + 2·50) / 9 = 66.20 (arithmetic in tests/odes/indice.test.ts)
    expect(rows.find((r) => r.clave_odes === 'M001')!.indice).toBeCloseTo(66.2, 1);
    const cfg = await t.admin.json<{ pesos: Record<string, number>; horas_estrados: number; umbral_bajo_desempeno: number }>('/api/odes/configuracion');
    expect(cfg.pesos.estrados).toBe(3);
    expect(cfg.umbral_bajo_desempeno).toBe(70);
    expect(cfg.horas_estrados).toBe(24);
    const bad = await t.admin.fetch('/api/odes/configuracion', { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ pesos: { estrados: -1 } }) });
    expect(bad.status).toBe(400);
    expect((await t.admin.fetch('/api/odes/configuracion', { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ pesos: { estrados: 1 } }) })).status).toBe(200);
  });
});

describe('GET /api/odes/consejos/:clave and /api/odes/tendencia', () => {
  it('shows each component with the rows behind it', async () => {
    const d = await t.admin.json<{
      indice: number; detalle: Record<string, { filas?: Array<Record<string, unknown>>; vacantes?: Array<Record<string, unknown>> }>;
      tendencia: Array<{ hasta: string; indice: number | null }>; enlaces: { incidentes: string; oficialia: string };
    }>(`/api/odes/consejos/M001?proceso=${PROCESO}&hasta=${HASTA}`);
    expect(d.indice).toBeCloseTo(70.83, 1);
    expect(d.detalle.integracion!.vacantes!.map((v) => v.cargo)).toEqual(['secretaria']);
    expect(d.detalle.sesiones!.filas!.map((s) => [s.numero, s.motivo])).toEqual([[3, 'sin quórum']]);
    expect(d.detalle.actas!.filas!.map((s) => s.numero)).toEqual([3]);
    expect(d.detalle.estrados!.filas!.map((a) => [a.clave_acuerdo, a.motivo])).toEqual([['A2', 'fijado fuera de plazo'], ['A4', 'no fijado en estrados']]);
    expect(d.detalle.entregables!.filas!.map((e) => e.entregable)).toEqual(['Informe mensual (febrero)']);
    expect(d.detalle.supervision!.filas!.map((o) => [o.folio_visita, o.num_observacion, o.motivo])).toEqual([['V1', 2, 'pendiente']]);
    expect(d.tendencia.at(-1)!.hasta).toBe(HASTA);
    expect(d.tendencia.at(-1)!.indice).toBeCloseTo(70.83, 1);
    expect(d.enlaces.incidentes).toBe('/incidentes?clave_odes=M001');
    expect(d.enlaces.oficialia).toBe('/oficialia?organo=M001');
    const m3 = await t.admin.json<{ detalle: Record<string, { filas?: Array<Record<string, unknown>>; vacantes?: unknown[] }> }>(
      `/api/odes/consejos/M003?proceso=${PROCESO}&hasta=${HASTA}`,
    );
    expect(m3.detalle.integracion!.vacantes).toHaveLength(4);
    expect(m3.detalle.sesiones!.filas!.map((s) => s.motivo)).toEqual(['no celebrada', 'sin quórum', 'no celebrada']);
    expect((await t.admin.fetch(`/api/odes/consejos/M999?proceso=${PROCESO}`)).status).toBe(404);
  });

  it('gives a weekly series per council ending at hasta', async () => {
    const tend = await t.admin.json<{ fechas: string[]; consejos: Array<{ clave_odes: string; indices: Array<number | null> }> }>(
      `/api/odes/tendencia?proceso=${PROCESO}&hasta=${HASTA}`,
    );
    // From the first installation due date (10/01) weekly: 10/01, 17/01, … 28/03, then hasta 31/03.
    expect(tend.fechas[0]).toBe('2025-01-10');
    expect(tend.fechas[1]).toBe('2025-01-17');
    expect(tend.fechas.at(-2)).toBe('2025-03-28');
    expect(tend.fechas.at(-1)).toBe(HASTA);
    expect(tend.consejos).toHaveLength(4);
    expect(tend.consejos.find((c) => c.clave_odes === 'M003')!.indices.at(-1)).toBeCloseTo(17.86, 1);
  });
});

describe('access', () => {
  it('lets utvodes and direccion read, only admin and utvodes change the configuration, and refuses other roles', async () => {
    const utv = await asUser('utvodes1', 'utvodes');
    expect((await utv.fetch('/api/odes/cumplimiento')).status).toBe(200);
    expect((await utv.fetch('/api/odes/configuracion', { method: 'PUT', headers: JSON_HEADERS, body: '{"horas_estrados": 24}' })).status).toBe(200);
    const dir = await asUser('direccion1', 'direccion');
    expect((await dir.fetch('/api/odes/cumplimiento')).status).toBe(200);
    expect((await dir.fetch('/api/odes/configuracion', { method: 'PUT', headers: JSON_HEADERS, body: '{"horas_estrados": 12}' })).status).toBe(403);
    const utsi = await asUser('utsi1', 'utsi');
    expect((await utsi.fetch('/api/odes/cumplimiento')).status).toBe(403);
    expect((await t.srv.client().fetch('/api/odes/cumplimiento')).status).toBe(401);
    const doc = await t.admin.json<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.paths['/api/odes/cumplimiento']).toBeDefined();
  });
});
