import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSetting, readSettingRow, settingValue, writeSetting, type Setting } from '../../src/core/settings.js';
import { listSettings, saveSetting, SETTINGS } from '../../src/config/settings.js';
import { DOMAINS } from '../../src/domains/registry.js';
import { warehouseForTests } from '../helpers/warehouse.js';

const plazos: Setting<{ horas: number; por_tipo: { a: number | null; b: number | null } }> = {
  clave: 'prueba.plazos', titulo: 'Plazos', descripcion: 'De prueba',
  predeterminado: { horas: 72, por_tipo: { a: 24, b: null } },
  schema: z.object({ horas: z.number().positive().optional(), por_tipo: z.object({ a: z.number().nullable(), b: z.number().nullable() }).partial().optional() }).strict(),
};

describe('the settings reader', () => {
  it('puts a stored value over the default, nested objects key by key', () => {
    expect(settingValue(plazos, undefined)).toEqual({ horas: 72, por_tipo: { a: 24, b: null } });
    expect(settingValue(plazos, JSON.stringify({ por_tipo: { b: 12 } }))).toEqual({ horas: 72, por_tipo: { a: 24, b: 12 } });
    expect(settingValue(plazos, JSON.stringify({ horas: 48, por_tipo: { a: null } }))).toEqual({ horas: 48, por_tipo: { a: null, b: null } });
  });

  it('falls back to the default when the stored value is unreadable or breaks the schema', () => {
    expect(settingValue(plazos, '{no es json')).toEqual(plazos.predeterminado);
    expect(settingValue(plazos, JSON.stringify({ horas: -1 }))).toEqual(plazos.predeterminado);
    expect(settingValue(plazos, JSON.stringify({ otra: 1 }))).toEqual(plazos.predeterminado);
    // The default is never shared with a caller that changes what it read.
    settingValue(plazos, undefined).por_tipo.a = 1;
    expect(plazos.predeterminado.por_tipo.a).toBe(24);
  });
});

describe('stored settings', () => {
  const t = warehouseForTests();

  it('writeSetting stores and audits; readSetting reads it back with its date', async () => {
    await writeSetting(t.wh, plazos, { horas: 36 }, 'ana', 'prueba.modificar');
    expect(await readSetting(t.wh, plazos)).toEqual({ horas: 36, por_tipo: { a: 24, b: null } });
    expect((await readSettingRow(t.wh, plazos)).actualizado_en).not.toBeNull();
    const a = await t.wh.one<{ usuario: string; antes: string | null; despues: string }>("SELECT usuario, antes, despues FROM app.auditoria WHERE accion = 'prueba.modificar'");
    expect(a).toEqual({ usuario: 'ana', antes: null, despues: JSON.stringify({ horas: 36 }) });
  });

  it('Administración → Parámetros lists every domain setting, its default and value; a bad value is 400 naming its place', async () => {
    expect(SETTINGS.map((s) => s.clave)).toEqual(DOMAINS.flatMap((d) => d.settings ?? []).map((s) => s.clave));
    expect(SETTINGS.map((s) => s.clave)).toEqual(expect.arrayContaining(['odes.config', 'incidentes.sla_horas', 'oficialia.config', 'sesiones.config', 'resumen.metas']));
    await saveSetting(t.wh, 'oficialia.config', { plazo_horas: 48 }, 'admin');
    const of = (await listSettings(t.wh)).find((s) => s.clave === 'oficialia.config')!;
    expect(of).toMatchObject({ predeterminado: { plazo_horas: 72 }, valor: { plazo_horas: 48 } });
    expect(Object.keys(of)).not.toContain('schema');
    await expect(saveSetting(t.wh, 'oficialia.config', { plazo_horas: 'tres' }, 'admin')).rejects.toThrow(/^Valor inválido: valor\.plazo_horas/);
    await expect(saveSetting(t.wh, 'no.existe', 1, 'admin')).rejects.toMatchObject({ status: 404 });
  });
});
