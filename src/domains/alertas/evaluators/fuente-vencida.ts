import { z } from 'zod';
import type { Evaluator } from '../evaluator.js';
import { fmtInstant } from '../messages.js';
import { pipelineLink } from './proceso-fallido.js';

/**
 * `fuente_vencida`: a source's last successful run is older than its freshness (Pipeline.freshnessHours) — the
 * same rule as `vigente` in /api/health (src/api/queries/runs.ts freshness()), counted in whole minutes. A source
 * that never loaded is not stale (a new installation would otherwise alert for every source it has not set up);
 * its failed runs are what `proceso_fallido` reports. It became stale at last success + freshness: the alert's
 * start.
 */
export const SQL_FUENTES_VENCIDAS = `
WITH f AS (
  SELECT unnest(from_json($fuentes::JSON, '[{"nombre":"VARCHAR","titulo":"VARCHAR","horas":"DOUBLE"}]'), recursive := true)
), e AS (
  SELECT pipeline, max(fin) FILTER (WHERE estado = 'exito') AS ultimo_exito FROM ops.ejecuciones GROUP BY pipeline
)
SELECT f.nombre, f.titulo, f.horas, e.ultimo_exito, e.ultimo_exito + to_seconds((f.horas * 3600)::BIGINT) AS vencida_desde
FROM f JOIN e ON e.pipeline = f.nombre
WHERE e.ultimo_exito IS NOT NULL AND date_diff('minute', e.ultimo_exito, $ahora::TIMESTAMPTZ) / 60.0 > f.horas
ORDER BY f.nombre`;

const vigencia = (h: number): string => (h >= 48 && h % 24 === 0 ? `${h / 24} días` : `${h} h`);

const params = z.strictObject({});

export const fuenteVencida: Evaluator<z.infer<typeof params>> = {
  tipo: 'fuente_vencida',
  parametros: params,
  async evaluar(wh, _p, ctx) {
    if (!ctx.fuentes.length) return [];
    const rows = await wh.all<{ nombre: string; titulo: string; horas: number; ultimo_exito: string; vencida_desde: string }>(SQL_FUENTES_VENCIDAS, {
      fuentes: JSON.stringify(ctx.fuentes),
      ahora: new Date(ctx.ahora).toISOString(),
    });
    return rows.map((r) => ({
      sujeto: r.nombre,
      severidad: 'advertencia',
      mensaje: `La fuente «${r.titulo}» está vencida: su última carga exitosa fue el ${fmtInstant(r.ultimo_exito)} y su vigencia es de ${vigencia(r.horas)}.`,
      resuelta: `La fuente «${r.titulo}» volvió a cargarse y está vigente.`,
      enlace: pipelineLink(r.nombre),
      inicio: r.vencida_desde,
    }));
  },
};
