import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile } from '../helpers/warehouse.js';
import { startTestServer, TEST_PASSWORD, type Client, type TestServer } from '../helpers/server.js';

/**
 * The HTTP side of UTOE and UTS figures: shapes named in DESIGN.md §6, filters, errors in Spanish, roles.
 * Figures themselves are checked by hand in tests/pipelines/{oficialia,sesiones}.
 */
let srv: TestServer;
let admin: Client;

async function runAndWait(nombre: string): Promise<void> {
  const r = await admin.fetch(`/api/pipelines/${nombre}/ejecutar`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(r.status).toBe(202);
  const { id } = (await r.json()) as { id: number };
  for (;;) {
    const run = await admin.json<{ estado: string; error: string | null }>(`/api/pipelines/${nombre}/ejecuciones/${id}`);
    if (run.estado !== 'en_curso') return void expect(run.error).toBeNull();
    await new Promise((res) => setTimeout(res, 100));
  }
}

async function userClient(usuario: string, rol: string): Promise<Client> {
  const r = await admin.fetch('/api/usuarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario, password: TEST_PASSWORD, rol }) });
  expect(r.status).toBe(201);
  const c = srv.client();
  expect((await c.login(usuario, TEST_PASSWORD)).status).toBe(200);
  return c;
}

beforeAll(async () => {
  srv = await startTestServer();
  admin = srv.client();
  expect((await admin.login()).status).toBe(200);
  // P1 OC attended in 24 h; P2 M045 attended in 96 h; P3 M045 pending.
  dropFile(srv.dataDir, 'oficialia', 'peticiones.csv', [
    'folio,fecha_recepcion,organo,tipo_peticionario,acto_a_certificar,estado,fecha_prevencion,fecha_respuesta_prevencion,fecha_evaluacion,fecha_diligencia,fecha_entrega_acta,num_acta',
    'P1,10/03/2026 10:00,OC,PP,Bardas,atendida,,,10/03/2026 12:00,,11/03/2026 10:00,A1',
    'P2,12/03/2026 10:00,M045,OI,Mitin,atendida,,,12/03/2026 12:00,,16/03/2026 10:00,A2',
    'P3,20/03/2026 10:00,M045,PP,Volantes,recibida,,,,,,',
  ].join('\n'));
  // S1 ordinaria with 96 h of notice; S2 extraordinaria with 12 h, without quorum. A1 published 2 days later.
  dropFile(srv.dataDir, 'sesiones', 'sesiones.csv', [
    'organo,numero,tipo,fecha_convocatoria,fecha_inicio,fecha_fin,quorum,puntos,acta_aprobada_en',
    'CG,5,ordinaria,01/03/2026 10:00,05/03/2026 10:00,05/03/2026 12:00,si,8,6',
    'CG,6,extraordinaria,09/03/2026 22:00,10/03/2026 10:00,10/03/2026 10:30,no,0,',
  ].join('\n'));
  dropFile(srv.dataDir, 'sesiones', 'acuerdos.csv', [
    'clave,organo,sesion_numero,fecha_aprobacion,rubro,votacion,votos_favor,votos_contra,fecha_publicacion',
    'OPLEV/CG020/2026,CG,5,05/03/2026 11:00,Calendario,unanimidad,7,0,07/03/2026',
  ].join('\n'));
  await runAndWait('oficialia');
  await runAndWait('sesiones');
}, 120_000);

afterAll(async () => {
  await srv?.stop();
});

describe('GET /api/oficialia', () => {
  it('resumen has the fields of DESIGN.md §6', async () => {
    const r = await admin.json<Record<string, unknown>>('/api/oficialia/resumen?desde=2026-03-01&hasta=2026-03-31');
    // recibidas 3, atendidas 2, backlog 1; hours 24 and 96 → median 60; en plazo 1 / 2 = 50 %.
    expect({ recibidas: r.recibidas, atendidas: r.atendidas, backlog: r.backlog, horas_atencion_mediana: r.horas_atencion_mediana, en_plazo_pct: r.en_plazo_pct })
      .toEqual({ recibidas: 3, atendidas: 2, backlog: 1, horas_atencion_mediana: 60, en_plazo_pct: 50 });
    expect(r).toHaveProperty('por_organo');
    expect(r).toHaveProperty('semanal');
  });

  it('a council\'s petitions are reachable with ?organo=', async () => {
    const rows = await admin.json<Array<{ folio: string }>>('/api/oficialia?organo=M045&desde=2026-03-01&hasta=2026-03-31');
    expect(rows.map((x) => x.folio).sort()).toEqual(['P2', 'P3']);
    const pend = await admin.json<Array<{ folio: string }>>('/api/oficialia?organo=M045&desde=2026-03-01&hasta=2026-03-31&pendientes=1');
    expect(pend.map((x) => x.folio)).toEqual(['P3']);
  });

  it('a bad date answers 400 in Spanish', async () => {
    const r = await admin.fetch('/api/oficialia/resumen?desde=01/03/2026');
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toContain('aaaa-mm-dd');
  });
});

describe('GET /api/sesiones', () => {
  it('resumen has the fields of DESIGN.md §6', async () => {
    const r = await admin.json<Record<string, unknown>>('/api/sesiones/resumen?desde=2026-03-01&hasta=2026-03-31');
    // 2 sessions; S2 without quorum; S1 96 ≥ 72 ✓, S2 12 < 24 ✕ → 50 %; S2's minutes pending; 1 acuerdo, 2 days.
    expect({ sesiones: r.sesiones, sin_quorum: r.sin_quorum, anticipacion_cumplida_pct: r.anticipacion_cumplida_pct, actas_pendientes: r.actas_pendientes, acuerdos: r.acuerdos, dias_publicacion_mediana: r.dias_publicacion_mediana })
      .toEqual({ sesiones: 2, sin_quorum: 1, anticipacion_cumplida_pct: 50, actas_pendientes: 1, acuerdos: 1, dias_publicacion_mediana: 2 });
    const list = await admin.json<Array<{ numero: number; horas_anticipacion: number; cumple: boolean }>>('/api/sesiones?desde=2026-03-01&hasta=2026-03-31');
    expect(list.map((s) => [s.numero, s.horas_anticipacion, s.cumple])).toEqual([[6, 12, false], [5, 96, true]]);
    const acuerdos = await admin.json<Array<{ clave: string; dias_publicacion: number }>>('/api/sesiones/acuerdos?desde=2026-03-01&hasta=2026-03-31');
    expect(acuerdos).toMatchObject([{ clave: 'OPLEV/CG020/2026', dias_publicacion: 2 }]);
  });
});

describe('roles', () => {
  it('utoe reads Oficialía but not Sesiones; uts the other way round', async () => {
    const utoe = await userClient('utoe1', 'utoe');
    expect((await utoe.fetch('/api/oficialia/resumen')).status).toBe(200);
    expect((await utoe.fetch('/api/sesiones/resumen')).status).toBe(403);
    const uts = await userClient('uts1', 'uts');
    expect((await uts.fetch('/api/sesiones/resumen')).status).toBe(200);
    expect((await uts.fetch('/api/oficialia')).status).toBe(403);
    const anon = srv.client();
    expect((await anon.fetch('/api/oficialia/resumen')).status).toBe(401);
  });
});
