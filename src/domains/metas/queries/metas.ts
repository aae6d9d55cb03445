import type { Warehouse } from '../../../db/warehouse.js';
import { actividadesSql, resumenSql } from '../sql.js';
import type { Actividad, Conteos, ResumenMetas } from '../types.js';
import { HttpError } from '../../../core/errors.js';
import { todayMx } from '../../../core/time.js';

/** Raised when an ejercicio asked for by name has no POA activities (404 with a Spanish message). */
export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, message);
  }
}

export interface FiltroMetas {
  ejercicio: number;
  trimestre: number;
  /** Siglas; '' = every area. */
  area: string;
  /** ISO instant: the programming in force then (versions of reprogrammed activities); null = current. */
  corte?: string | null;
  /**
   * The ejercicio was not asked for (this year by default): while it has no POA activities yet (a new install, a new
   * year before UTP loads its POA) the answer is empty, not a 404, so the Metas page says what to do.
   */
  porOmision?: boolean;
}

/** ejercicio (default: this year) and trimestre (default: the last closed quarter, or 4 for a past year). */
export function periodoPorOmision(q: { ejercicio?: number | undefined; trimestre?: number | undefined }, hoy = todayMx()): { ejercicio: number; trimestre: number } {
  const year = Number(hoy.slice(0, 4));
  const ejercicio = q.ejercicio ?? year;
  const trimestre = q.trimestre ?? (ejercicio < year ? 4 : Math.max(1, Math.ceil(Number(hoy.slice(5, 7)) / 3) - 1));
  return { ejercicio, trimestre };
}

function params(f: FiltroMetas): Record<string, string | number> {
  const p: Record<string, string | number> = { ejercicio: f.ejercicio, mes_fin: 3 * f.trimestre, area: f.area };
  if (f.corte) p.corte = f.corte;
  return p;
}

/** Whether the ejercicio has POA activities; when not, a 404 unless `f.porOmision` (then: false, an empty answer). */
async function hayEjercicio(wh: Warehouse, f: FiltroMetas): Promise<boolean> {
  const r = await wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.poa_actividades WHERE ejercicio = $1', [f.ejercicio]);
  if (r?.n) return true;
  if (f.porOmision) return false;
  throw new NotFoundError(`No hay actividades del POA cargadas para el ejercicio ${f.ejercicio}.`);
}

/** Activities with their figures cumulative from January to the end of the quarter (DESIGN.md §3). */
export async function listaActividades(wh: Warehouse, f: FiltroMetas): Promise<Actividad[]> {
  if (!(await hayEjercicio(wh, f))) return [];
  return wh.all<Actividad>(actividadesSql(!!f.corte), params(f));
}

const SIN_CONTEOS: Conteos = { verde: 0, amarillo: 0, rojo: 0, rebasada: 0, sin_meta: 0, avance_pct: null, reportes_tardios: 0, meses_sin_reporte: 0 };

type Fila = Conteos & { nivel: string; clave: string; nombre: string | null };
const conteos = (r: Fila): Conteos => ({
  verde: r.verde, amarillo: r.amarillo, rojo: r.rojo, rebasada: r.rebasada, sin_meta: r.sin_meta, avance_pct: r.avance_pct,
  reportes_tardios: r.reportes_tardios, meses_sin_reporte: r.meses_sin_reporte,
});

/** Counts of POA activities by semáforo at the end of the quarter, for the institute and by area and programa. */
export async function resumenMetas(wh: Warehouse, f: FiltroMetas): Promise<ResumenMetas> {
  if (!(await hayEjercicio(wh, f))) {
    return { ejercicio: f.ejercicio, trimestre: f.trimestre, ...SIN_CONTEOS, actividades: 0, por_area: [], por_programa: [], por_programa_especifico: [], actualizado: null };
  }
  const rows = await wh.all<Fila>(resumenSql(!!f.corte), params(f));
  const total = rows.find((r) => r.nivel === 'total')!;
  const fresh = await wh.one<{ t: string | null }>(
    `SELECT greatest((SELECT max(_cargado_en) FROM core.poa_actividades WHERE ejercicio = $1),
                     (SELECT max(_cargado_en) FROM core.poa_avance WHERE ejercicio = $1)) AS t`, [f.ejercicio]);
  return {
    ejercicio: f.ejercicio,
    trimestre: f.trimestre,
    ...conteos(total),
    actividades: total.verde + total.amarillo + total.rojo + total.rebasada + total.sin_meta,
    por_area: rows.filter((r) => r.nivel === 'area').map((r) => ({ area: r.clave, ...conteos(r) })),
    por_programa: rows.filter((r) => r.nivel === 'programa').map((r) => ({ programa: r.clave, nombre: r.nombre, ...conteos(r) })),
    por_programa_especifico: rows.filter((r) => r.nivel === 'programa_especifico').map((r) => ({ programa_especifico: r.clave, nombre: r.nombre, ...conteos(r) })),
    actualizado: fresh?.t ?? null,
  };
}

/** Ejercicios with POA activities (newest first), for the page's filter. */
export async function ejerciciosMetas(wh: Warehouse): Promise<number[]> {
  return (await wh.all<{ e: number }>('SELECT DISTINCT ejercicio AS e FROM core.poa_actividades ORDER BY e DESC')).map((r) => r.e);
}
