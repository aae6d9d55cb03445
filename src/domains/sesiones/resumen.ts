import { enlace } from '../../core/figures.js';
import type { Rango } from '../../core/time.js';
import type { Warehouse } from '../../db/warehouse.js';
import { ajuste, cifra, porVentanasJuntas, VENTANAS_SQL, ventanasParams } from '../tarjetas.js';
import type { ResumenCard } from '../types.js';
import { anticipacionMinima } from './settings.js';
import type { SesionesConfig } from './types.js';

const COMO = 'Sesiones que iniciaron en el periodo; cumple la anticipación cuando entre la convocatoria y el inicio hay al menos el mínimo de su tipo (ordinaria 72 h, extraordinaria y solemne 24 h por omisión; urgentes y permanentes no cuentan); una sesión sin fecha de convocatoria no puede mostrar su anticipación y cuenta como incumplida.';

/**
 * The card's figures of every window at once (those of resumenSesionesBasico, DESIGN.md §3 Sessions, with the
 * rules of BASE and ACUERDOS in queries.ts): sessions that started in [desde, hasta] and whether their notice met
 * the minimum of their type (none for a type without one; no fecha_convocatoria = not met), and the acuerdos
 * approved in the window. Each window's bounds are cast to TIMESTAMPTZ once, not per row.
 */
export const SQL_TARJETA = `
WITH w0 AS (${VENTANAS_SQL}
), w AS (
  SELECT i, desde::TIMESTAMPTZ AS t0, (hasta + 1)::TIMESTAMPTZ AS t1 FROM w0
), s AS (
  SELECT fecha_inicio, quorum, acta_aprobada_en,
    CASE tipo WHEN 'ordinaria' THEN $m_ordinaria::DOUBLE WHEN 'extraordinaria' THEN $m_extraordinaria::DOUBLE
      WHEN 'solemne' THEN $m_solemne::DOUBLE WHEN 'urgente' THEN $m_urgente::DOUBLE WHEN 'permanente' THEN $m_permanente::DOUBLE END AS minimo_horas,
    epoch(fecha_inicio - fecha_convocatoria) / 3600.0 AS horas_anticipacion
  FROM core.sesiones
), sw AS (
  SELECT w.i, count(s.fecha_inicio)::INTEGER AS sesiones,
    count(*) FILTER (WHERE s.quorum = false)::INTEGER AS sin_quorum,
    100.0 * count(*) FILTER (WHERE s.minimo_horas IS NOT NULL AND coalesce(s.horas_anticipacion >= s.minimo_horas, false))
      / nullif(count(*) FILTER (WHERE s.minimo_horas IS NOT NULL), 0) AS anticipacion_cumplida_pct,
    count(s.fecha_inicio) FILTER (WHERE s.acta_aprobada_en IS NULL)::INTEGER AS actas_pendientes
  FROM w LEFT JOIN s ON s.fecha_inicio >= w.t0 AND s.fecha_inicio < w.t1
  GROUP BY w.i
), aw AS (
  SELECT w.i, count(a.fecha_aprobacion)::INTEGER AS acuerdos
  FROM w LEFT JOIN core.acuerdos a ON a.fecha_aprobacion >= w.t0 AND a.fecha_aprobacion < w.t1
  GROUP BY w.i
)
SELECT sw.*, aw.acuerdos FROM sw JOIN aw USING (i) ORDER BY i`;

export interface MedidaSesiones {
  sesiones: number;
  sin_quorum: number;
  anticipacion_cumplida_pct: number | null;
  actas_pendientes: number;
  acuerdos: number;
}

/** The card's figures of each window, in their order. */
export async function medirSesiones(wh: Warehouse, rs: readonly Rango[], cfg: SesionesConfig): Promise<MedidaSesiones[]> {
  const m = cfg.anticipacion_minima_horas;
  const rows = await wh.all<MedidaSesiones & { i: number }>(SQL_TARJETA, {
    ...ventanasParams(rs), m_ordinaria: m.ordinaria, m_extraordinaria: m.extraordinaria, m_solemne: m.solemne, m_urgente: m.urgente, m_permanente: m.permanente,
  });
  return rows.map(({ i: _i, ...x }) => x);
}

/** UTS's card: sessions convened with enough notice, with quorum, minutes and acuerdos beside it. */
export const tarjetaSesiones: ResumenCard = {
  id: 'sesiones', titulo: 'Sesiones', unidad: 'UTS', pipeline: 'sesiones', enlace: '/sesiones', meta: { verde: 95, amarillo: 85, sentido: 'ascendente' },
  // One statement for every window; the minimum notice is read once per data version.
  figuras: async (wh, v) => {
    const cfg = await ajuste(wh, anticipacionMinima);
    return porVentanasJuntas(wh, v, (rs) => medirSesiones(wh, rs, cfg), {
      etiqueta: 'Convocatorias con anticipación suficiente', formato: 'pct', enlace: enlace('/sesiones', { ...v.actual }), como: COMO, tabla: 'core.sesiones', vacia: 'Sin sesiones cargadas.',
      valor: (x) => x.anticipacion_cumplida_pct, hay: (x) => x.sesiones > 0,
      secundarios: (x) => [cifra('Sesiones celebradas', x.sesiones), cifra('Sin quórum', x.sin_quorum), cifra('Actas pendientes', x.actas_pendientes), cifra('Acuerdos aprobados', x.acuerdos)],
    });
  },
};
