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

/** A DATE as its day number (days since 1970-01-01): dates compare as numbers. */
const dia = (col: string): string => `(${col} - DATE '1970-01-01')::INTEGER`;

/** The day number of an ISO date (as `dia` gives in SQL). */
const diaDe = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Per council, what its components need; instants are epoch seconds, dates day numbers. */
export const EVENTOS_SQL = `
WITH cons AS (
  SELECT clave_odes, tipo, cabecera, ${dia('fecha_instalacion_programada')} AS programada, ${dia('fecha_instalacion')} AS instalada
  FROM core.odes_consejos WHERE proceso = $proceso::VARCHAR
), integ AS (
  SELECT clave_odes, list({'cargo': cargo, 'desde': ${dia('fecha_designacion')}, 'baja': ${dia('fecha_baja')}}) AS xs
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
  SELECT clave_odes, componente, list({'limite': ${dia('fecha_limite')}, 'ok': hecho IS NOT NULL AND hecho <= fecha_limite}) AS xs
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
interface Fila {
  clave_odes: string;
  tipo: string;
  cabecera: string | null;
  programada: number | null;
  instalada: number | null;
  integracion: Array<{ cargo: string; desde: number | null; baja: number | null }> | null;
  sesiones: Array<{ programada: number; inicio: Epoch; quorum: boolean | null; siguiente: Epoch; aprobada: boolean; por_sesion: boolean; aprobada_inicio: Epoch }> | null;
  acuerdos: Array<{ aprobacion: number; ok: boolean }> | null;
  entregables: Array<{ limite: number | null; ok: boolean }> | null;
  supervision: Array<{ limite: number | null; ok: boolean }> | null;
}

/**
 * A council's events as sorted thresholds: the instant (or date) from which each one counts, and from which it counts
 * as met. «Due by the cut-off» is then how many thresholds come before it (a binary search), for any cut-off.
 */
interface Consejo {
  clave_odes: string;
  programada: number | null;
  instalada: number | null;
  integracion: NonNullable<Fila['integracion']>;
  /** sesiones: fecha_programada; met: also held (fecha_inicio) with quorum — the later of both. */
  sesiones: number[];
  sesionesOk: number[];
  /** actas: held and followed by a later held session — the later of both; met: approved, by a session held by then. */
  actas: number[];
  actasOk: number[];
  /** estrados: approval instants (due once the posting limit has passed); met: posted within the limit. */
  acuerdos: number[];
  acuerdosOk: number[];
  entregables: number[];
  entregablesOk: number[];
  supervision: number[];
  supervisionOk: number[];
}

const asc = (xs: number[]): number[] => xs.sort((a, b) => a - b);

function umbrales(f: Fila): Consejo {
  const sesiones: number[] = [], sesionesOk: number[] = [], actas: number[] = [], actasOk: number[] = [];
  for (const s of f.sesiones ?? []) {
    sesiones.push(s.programada);
    if (s.quorum === true && s.inicio !== null) sesionesOk.push(Math.max(s.programada, s.inicio));
    if (s.inicio !== null && s.siguiente !== null) {
      const t = Math.max(s.inicio, s.siguiente);
      actas.push(t);
      if (s.aprobada && (!s.por_sesion || s.aprobada_inicio !== null)) actasOk.push(s.por_sesion ? Math.max(t, s.aprobada_inicio!) : t);
    }
  }
  const acuerdos = f.acuerdos ?? [];
  const venc = (xs: Fila['entregables']) => (xs ?? []).filter((x) => x.limite !== null) as Array<{ limite: number; ok: boolean }>;
  return {
    clave_odes: f.clave_odes, programada: f.programada, instalada: f.instalada, integracion: f.integracion ?? [],
    sesiones: asc(sesiones), sesionesOk: asc(sesionesOk), actas: asc(actas), actasOk: asc(actasOk),
    acuerdos: asc(acuerdos.map((a) => a.aprobacion)), acuerdosOk: asc(acuerdos.filter((a) => a.ok).map((a) => a.aprobacion)),
    entregables: asc(venc(f.entregables).map((x) => x.limite)), entregablesOk: asc(venc(f.entregables).filter((x) => x.ok).map((x) => x.limite)),
    supervision: asc(venc(f.supervision).map((x) => x.limite)), supervisionOk: asc(venc(f.supervision).filter((x) => x.ok).map((x) => x.limite)),
  };
}

/** The councils of `proceso` with their events' thresholds, once per data version and estrados hours. */
export function eventosOdes(wh: Warehouse, proceso: string, horas_estrados: number): Promise<Consejo[]> {
  return porVersion(wh, `odes:eventos:${proceso}:${horas_estrados}`, ['datos'], async () =>
    (await wh.all<Fila>(EVENTOS_SQL, { proceso, horas_estrados, cargos: CARGOS.join(',') })).map(umbrales));
}

/** The days whose end is known: a pure function of the date (the session time zone), filled a block at a time. */
const limites = new Map<string, number>();
const BLOQUE_DIAS = 400;

/** The end of each date in Mexico City, as epoch seconds (DuckDB's own `(hasta + 1)::TIMESTAMPTZ`). */
async function finDeDia(wh: Warehouse, fechas: readonly string[]): Promise<Map<string, number>> {
  const falta = fechas.find((f) => !limites.has(f));
  if (falta) {
    if (limites.size > 20_000) limites.clear();
    // The days around the one missing: the next Resumens ask for their neighbours.
    const rows = await wh.all<{ d: string; lim: number }>(
      `SELECT strftime(d, '%Y-%m-%d') AS d, epoch((d + 1)::TIMESTAMPTZ) AS lim
       FROM (SELECT unnest(generate_series($f::DATE - $n::INTEGER, $f::DATE + $n::INTEGER, INTERVAL 1 DAY))::DATE AS d)`, { f: falta, n: BLOQUE_DIAS });
    for (const r of rows) limites.set(r.d, r.lim);
    for (const f of fechas) {
      if (limites.has(f)) continue;
      const [r] = await wh.all<{ lim: number }>('SELECT epoch(($f::DATE + 1)::TIMESTAMPTZ) AS lim', { f });
      limites.set(f, r!.lim);
    }
  }
  return new Map(fechas.map((f) => [f, limites.get(f)!]));
}

/** How many of the sorted instants `xs` are before `lim` (binary search). */
function antes(xs: readonly number[], lim: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < lim) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted approval instants `xs` have their posting limit passed by `lim`: `lim - x ≥ segundos`. */
function vencidos(xs: readonly number[], lim: number, segundos: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lim - xs[mid]! >= segundos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted day numbers `xs` are on or before the day `hasta`. */
function hastaEl(xs: readonly number[], hasta: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! <= hasta) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** DuckDB's round(x, 2) of a DOUBLE (half away from zero; the values here are never negative). */
const round2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
const pct = (ok: number, total: number): number | null => (total === 0 ? null : (100 * ok) / total);

export interface IndiceCorte {
  hasta: string;
  clave_odes: string;
  indice: number | null;
  componentes: Componentes;
}

/**
 * One council's components at one cut-off (`hasta` a date, `lim` the end of that day), as indice.sql's `comp`:
 * instants compare as `x < lim`, the estrados limit as `lim - aprobación ≥ horas × 3600` (the same doubles as
 * there), dates as `limite ≤ hasta`.
 */
function componentes(c: Consejo, hasta: number, lim: number, horas: number): Componentes {
  const prog = c.programada;
  const instalacion = prog === null || prog > hasta ? null : c.instalada !== null && c.instalada <= prog ? 100 : 0;
  // Distinct cargos filled (count(DISTINCT cargo)): a council has a handful of designations.
  let designaciones = 0;
  const ocupados: string[] = [];
  for (const d of c.integracion) {
    if (d.desde === null || d.desde > hasta) continue;
    designaciones++;
    if ((d.baja === null || d.baja > hasta) && !ocupados.includes(d.cargo)) ocupados.push(d.cargo);
  }
  const integracion = prog === null || prog <= hasta || (c.instalada !== null && c.instalada <= hasta) || designaciones > 0
    ? (100 * ocupados.length) / CARGOS.length : null;
  const segundos = horas * 3600;
  return {
    instalacion,
    integracion,
    sesiones: pct(antes(c.sesionesOk, lim), antes(c.sesiones, lim)),
    actas: pct(antes(c.actasOk, lim), antes(c.actas, lim)),
    estrados: pct(vencidos(c.acuerdosOk, lim, segundos), vencidos(c.acuerdos, lim, segundos)),
    entregables: pct(hastaEl(c.entregablesOk, hasta), hastaEl(c.entregables, hasta)),
    supervision: pct(hastaEl(c.supervisionOk, hasta), hastaEl(c.supervision, hasta)),
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
    const dia = diaDe(hasta);
    out.set(hasta, consejos.map((c) => {
      const comp = componentes(c, dia, lim, cfg.horas_estrados);
      const r = {
        instalacion: round2(comp.instalacion), integracion: round2(comp.integracion), sesiones: round2(comp.sesiones), actas: round2(comp.actas),
        estrados: round2(comp.estrados), entregables: round2(comp.entregables), supervision: round2(comp.supervision),
      };
      return { hasta, clave_odes: c.clave_odes, indice: round2(indice(comp, cfg.pesos)), componentes: r };
    }));
  }
  return out;
}
