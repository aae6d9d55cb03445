import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ACCESO, navigation } from '../../src/server/nav.js';
import { ACCESS } from '../../src/auth/roles.js';
import { DOMAINS } from '../../src/domains/registry.js';

/** The dashboard's navigation and access table come from the domains' registry (src/server/nav.ts). */
describe('navigation from the registry', () => {
  it('each role sees the entries of the domains it may read, in order; admin also Administración', () => {
    expect(navigation('utsi').nav.map((n) => n.href)).toEqual(['/', '/incidentes', '/disponibilidad', '/admin/estado', '/reportes']);
    expect(navigation('area').nav.map((n) => n.label)).toEqual(['Metas y evaluación', 'Calendario', 'Reportes programados']);
    expect(navigation('admin').nav.map((n) => n.href)).toEqual(['/', '/metas', '/calendario', '/odes', '/incidentes', '/disponibilidad', '/oficialia', '/sesiones', '/admin/estado', '/reportes', '/informes', '/admin']);
    expect(navigation(null).nav).toEqual([]);
  });

  it('the access table names every page prefix with the same roles the API checks', () => {
    const evaluacion = ACCESO.find((a) => a.href === '/evaluacion')!;
    expect(evaluacion.roles).toEqual(ACCESS.metas);
    expect(ACCESO.find((a) => a.href === '/admin')!.roles).toEqual(['admin']);
    for (const d of DOMAINS) {
      for (const a of ACCESO.filter((x) => x.href === d.nav?.href)) expect(a.roles, a.href).toEqual(ACCESS[d.id]);
    }
    expect(new Set(ACCESO.map((a) => a.href)).size).toBe(ACCESO.length);
  });
});

describe('the dashboard gets them with the session (real server)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  }, 200_000);
  afterAll(async () => srv?.stop());

  it('the layout renders the entries of the role and carries the access table of every page', async () => {
    const admin = srv.client();
    expect((await admin.login()).status).toBe(200);
    const utsi = await userClient(srv, admin, 'tecnico.utsi', 'utsi');
    const html = await (await utsi.fetch('/incidentes')).text();
    const nav = /<nav id="nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    expect([...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/', '/incidentes', '/disponibilidad', '/admin/estado', '/reportes']);
    // The access table travels in the page's data: a page the role cannot open can name the roles that can.
    expect(html).toMatch(/acceso:\[\{href:"\/".*href:"\/evaluacion",label:"Metas y evaluación",roles:/);
    const adminHtml = await (await admin.fetch('/')).text();
    expect(adminHtml).toContain('href="/admin"');
  });
});
