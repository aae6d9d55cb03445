import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Monitor, type CheckRecord } from '../../src/domains/disponibilidad/engine.js';
import { probeHttp, probeTcp, realProbe, resolveDestino, type ServiceDef } from '../../src/domains/disponibilidad/probe.js';

/** A local server: /rapido answers at once, /lento after 350 ms, /redirige → /rapido, /caido 503, /palabra has a keyword. */
let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/lento') return void setTimeout(() => res.end('ok'), 350);
    if (req.url === '/redirige') return void res.writeHead(302, { location: '/rapido' }).end();
    if (req.url === '/caido') return void res.writeHead(503).end('no');
    if (req.url === '/colgado') return; // never answers
    res.end('OPLE Veracruz en operación');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const svc = (id: string, path: string, intervalo_s: number, extra: Partial<ServiceDef> = {}): ServiceDef => ({
  id, nombre: id, tipo: 'http', destino: `{local}${path}`, intervalo_s, timeout_ms: 2000, palabra_clave: null, codigos_ok: '200-399', ...extra,
});

async function runFor(defs: ServiceDef[], ms: number, track?: { max: number; cur: number }): Promise<{ checks: CheckRecord[]; monitor: Monitor }> {
  const checks: CheckRecord[] = [];
  const probe = realProbe(() => base);
  const monitor = new Monitor({
    load: async () => defs,
    spread: false,
    probe: async (s, signal) => {
      if (track) track.max = Math.max(track.max, ++track.cur);
      try {
        return await probe(s, signal);
      } finally {
        if (track) track.cur--;
      }
    },
    sink: (c) => checks.push(c),
  });
  await monitor.start();
  await new Promise((r) => setTimeout(r, ms));
  monitor.stop();
  return { checks, monitor };
}

describe('programación de verificaciones', () => {
  it('sin deriva: cada hora planeada = la anterior + intervalo, aunque la verificación tarde', async () => {
    // Interval 100 ms, each check ~0–5 ms: a "now + interval" scheduler would drift by the check time every time.
    const { checks, monitor } = await runFor([svc('rapido', '/rapido', 0.1)], 1050);
    expect(checks.length).toBeGreaterThanOrEqual(5);
    const planned = checks.map((c) => c.planeado!);
    // On the grid planned₀ + k·100 ms, whatever each check took; a slot is only ever skipped (a loaded machine), never shifted.
    for (let k = 1; k < planned.length; k++) {
      expect((planned[k]! - planned[0]!) % 100).toBe(0);
      expect(planned[k]!).toBeGreaterThan(planned[k - 1]!);
    }
    expect((planned.at(-1)! - planned[0]!) / 100).toBeLessThanOrEqual(checks.length - 1 + monitor.stats.omitidas);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('sin traslape: una verificación lenta (350 ms) con intervalo de 100 ms nunca corre dos veces a la vez', async () => {
    const track = { max: 0, cur: 0 };
    const { checks, monitor } = await runFor([svc('lento', '/lento', 0.1)], 1500, track);
    expect(track.max).toBe(1);
    expect(checks.length).toBeGreaterThanOrEqual(2);
    expect(monitor.stats.omitidas).toBeGreaterThan(0);
    // Still on the grid: every planned start is the first planned start + a whole number of intervals.
    const planned = checks.map((c) => c.planeado!);
    for (const p of planned) expect((p - planned[0]!) % 100).toBe(0);
    // Consecutive checks never overlap: each starts after the previous one's start + its latency.
    for (let k = 1; k < checks.length; k++) expect(checks[k]!.ts).toBeGreaterThanOrEqual(checks[k - 1]!.ts + (checks[k - 1]!.latencia_ms ?? 0) - 1);
  });
});

describe('sondas', () => {
  const sig = new AbortController().signal;
  it('HTTP: códigos aceptados, redirecciones seguidas, palabra clave y tiempo de espera', async () => {
    expect((await probeHttp(svc('a', '', 60), `${base}/redirige`, sig)).ok).toBe(true);
    const caido = await probeHttp(svc('a', '', 60), `${base}/caido`, sig);
    expect(caido).toMatchObject({ ok: false, codigo: 503, error: 'Código HTTP 503 fuera de 200-399' });
    expect((await probeHttp(svc('a', '', 60, { codigos_ok: '200-299,503' }), `${base}/caido`, sig)).ok).toBe(true);
    expect((await probeHttp(svc('a', '', 60, { palabra_clave: 'OPLE Veracruz' }), `${base}/rapido`, sig)).ok).toBe(true);
    const sin = await probeHttp(svc('a', '', 60, { palabra_clave: 'PREP' }), `${base}/rapido`, sig);
    expect(sin.error).toBe('La respuesta no contiene la palabra clave «PREP»');
    const colgado = await probeHttp(svc('a', '', 60, { timeout_ms: 200 }), `${base}/colgado`, sig);
    expect(colgado).toMatchObject({ ok: false, error: 'Tiempo de espera agotado (200 ms)' });
  });

  it('TLS: un error de certificado se informa como tal', async () => {
    // A TLS handshake against a plain-HTTP port fails at the TLS layer.
    const r = await probeHttp(svc('a', '', 60), base.replace('http:', 'https:') + '/rapido', sig);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/TLS|certificado|SSL/i);
  });

  it('TCP: conecta al puerto abierto, rechazo en uno cerrado; {local} se resuelve a host:puerto', async () => {
    const hp = resolveDestino('{local}', 'tcp', base);
    expect(hp).toBe(base.replace('http://', ''));
    expect((await probeTcp(svc('t', '', 60), hp, sig)).ok).toBe(true);
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await probeTcp(svc('t', '', 60), `127.0.0.1:${port}`, sig)).toMatchObject({ ok: false, error: 'Conexión rechazada' });
  });
});
