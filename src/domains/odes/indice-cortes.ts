/**
 * The ODES compliance index (DESIGN.md §3) of every council of a process at many cut-offs, for the Resumen card.
 *
 * indice.sql joins every session, acuerdo, entregable and observation to every cut-off, and most of its cost does
 * not depend on the cut-offs at all (the next session of each session, the approving session of each acta…). Here
 * that part is read once per data version: each event is reduced to the instants from which it counts and from
 * which it counts as met (eventosOdes); a cut-off then only counts, per council, the events due by it. The rules
 * are indice.sql's, line by line, and tests/odes/indice-cortes.test.ts checks both give the same rows.
 */
import { porVersion } from '../../db/memo.js';
import type { Warehouse } from '../../db/warehouse.js';
import { CARGOS, COMPONENTES, type Componentes, type OdesConfig } from './types.js';

/** Per council, what its components need; instants are epoch seconds, dates ISO strings (they compare as dates). */
export const EVENTOS_SQL = `
WITH cons AS (
  SELECT clave_odes, tipo, cabecera, strftime(fecha_instalacion_programada, '%Y-%m-%d') AS programada,
         strftime(fecha_instalacion, '%Y-%m-%d') AS instalada
  FROM core.odes_consejos WHERE proceso = $proceso::VARCHAR
), integ AS (
  SELECT clave_odes, list({'cargo': cargo, 'desde': strftime(fecha_designacion, '%Y-%m-%d'), 'baja': strftime(fecha_baja, '%Y-%m-%d')}) AS xs
  FROM core.odes_integracion
  WHERE proceso = $proceso::VARCHAR AND calidad = 'propietario' AND list_contains(string_split($cargos::VARCHAR, ','), cargo)
  GROUP BY clave_odes
), ses AS (
  SELECT s.clave_odes, s.fecha_programada, s.fecha_inicio, s.quorum, s.acta_aprobada_en,
         lead(s.fecha_inicio) OVER (PARTITION BY s.clave_odes ORDER BY s.fecha_inicio NULLS LAST, s.numero) AS siguiente_inicio,
         ap.numero AS aprobada_numero, ap.fecha_inicio AS aprobada_inicio
  FROM core.odes_sesiones s
  LEFT JOIN core.odes_sesiones ap ON ap.proceso = s.proceso AND ap.clave_odes = s.clave_odes AND ap.numero = s.acta_aprobada_en
  WHERE s.proceso = $proceso::VARCHAR
), sesl AS (
  SELECT clave_odes, list({'programada': epoch(fecha_programada), 'inicio': epoch(fecha_inicio), 'quorum': quorum,
    'siguiente': epoch(siguiente_inicio), 'aprobada': acta_aprobada_en IS NOT NULL, 'por_sesion': aprobada_numero IS NOT NULL,
    'aprobada_inicio': epoch(aprobada_inicio)}) AS xs
  FROM ses GROUP BY clave_odes
), acu AS (
  SELECT clave_odes, list({'aprobacion': epoch(fecha_aprobacion), 'ok': fecha_fijacion_estrados IS NOT NULL
    AND epoch(fecha_fijacion_estrados) - epoch(fecha_aprobacion) <= $horas_estrados::DOUBLE * 3600}) AS xs
  FROM core.odes_acuerdos WHERE proceso = $proceso::VARCHAR GROUP BY clave_odes
), venc AS (
  SELECT clave_odes, componente, list({'limite': strftime(fecha_limite, '%Y-%m-%d'), 'ok': hecho IS NOT NULL AND hecho <= fecha_limite}) AS xs
  FROM (
    SELECT 'entregables' AS componente, clave_odes, fecha_limite, fecha_entrega AS hecho FROM core.odes_entregables WHERE proceso = $proceso::VARCHAR
    UNION ALL SELECT 'supervision', clave_odes, fecha_limite, fecha_atencion FROM core.odes_supervision WHERE proceso = $proceso::VARCHAR
  ) GROUP BY clave_odes, componente
)
SELECT c.*, i.xs AS integracion, s.xs AS sesiones, a.xs AS acuerdos, e.xs AS entregables, o.xs AS supervision
FROM cons c
LEFT JOIN integ i USING (clave_odes)
LEFT JOIN sesl s USING (clave_odes)
LEFT JOIN acu a USING (clave_odes)
LEFT JOIN venc e ON e.clave_odes = c.clave_odes AND e.componente = 'entregables'
LEFT JOIN venc o ON o.clave_odes = c.clave_odes AND o.componente = 'supervision'
ORDER BY c.clave_odes`;

type Epoch = number | null;
interface Consejo {
  clave_odes: string;
  tipo: string;
  cabecera: string | null;
  programada: string | null;
  instalada: string | null;
  integracion: Array<{ cargo: string; desde: string | null; baja: string | null }> | null;
  sesiones: Array<{ programada: number; inicio: Epoch; quorum: boolean | null; siguiente: Epoch; aprobada: boolean; por_sesion: boolean; aprobada_inicio: Epoch }> | null;
  acuerdos: Array<{ aprobacion: number; ok: boolean }> | null;
  entregables: Array<{ limite: string | null; ok: boolean }> | null;
  supervision: Array<{ limite: string | null; ok: boolean }> | null;
}

