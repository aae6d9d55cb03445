import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Warehouse } from '../../db/warehouse.js';
import { CARGOS, COMPONENTES, type Componente, type Componentes, type IndiceRow, type OdesConfig, type SemaforoOdes } from './types.js';
import { addDays } from '../../core/time.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The set-based SQL of the index (indice.sql, next to this file). */
export const INDICE_SQL = fs.readFileSync(path.join(HERE, 'indice.sql'), 'utf8');

type FlatRow = Omit<IndiceRow, 'componentes'> & Componentes;

/** Named parameters of INDICE_SQL for one proceso, the cut-off dates and the configuration. */
export function indiceParams(proceso: string, cortes: readonly string[], cfg: OdesConfig, clave = ''): Record<string, string | number> {
  const p: Record<string, string | number> = { proceso, cortes: cortes.join(','), clave, horas_estrados: cfg.horas_estrados, cargos: CARGOS.join(',') };
  for (const k of COMPONENTES) p[`w_${k}`] = cfg.pesos[k];
  return p;
}

/** The index and its components for every council of `proceso` (or only `clave`) at each date of `cortes`. */
export async function computeIndice(wh: Warehouse, proceso: string, cortes: readonly string[], cfg: OdesConfig, clave = ''): Promise<IndiceRow[]> {
  const rows = await wh.all<FlatRow>(INDICE_SQL, indiceParams(proceso, cortes, cfg, clave));
  return rows.map((r) => ({
    hasta: r.hasta,
    clave_odes: r.clave_odes,
    tipo: r.tipo,
    cabecera: r.cabecera,
    indice: r.indice,
    componentes_con_datos: r.componentes_con_datos,
    componentes: Object.fromEntries(COMPONENTES.map((k) => [k, r[k]])) as Componentes,
  }));
}

/** The component with the lowest value (ties: the first in display order); null when none has data. */
export function componenteMasDebil(c: Componentes): Componente | null {
  let best: Componente | null = null;
  for (const k of COMPONENTES) {
    const v = c[k];
    if (v === null) continue;
    if (best === null || v < c[best]!) best = k;
  }
  return best;
}

/** verde / amarillo / rojo by the configured thresholds; sin_info when the index is null. */
export function semaforoIndice(indice: number | null, cfg: OdesConfig): SemaforoOdes {
  if (indice === null) return 'sin_info';
  if (indice < cfg.umbral_bajo_desempeno) return 'rojo';
  if (indice < cfg.umbral_verde) return 'amarillo';
  return 'verde';
}

/** Weekly cut-off dates from `desde` to `hasta` (7-day steps), always ending on `hasta`. */
export function weeklyCortes(desde: string, hasta: string): string[] {
  const out: string[] = [];
  if (desde > hasta) return [hasta];
  for (let d = desde; d < hasta; d = addDays(d, 7)) out.push(d);
  out.push(hasta);
  return out;
}
