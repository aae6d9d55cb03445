import type { Warehouse } from '../db/warehouse.js';
import { HttpError } from '../core/errors.js';
import { settingValue, writeSetting, type Setting } from '../core/settings.js';
import { DOMAINS } from '../domains/registry.js';

/** The tunable figures an admin may change (Administración → Parámetros): every domain's (src/domains/registry.ts). */
export const SETTINGS: readonly Setting[] = DOMAINS.flatMap((d) => d.settings ?? []);

/** A bad setting: 404 for an unknown key, 400 for a bad value. */
export class SettingError extends HttpError {
  constructor(message: string, status: 400 | 404 = 400) {
    super(status, message, { parametro: status === 404 ? 'clave' : 'valor' });
  }
}

/** What the admin page shows of a setting: its key, title, description, default, value in force and last change. */
export interface SettingView {
  clave: string;
  titulo: string;
  descripcion: string;
  predeterminado: unknown;
  valor: unknown;
  actualizado_en: string | null;
}

export async function listSettings(wh: Warehouse): Promise<SettingView[]> {
  const rows = await wh.all<{ clave: string; valor: string; actualizado_en: string }>('SELECT clave, valor, actualizado_en FROM app.configuracion');
  const by = new Map(rows.map((r) => [r.clave, r]));
  return SETTINGS.map((s) => {
    const r = by.get(s.clave);
    return { clave: s.clave, titulo: s.titulo, descripcion: s.descripcion, predeterminado: s.predeterminado, valor: settingValue(s, r?.valor), actualizado_en: r?.actualizado_en ?? null };
  });
}

/** The problems of a value against the setting's schema, each naming its place (valor.plazo_horas …). */
function problems(s: Setting, valor: unknown): string[] {
  const r = s.schema.safeParse(valor);
  if (r.success) return [];
  return r.error.issues.map((i) => `${['valor', ...i.path.map(String)].join('.')}: ${i.message.replace(/\.$/, '')}`);
}

export async function saveSetting(wh: Warehouse, clave: string, valor: unknown, usuario: string): Promise<void> {
  const s = SETTINGS.find((x) => x.clave === clave);
  if (!s) throw new SettingError(`No existe el parámetro «${clave}».`, 404);
  const p = problems(s, valor);
  if (p.length) throw new SettingError(`Valor inválido: ${p.join('; ')}.`);
  await writeSetting(wh, s, valor, usuario, 'configuracion.modificar');
}
