import type { Warehouse } from '../../db/warehouse.js';
import { activeRuns } from '../../../pipelines/runner/run.js';
import type { Pipeline } from '../../../pipelines/runner/types.js';
import { EJECUCIONES_ORDEN } from '../../core/ejecuciones.js';
import type { Pagina } from '../input/pagina.js';

export interface Ejecucion {
  id: number;
  pipeline: string;
  estado: 'en_curso' | 'exito' | 'fallo';
  origen: string;
  filas_leidas: number;
  filas_cargadas: number;
  filas_rechazadas: number;
  inicio: string;
  fin: string | null;
  error: string | null;
  avisos: string | null;
  progreso?: { fase: string; hechos: number; total: number | null } | null;
}

const RUN_COLUMNS = `id, pipeline, estado, origen, filas_leidas, filas_cargadas, filas_rechazadas, inicio, fin, error, avisos`;

function withProgress(r: Ejecucion): Ejecucion {
  return { ...r, progreso: r.estado === 'en_curso' ? activeRuns.get(r.id)?.progress ?? null : null };
}

export async function runsOf(wh: Warehouse, pipeline: string | null, limit = 50): Promise<Ejecucion[]> {
  const rows = await wh.all<Ejecucion>(
    `SELECT ${RUN_COLUMNS} FROM ops.ejecuciones WHERE $1::VARCHAR IS NULL OR pipeline = $1 ORDER BY id DESC LIMIT ${Math.min(Math.max(1, limit), 1000)}`,
    [pipeline],
  );
  return rows.map(withProgress);
}

/** Newest first unless the caller sorts by a column (ties: newest first). */
const ordenEjecuciones = (p: Pagina): string =>
  p.orden ? `"${p.orden}" ${p.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, id DESC` : 'id DESC';

/**
 * One page of a pipeline's runs (`p.orden` is one of EJECUCIONES_ORDEN, checked by the route and again here, since
 * it is written into the SQL) and how many runs it has; without `p.limite`, every run.
 */
export async function paginaEjecuciones(wh: Warehouse, pipeline: string, p: Pagina): Promise<{ filas: Ejecucion[]; total: number }> {
  if (p.orden && !(EJECUCIONES_ORDEN as readonly string[]).includes(p.orden)) throw new Error(`columna desconocida: ${p.orden}`);
  const corte = p.limite === null ? 'OFFSET $2' : 'LIMIT $3 OFFSET $2';
  const [filas, total] = await Promise.all([
    wh.all<Ejecucion>(`SELECT ${RUN_COLUMNS} FROM ops.ejecuciones WHERE pipeline = $1 ORDER BY ${ordenEjecuciones(p)} ${corte}`,
      p.limite === null ? [pipeline, p.desde_fila] : [pipeline, p.desde_fila, p.limite]),
    wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ops.ejecuciones WHERE pipeline = $1', [pipeline]),
  ]);
  return { filas: filas.map(withProgress), total: total?.n ?? 0 };
}

export async function runById(wh: Warehouse, id: number): Promise<Ejecucion | undefined> {
  const r = await wh.one<Ejecucion>(`SELECT ${RUN_COLUMNS} FROM ops.ejecuciones WHERE id = $1`, [id]);
  return r && withProgress(r);
}

export interface Vigencia {
  nombre: string;
  ultimo_estado: string | null;
  ultima_ejecucion: string | null;
  ultimo_exito: string | null;
  vigente: boolean;
  /** The last run's error text (admins only: /api/health strips it for everyone else). */
  ultimo_error?: string | null;
}

/** Last run, last success and freshness of every pipeline. */
export async function freshness(wh: Warehouse, pipelines: readonly Pipeline[]): Promise<Vigencia[]> {
  const rows = await wh.all<{ pipeline: string; ultimo_estado: string; ultima_ejecucion: string; ultimo_exito: string | null; horas: number | null; ultimo_error: string | null }>(
    `SELECT pipeline,
            arg_max(estado, id) AS ultimo_estado,
            arg_max(error, id) AS ultimo_error,
            max(inicio) AS ultima_ejecucion,
            max(fin) FILTER (WHERE estado = 'exito') AS ultimo_exito,
            date_diff('minute', max(fin) FILTER (WHERE estado = 'exito'), now()) / 60.0 AS horas
     FROM ops.ejecuciones GROUP BY pipeline`,
  );
  const by = new Map(rows.map((r) => [r.pipeline, r]));
  return pipelines.map((p) => {
    const r = by.get(p.name);
    return {
      nombre: p.name,
      ultimo_estado: r?.ultimo_estado ?? null,
      ultima_ejecucion: r?.ultima_ejecucion ?? null,
      ultimo_exito: r?.ultimo_exito ?? null,
      vigente: r?.horas !== null && r?.horas !== undefined && r.horas <= p.freshnessHours,
      ultimo_error: r?.ultimo_error ?? null,
    };
  });
}