/** The councils of `proceso` with their events, once per data version and estrados hours. */
export function eventosOdes(wh: Warehouse, proceso: string, horas_estrados: number): Promise<Consejo[]> {
  return porVersion(wh, `odes:eventos:${proceso}:${horas_estrados}`, ['datos'], () =>
    wh.all<Consejo>(EVENTOS_SQL, { proceso, horas_estrados, cargos: CARGOS.join(',') }));
}

const limites = new Map<string, number>();

/** The end of each date in Mexico City, as epoch seconds (DuckDB's own `(hasta + 1)::TIMESTAMPTZ`, kept once known). */
async function finDeDia(wh: Warehouse, fechas: readonly string[]): Promise<Map<string, number>> {
  const faltan = fechas.filter((f) => !limites.has(f));
  if (faltan.length) {
    const rows = await wh.all<{ d: string; lim: number }>(
      "SELECT d, epoch((d::DATE + 1)::TIMESTAMPTZ) AS lim FROM (SELECT unnest(string_split($d::VARCHAR, ',')) AS d)", { d: faltan.join(',') });
    if (limites.size > 10_000) limites.clear();
    for (const r of rows) limites.set(r.d, r.lim);
  }
  return new Map(fechas.map((f) => [f, limites.get(f)!]));
}

/** DuckDB's round(x, 2) of a DOUBLE (half away from zero; the values here are never negative). */
const round2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
const pct = (ok: number, total: number): number | null => (total === 0 ? null : (100 * ok) / total);
/** `a < b` of SQL: false when either is NULL. */
const lt = (a: Epoch, b: number): boolean => a !== null && a < b;

export interface IndiceCorte {
  hasta: string;
  clave_odes: string;
  indice: number | null;
  componentes: Componentes;
}

/** One council's components at one cut-off (`hasta` a date, `lim` the end of that day), as indice.sql's `comp`. */
function componentes(c: Consejo, hasta: string, lim: number, horas: number): Componentes {
  const prog = c.programada;
  const instalacion = prog === null || prog > hasta ? null : c.instalada !== null && c.instalada <= prog ? 100 : 0;
  let designaciones = 0;
  const ocupados = new Set<string>();
  for (const d of c.integracion ?? []) {
    if (d.desde === null || d.desde > hasta) continue;
    designaciones++;
    if (d.baja === null || d.baja > hasta) ocupados.add(d.cargo);
  }
  const integracion = prog === null || prog <= hasta || (c.instalada !== null && c.instalada <= hasta) || designaciones > 0
    ? (100 * ocupados.size) / CARGOS.length : null;
  let sesTotal = 0, sesOk = 0, actasTotal = 0, actasOk = 0;
  for (const s of c.sesiones ?? []) {
    if (s.programada < lim) {
      sesTotal++;
      if (lt(s.inicio, lim) && s.quorum === true) sesOk++;
    }
    if (lt(s.inicio, lim) && lt(s.siguiente, lim)) {
      actasTotal++;
      if (s.aprobada && (!s.por_sesion || lt(s.aprobada_inicio, lim))) actasOk++;
    }
  }
  let acuTotal = 0, acuOk = 0;
  for (const a of c.acuerdos ?? []) {
    if (lim - a.aprobacion >= horas * 3600) {
      acuTotal++;
      if (a.ok) acuOk++;
    }
  }
  const vencidos = (xs: Consejo['entregables']): number | null => {
    let total = 0, ok = 0;
    for (const x of xs ?? []) {
      if (x.limite === null || x.limite > hasta) continue;
      total++;
      if (x.ok) ok++;
    }
    return pct(ok, total);
  };
  return {
    instalacion, integracion, sesiones: pct(sesOk, sesTotal), actas: pct(actasOk, actasTotal), estrados: pct(acuOk, acuTotal),
    entregables: vencidos(c.entregables), supervision: vencidos(c.supervision),
  };
}

/** Σ wᵢ·cᵢ / Σ wᵢ over the components with data, as indice.sql's `idx` (the same order of operations). */
function indice(c: Componentes, w: OdesConfig['pesos']): number | null {
  let num = 0, den = 0;
  for (const k of COMPONENTES) {
    const v = c[k];
    num += v === null ? 0 : w[k] * v;
    den += v === null ? 0 : w[k];
  }
  return den === 0 ? null : num / den;
}

/** The index (rounded as indice.sql rounds it) of every council of `proceso` at each of `cortes`, by cut-off. */
export async function indicePorCorte(wh: Warehouse, proceso: string, cortes: readonly string[], cfg: OdesConfig): Promise<Map<string, IndiceCorte[]>> {
  const unicos = [...new Set(cortes)];
  const [consejos, lims] = await Promise.all([eventosOdes(wh, proceso, cfg.horas_estrados), finDeDia(wh, unicos)]);
  const out = new Map<string, IndiceCorte[]>();
  for (const hasta of unicos) {
    const lim = lims.get(hasta)!;
    out.set(hasta, consejos.map((c) => {
      const comp = componentes(c, hasta, lim, cfg.horas_estrados);
      const rounded = Object.fromEntries(COMPONENTES.map((k) => [k, round2(comp[k])])) as Componentes;
      return { hasta, clave_odes: c.clave_odes, indice: round2(indice(comp, cfg.pesos)), componentes: rounded };
    }));
  }
  return out;
}
