import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { send, userClient } from '../helpers/client.js';
import { incidentesPublicos } from '../../src/domains/estado/queries.js';
import type { Incidente, IncidentePublico } from '../../src/domains/estado/types.js';

/** Status page incidents (issue 13 item 6): UTSI posts and updates; /api/publico/incidentes shows them 90 days. */
const t = adminApi();

const csrf = async (c: { login: (u?: string, p?: string) => Promise<Response> }, u: string): Promise<string> => {
  const r = await c.login(u);
  return ((await r.json()) as { csrf: string }).csrf;
};

describe('status page incidents', () => {
  it('UTSI posts an incident and its updates; the public page shows them with their history, without authors', async () => {
    const utsi = await userClient(t.srv, t.admin, 'utsi1', 'utsi');
    const token = await csrf(utsi, 'utsi1');
    const h = { 'x-csrf-token': token };
    const r = await utsi.fetch('/api/estado/incidentes', send('POST', { titulo: 'Falla del portal', impacto: 'mayor', mensaje: 'Investigamos lentitud del portal.', servicios: ['Portal institucional'] }, h));
    expect(r.status).toBe(201);
    const { id } = (await r.json()) as { id: number };
    expect((await utsi.fetch(`/api/estado/incidentes/${id}/actualizaciones`, send('POST', { estado: 'identificado', mensaje: 'Un disco lleno.' }, h))).status).toBe(201);

    const anon = t.srv.client();
    let pub = await anon.json<IncidentePublico[]>('/api/publico/incidentes');
    const inc = pub.find((x) => x.id === id)!;
    expect(inc).toMatchObject({ titulo: 'Falla del portal', impacto: 'mayor', estado: 'identificado', resuelto_en: null, servicios: ['Portal institucional'] });
    expect(inc.actualizaciones.map((a) => [a.estado, a.mensaje])).toEqual([['identificado', 'Un disco lleno.'], ['investigando', 'Investigamos lentitud del portal.']]);
    expect(JSON.stringify(pub)).not.toContain('utsi1');

    expect((await utsi.fetch(`/api/estado/incidentes/${id}/actualizaciones`, send('POST', { estado: 'resuelto', mensaje: 'Se liberó espacio.' }, h))).status).toBe(201);
    pub = await anon.json<IncidentePublico[]>('/api/publico/incidentes');
    expect(pub.find((x) => x.id === id)).toMatchObject({ estado: 'resuelto', resuelto_en: expect.any(String) });
    const all = await utsi.json<Incidente[]>('/api/estado/incidentes');
    expect(all.find((x) => x.id === id)).toMatchObject({ creado_por: 'utsi1', publicado: true });
  });

  it('a resolved incident leaves /estado 90 days after its resolution; an open one stays', async () => {
    const token = t.csrf;
    const h = { 'x-csrf-token': token };
    const viejo = ((await (await t.admin.fetch('/api/estado/incidentes', send('POST', { titulo: 'Corte de red', mensaje: 'Sin enlace.', estado: 'resuelto' }, h))).json()) as { id: number }).id;
    const abierto = ((await (await t.admin.fetch('/api/estado/incidentes', send('POST', { titulo: 'Correo lento', mensaje: 'Revisamos.' }, h))).json()) as { id: number }).id;
    // Both happened 91 days ago: the resolved one is gone, the open one is still news.
    await t.srv.wh.exec(`UPDATE app.estado_incidentes SET creado_en = now() - INTERVAL 91 DAY, resuelto_en = CASE WHEN resuelto_en IS NOT NULL THEN now() - INTERVAL 91 DAY END WHERE id IN (${viejo}, ${abierto})`);
    const pub = await t.srv.client().json<IncidentePublico[]>('/api/publico/incidentes');
    expect(pub.map((x) => x.id)).not.toContain(viejo);
    expect(pub.map((x) => x.id)).toContain(abierto);
    const all = await t.admin.json<Incidente[]>('/api/estado/incidentes');
    expect(all.find((x) => x.id === viejo)?.publicado).toBe(false);
    // The boundary: resolved on 1 March, still shown on 30 May (90 days), gone on 31 May.
    await t.srv.wh.exec(`UPDATE app.estado_incidentes SET resuelto_en = '2026-03-01T12:00:00Z' WHERE id = ${viejo}`);
    expect((await incidentesPublicos(t.srv.wh, '2026-05-30T12:00:00Z')).map((x) => x.id)).toContain(viejo);
    expect((await incidentesPublicos(t.srv.wh, '2026-05-30T12:00:01Z')).map((x) => x.id)).not.toContain(viejo);
  });

  it('writes need UTSI or admin; bad input answers 400 in Spanish; an unknown incident 404', async () => {
    const dir = await userClient(t.srv, t.admin, 'dir1', 'direccion');
    const h = { 'x-csrf-token': await csrf(dir, 'dir1') };
    expect((await dir.fetch('/api/estado/incidentes', send('POST', { titulo: 'x', mensaje: 'y' }, h))).status).toBe(403);
    expect((await dir.fetch('/api/estado/incidentes')).status).toBe(403);
    expect((await t.srv.client().fetch('/api/estado/incidentes')).status).toBe(401);
    const ah = { 'x-csrf-token': t.csrf };
    const bad = await t.admin.fetch('/api/estado/incidentes', send('POST', { titulo: 'x', mensaje: 'y', estado: 'caido' }, ah));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('«estado»');
    const vacio = await t.admin.fetch('/api/estado/incidentes', send('POST', { titulo: ' ', mensaje: 'y' }, ah));
    expect(vacio.status).toBe(400);
    expect((await t.admin.fetch('/api/estado/incidentes/99999/actualizaciones', send('POST', { estado: 'resuelto', mensaje: 'z' }, ah))).status).toBe(404);
  });
});
