import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/sessions.js';
import { createToken, listTokens, revokeToken } from '../../src/auth/tokens.js';
import { createUser, updateUser } from '../../src/auth/users.js';
import { saveSetting } from '../../src/config/settings.js';
import { addDays, todayMx } from '../../src/core/time.js';
import { setOdesConfig } from '../../src/domains/odes/settings.js';
import { createServicio } from '../../src/domains/disponibilidad/catalog.js';
import { inProcessApi, type InProcessApi } from '../helpers/api.js';

let t: InProcessApi;
let admin: { cookie: string; csrf: string };
beforeAll(async () => {
  t = await inProcessApi();
  admin = await t.login();
});
afterAll(() => t?.close());

const count = async (sql: string): Promise<number> => (await t.wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${sql})`))!.n;

describe('an audit row commits with its change or not at all', () => {
  it('when the audit row cannot be written, the change it records is rolled back too', async () => {
    await createUser(t.wh, { usuario: 'existente', password: 'Prueba-Clave-2026!', rol: 'uts' }, 'admin');
    await createToken(t.wh, 'existente', 'previo', 'admin', 30);
    const tokId = (await listTokens(t.wh)).find((x) => x.nombre === 'previo')!.id;
    const writes: Array<[string, () => Promise<unknown>, string]> = [
      ['usuario.crear', () => createUser(t.wh, { usuario: 'nuevo', password: 'Prueba-Clave-2026!', rol: 'uts' }, 'admin'), "SELECT 1 FROM app.usuarios WHERE usuario = 'nuevo'"],
      ['usuario.modificar', () => updateUser(t.wh, 'existente', { rol: 'utp' }, 'admin'), "SELECT 1 FROM app.usuarios WHERE usuario = 'existente' AND rol = 'utp'"],
      ['configuracion.modificar', () => saveSetting(t.wh, 'oficialia.config', { plazo_horas: 48 }, 'admin'), "SELECT 1 FROM app.configuracion WHERE clave = 'oficialia.config'"],
      ['odes.configuracion', () => setOdesConfig(t.wh, 'admin', { horas_estrados: 36 }), "SELECT 1 FROM app.configuracion WHERE clave LIKE 'odes%'"],
      ['servicio.crear', () => createServicio(t.wh, { id: 'correo', nombre: 'Correo', tipo: 'tcp', destino: 'correo.example:25' }, 'admin'), "SELECT 1 FROM core.servicios WHERE id = 'correo'"],
      ['token.crear', () => createToken(t.wh, 'existente', 'otro', 'admin', 30), "SELECT 1 FROM app.tokens WHERE nombre = 'otro'"],
      ['token.revocar', () => revokeToken(t.wh, tokId, 'admin'), `SELECT 1 FROM app.tokens WHERE left(token_hash, 16) = '${tokId}' AND revocado`],
      ['sesion.iniciar', () => createSession(t.wh, 'existente', t.config), "SELECT 1 FROM app.sesiones WHERE usuario = 'existente'"],
    ];
    await t.wh.exec('ALTER TABLE app.auditoria RENAME TO auditoria_fuera');
    try {
      for (const [accion, write, changed] of writes) {
        await expect(write(), accion).rejects.toThrow();
        expect(await count(changed), `${accion}: el cambio quedó sin su registro`).toBe(0);
      }
    } finally {
      await t.wh.exec('ALTER TABLE app.auditoria_fuera RENAME TO auditoria');
    }
    // With the log back, the same writes go through, each with its row.
    for (const [accion, write, changed] of writes) {
      await write();
      expect(await count(changed), accion).toBe(1);
      expect(await count(`SELECT 1 FROM app.auditoria WHERE accion = '${accion}'`), accion).toBeGreaterThanOrEqual(1);
    }
  });
});

type Row = { fecha: string; usuario: string | null; accion: string; objeto: string | null; antes: unknown; despues: unknown; direccion: string | null };
const get = (path: string, cookie = admin.cookie) => t.request(path, { headers: { cookie } });

describe('GET /api/auditoria', () => {
  it('answers [{fecha, usuario, accion, objeto, antes, despues, direccion}], newest first, with failed logins', async () => {
    await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario: 'intruso', password: 'no-es-la-clave' }) });
    const r = await get('/api/auditoria');
    expect(r.status).toBe(200);
    const rows = (await r.json()) as Row[];
    expect(Object.keys(rows[0]!).sort()).toEqual(['accion', 'antes', 'despues', 'direccion', 'fecha', 'objeto', 'usuario']);
    expect(rows[0]).toMatchObject({ usuario: 'intruso', accion: 'sesion.fallida', objeto: 'intruso', direccion: 'local' });
    const fechas = rows.map((x) => Date.parse(x.fecha));
    expect([...fechas].sort((a, b) => b - a)).toEqual(fechas);
    // antes/despues come back as JSON values, not strings.
    const mod = rows.find((x) => x.accion === 'usuario.modificar')!;
    expect(mod.antes).toMatchObject({ usuario: 'existente', rol: 'uts' });
    expect(mod.despues).toMatchObject({ rol: 'utp' });
  });

  it('filters by usuario, by accion or its family, and by the days desde..hasta', async () => {
    const mine = (await (await get('/api/auditoria?usuario=intruso')).json()) as Row[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.usuario === 'intruso')).toBe(true);
    const sesiones = (await (await get('/api/auditoria?accion=sesion')).json()) as Row[];
    expect(new Set(sesiones.map((x) => x.accion))).toEqual(new Set(['sesion.iniciar', 'sesion.fallida']));
    const exact = (await (await get('/api/auditoria?accion=sesion.fallida')).json()) as Row[];
    expect(exact.every((x) => x.accion === 'sesion.fallida')).toBe(true);
    const hoy = todayMx();
    expect(((await (await get(`/api/auditoria?desde=${hoy}&hasta=${hoy}`)).json()) as Row[]).length).toBe(((await (await get('/api/auditoria')).json()) as Row[]).length);
    expect(await (await get(`/api/auditoria?desde=${addDays(hoy, 1)}&hasta=${addDays(hoy, 2)}`)).json()).toEqual([]);
    const two = (await (await get('/api/auditoria?limite=2&desde_fila=1')).json()) as Row[];
    const all = (await (await get('/api/auditoria')).json()) as Row[];
    expect(two).toEqual(all.slice(1, 3));
    expect(await (await get('/api/auditoria/acciones')).json()).toContain('sesion.fallida');
  });

  it('400 naming the parameter for bad input; 403 for a role other than admin', async () => {
    const bad = await get('/api/auditoria?desde=2025-02-30');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'El parámetro «desde» debe ser una fecha válida con el formato aaaa-mm-dd.', parametro: 'desde' });
    expect((await get('/api/auditoria?desde=2025-03-01&hasta=2025-02-01')).status).toBe(400);
    expect((await get('/api/auditoria?limite=0')).status).toBe(400);
    await createUser(t.wh, { usuario: 'direccion1', password: 'Prueba-Clave-2026!', rol: 'direccion' }, 'admin');
    const d = await t.login('direccion1', 'Prueba-Clave-2026!');
    expect((await get('/api/auditoria', d.cookie)).status).toBe(403);
  });
});
