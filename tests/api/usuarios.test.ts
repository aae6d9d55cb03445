import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';

const t = adminApi();

const send = (method: string, body: unknown): RequestInit => ({
  method, headers: { 'content-type': 'application/json', 'x-csrf-token': t.csrf }, body: JSON.stringify(body),
});

describe('users API', () => {
  it('POST → 201, PATCH changes role, area, activo and password, and every write is audited', async () => {
    const created = await t.admin.fetch('/api/usuarios', send('POST', { usuario: 'maria.utp', password: 'Clave-Maria-2026', rol: 'utp' }));
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ usuario: 'maria.utp', rol: 'utp', activo: true });
    expect(JSON.stringify(body)).not.toMatch(/hash|Clave-Maria/);

    expect((await t.admin.fetch('/api/usuarios', send('POST', { usuario: 'maria.utp', password: 'Clave-Maria-2026', rol: 'utp' }))).status).toBe(409);
    const badRol = await t.admin.fetch('/api/usuarios', send('POST', { usuario: 'pedro', password: 'Clave-Pedro-2026', rol: 'jefe' }));
    expect(badRol.status).toBe(400);
    expect(await badRol.json()).toEqual({ error: 'El campo «rol» debe ser uno de los roles: admin, direccion, utp, utvodes, utsi, utoe, uts, area.', parametro: 'rol' });
    const corta = await t.admin.fetch('/api/usuarios', send('POST', { usuario: 'pedro', password: 'corta', rol: 'utp' }));
    expect(await corta.json()).toEqual({ error: 'El campo «password» debe tener al menos 12 caracteres.', parametro: 'password' });
    const comun = await t.admin.fetch('/api/usuarios', send('POST', { usuario: 'pedro', password: 'Contraseña123', rol: 'utp' }));
    expect(comun.status).toBe(400);
    expect(await comun.json()).toEqual({ error: 'El campo «password» es una contraseña común; elija otra.', parametro: 'password' });
    expect((await t.admin.fetch('/api/usuarios', send('POST', { usuario: 'pedro', password: 'Clave-Pedro-2026', rol: 'area' }))).status).toBe(400);

    const patched = await t.admin.fetch('/api/usuarios/maria.utp', send('PATCH', { rol: 'area', area: 'UTP' }));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ usuario: 'maria.utp', rol: 'area', area: 'UTP' });
    expect((await t.admin.fetch('/api/usuarios/nadie', send('PATCH', { rol: 'utp' }))).status).toBe(404);

    const maria = t.srv.client();
    expect((await maria.login('maria.utp', 'Clave-Maria-2026')).status).toBe(200);
    expect((await t.admin.fetch('/api/usuarios/maria.utp', send('PATCH', { password: 'Nueva-Clave-2026' }))).status).toBe(200);
    expect((await t.srv.client().login('maria.utp', 'Clave-Maria-2026')).status).toBe(401);
    expect((await t.srv.client().login('maria.utp', 'Nueva-Clave-2026')).status).toBe(200);
    expect((await t.admin.fetch('/api/usuarios/maria.utp', send('PATCH', { activo: false }))).status).toBe(200);
    expect((await t.srv.client().login('maria.utp', 'Nueva-Clave-2026')).status).toBe(401);

    const list = await t.admin.json<Array<{ usuario: string; rol: string; activo: boolean }>>('/api/usuarios');
    expect(list.find((u) => u.usuario === 'maria.utp')).toMatchObject({ rol: 'area', activo: false });

    // The audit log lives in the warehouse.
    const rows = await t.srv.wh.all<{ usuario: string; accion: string; objeto: string; antes: string | null; despues: string | null; cuando: string }>(
      `SELECT usuario, accion, objeto, antes, despues, cuando FROM app.auditoria WHERE objeto = 'maria.utp' AND accion LIKE 'usuario.%' ORDER BY id`);
    expect(rows.map((r) => [r.usuario, r.accion])).toEqual([
      ['admin', 'usuario.crear'],
      ['admin', 'usuario.modificar'],
      ['admin', 'usuario.modificar'],
      ['admin', 'usuario.modificar'],
    ]);
    expect(rows[0]!.antes).toBeNull();
    expect(JSON.parse(rows[0]!.despues!)).toMatchObject({ usuario: 'maria.utp', rol: 'utp' });
    expect(JSON.parse(rows[1]!.antes!)).toMatchObject({ rol: 'utp' });
    expect(JSON.parse(rows[1]!.despues!)).toMatchObject({ rol: 'area', area: 'UTP' });
    expect(rows[2]!.despues).toMatch(/\(cambiada\)/);
    expect(rows.map((r) => `${r.antes} ${r.despues}`).join(' ')).not.toMatch(/Clave-Maria|Nueva-Clave|scrypt/);
    expect(JSON.parse(rows[3]!.despues!)).toMatchObject({ activo: false });
    expect(rows.every((r) => !Number.isNaN(Date.parse(r.cuando)))).toBe(true);
  });
});
