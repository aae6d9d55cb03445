import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/api/context.js';
import { createMetricsApp } from '../../src/api/metrics/route.js';
import { createToken } from '../../src/auth/tokens.js';
import { adminApi } from '../helpers/api.js';
import { runAndWait, userClient } from '../helpers/client.js';
import { dropFile } from '../helpers/warehouse.js';
import { CSV, RANGE } from '../incidentes/fixture.js';

// GET /metrics (Prometheus text) over the real API in process, with runs of the real pipeline.
const t = adminApi(async ({ srv, admin }) => {
  dropFile(srv.dataDir, 'tickets', 'tickets_marzo.csv', CSV);
  await runAndWait(admin, 'tickets');
});

const metrics = (auth?: string, cookie?: string): Promise<Response> => {
  const app = createMetricsApp({ wh: t.srv.wh, config: t.srv.config } as AppContext);
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = `Bearer ${auth}`;
  if (cookie) headers.cookie = cookie;
  return Promise.resolve(app.request('http://localhost/metrics', { headers }));
};

/** The value of one sample line (name and labels exactly as written), or undefined. */
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics', () => {
  it('needs an admin API token: 401 without one (a session cookie is not enough), 403 for another role', async () => {
    expect((await metrics()).status).toBe(401);
    expect((await metrics('atl_no-existe')).status).toBe(401);
    const { cookie } = await t.srv.login();
    expect((await metrics(undefined, cookie)).status).toBe(401);
    await userClient(t.srv, t.admin, 'dir_metricas', 'direccion');
    expect((await metrics(await createToken(t.srv.wh, 'dir_metricas', 'scraper', null))).status).toBe(403);
  });

  it('counts requests by route pattern and status, cache hits and misses, runs by state and the rows they loaded', async () => {
    const token = await createToken(t.srv.wh, 'admin', 'prometheus', null);
    const before = await (await metrics(token)).text();
    const route = `/api/incidentes/resumen?desde=${RANGE.desde}&hasta=${RANGE.hasta}&m=1`;
    for (let i = 0; i < 3; i++) expect((await t.admin.fetch(route)).status).toBe(200);
    expect((await t.admin.fetch('/api/no-existe')).status).toBe(404);

    const r = await metrics(token);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await r.text();
    const series = 'atalaya_http_solicitudes_total{metodo="GET",ruta="/api/incidentes/resumen",estado="200"}';
    expect(sample(text, series)! - (sample(before, series) ?? 0)).toBe(3);
    expect(sample(text, 'atalaya_http_solicitudes_total{metodo="GET",ruta="no_encontrada",estado="404"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^atalaya_http_duracion_ms_bucket\{ruta="\/api\/incidentes\/resumen",le="\+Inf"\} \d+$/m);
    const hits = 'atalaya_cache_total{resultado="acierto"}';
    const misses = 'atalaya_cache_total{resultado="fallo"}';
    expect(sample(text, hits)! - (sample(before, hits) ?? 0)).toBe(2);
    expect(sample(text, misses)! - (sample(before, misses) ?? 0)).toBe(1);

    // The fixture's run: 10 rows read, 9 loaded, 1 quarantined (ticket 10's unknown state).
    expect(sample(text, 'atalaya_ejecuciones_total{pipeline="tickets",estado="exito"}')).toBe(1);
    expect(sample(text, 'atalaya_filas_cargadas_total{pipeline="tickets"}')).toBe(9);
    expect(sample(text, 'atalaya_filas_cuarentena_total{pipeline="tickets"}')).toBe(1);
    expect(sample(text, 'atalaya_ejecuciones_duracion_ms_total{pipeline="tickets",estado="exito"}')).toBeGreaterThanOrEqual(0);
    // The run finished in this process: counted with its duration.
    expect(sample(text, 'atalaya_ejecuciones_proceso_total{pipeline="tickets",estado="exito"}')).toBe(1);
    expect(text).toMatch(/^# TYPE atalaya_alertas gauge$/m);
    expect(text).toMatch(/^# TYPE atalaya_sondeos_ultima_hora gauge$/m);
    expect(sample(text, 'atalaya_lectores{tipo="tamano"}')).toBeGreaterThan(0);
  });
});
