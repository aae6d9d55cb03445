import { z } from 'zod';
import type { Evaluator } from '../evaluator.js';
import { fmtInstant } from '../messages.js';

/**
 * `proceso_fallido`: the last finished run of a pipeline (ops.ejecuciones; runs still going are not looked at)
 * failed. It resolves with the next successful run. Only the pipelines of this installation (ctx.fuentes).
 */
export const SQL_PROCESOS_FALLIDOS = `
WITH u AS (
  SELECT pipeline, arg_max(estado, id) AS estado, arg_max(error, id) AS error, max(id) AS id,
    arg_max(coalesce(fin, inicio), id) AS cuando
  FROM ops.ejecuciones WHERE estado <> 'en_curso' GROUP BY pipeline
)
SELECT pipeline, error, id, cuando FROM u
WHERE estado = 'fallo' AND list_contains($nombres::VARCHAR[], pipeline)
ORDER BY pipeline`;

export const pipelineLink = (nombre: string): string => `/admin/procesos?pipeline=${encodeURIComponent(nombre)}`;

const params = z.strictObject({});

export const procesoFallido: Evaluator<z.infer<typeof params>> = {
  tipo: 'proceso_fallido',
  parametros: params,
  async evaluar(wh, _p, ctx) {
    if (!ctx.fuentes.length) return [];
    const titulo = new Map(ctx.fuentes.map((f) => [f.nombre, f.titulo]));
    const rows = await wh.all<{ pipeline: string; error: string | null; id: number; cuando: string }>(SQL_PROCESOS_FALLIDOS, {
      nombres: JSON.stringify(ctx.fuentes.map((f) => f.nombre)),
    });
    return rows.map((r) => ({
      sujeto: r.pipeline,
      severidad: 'advertencia',
      mensaje: `Falló la última ejecución del proceso «${titulo.get(r.pipeline) ?? r.pipeline}» (ejecución ${r.id}, ${fmtInstant(r.cuando)})${
        r.error ? `: ${r.error.split('\n')[0]!.slice(0, 300)}` : '.'
      }`,
      resuelta: `El proceso «${titulo.get(r.pipeline) ?? r.pipeline}» volvió a ejecutarse con éxito.`,
      enlace: pipelineLink(r.pipeline),
      inicio: r.cuando,
    }));
  },
};
