import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { send } from '../helpers/client.js';
import { latidoProbe } from '../../src/domains/disponibilidad/latido.js';
import type { ServiceDef } from '../../src/domains/disponibilidad/probe.js';

/** Heartbeat monitors: a `latido` service, its secret URL (no session) and its check against the last call. */
const t = adminApi();

describe('latidos', () => {
  it('un servicio latido recibe una clave secreta; su URL registra la llamada sin sesión; una clave desconocida es 404', async () => {
    const r = await t.admin.fetch('/api/disponibilidad/catalogo', send('POST', { id: 'respaldo-nocturno', nombre: 'Respaldo nocturno', tipo: 'latido', intervalo_s: 600 }));
    expect(r.status).toBe(201);
    const s = (await r.json()) as ServiceDef;
    expect(s.destino).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // The table rebuilt by the migration keeps its key.
    expect((await t.admin.fetch('/api/disponibilidad/catalogo', send('POST', { id: 'respaldo-nocturno', nombre: 'Otro', tipo: 'latido' }))).status).toBe(409);

    const probe = latidoProbe(t.srv.wh, () => Date.now());
    expect(await probe(s)).toMatchObject({ ok: false, error: 'Nunca se ha recibido un latido' });

    const anon = await t.srv.request(`/api/publico/latido/${s.destino}`, { method: 'POST' });
    expect(anon.status).toBe(200);
    expect((await t.srv.request(`/api/publico/latido/${s.destino}`)).status).toBe(200);
    expect((await t.srv.request('/api/publico/latido/clave-que-no-existe-0000')).status).toBe(404);
    expect(await probe(s)).toMatchObject({ ok: true });
    // Eleven minutes later, with no call, the 10-minute heartbeat is missing.
    const later = latidoProbe(t.srv.wh, () => Date.now() + 11 * 60_000);
    const res = await later(s);
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/^Sin latido desde hace 1[01] min \(se espera al menos cada 10 min\)$/);
  });

  it('una clave inválida es 400 con mensaje en español', async () => {
    const r = await t.admin.fetch('/api/disponibilidad/catalogo', send('POST', { id: 'x1', nombre: 'X', tipo: 'latido', destino: 'corta' }));
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toContain('La clave de un latido');
  });
});
