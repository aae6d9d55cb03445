import { z } from 'zod';
import type { Evaluator } from '../evaluator.js';
import { fmtInstant } from '../messages.js';

/**
 * `cuarentena_excesiva`: the last finished run of a pipeline sent more than `filas` rows (default 100) to
 * quarantine. It resolves with a later run that quarantined `filas` or fewer. Only this installation's sources.
 */
export const SQL_CUARENTENA = `
WITH u AS (
  SELECT pipeline, max(id) AS id, arg_max(filas_rechazadas, id) AS rechazadas, arg_max(filas_leidas, id) AS leidas,
    arg_max(coalesce(fin, inicio), id) AS cuando
  FROM ops.ejecuciones WHERE estado <> 'en_curso' GROUP BY pipeline
)
SELECT pipeline, id, rechazadas, leidas, cuando FROM u
WHERE rechazadas > $filas::INTEGER AND list_contains($nombres::VARCHAR[], pipeline)
ORDER BY pipeline`;

const params = z.strictObject({ filas: z.number().int().min(0).max(10_000_000).default(100) });

export const cuarentenaExcesiva: Evaluator<z.infer<typeof params>> = {
  tipo: 'cuarentena_excesiva',
  parametros: params,
  async evaluar(wh, p, ctx) {
    if (!ctx.fuentes.length) return [];
    const titulo = new Map(ctx.fuentes.map((f) => [f.nombre, f.titulo]));
    const rows = await wh.all<{ pipeline: string; id: number; rechazadas: number; leidas: number | null; cuando: string }>(SQL_CUARENTENA, {
      filas: p.filas,
      nombres: JSON.stringify(ctx.fuentes.map((f) => f.nombre)),
    });
    return rows.map((r) => ({
      sujeto: r.pipeline,
      severidad: 'advertencia',
      mensaje: `La última ejecución de «${titulo.get(r.pipeline) ?? r.pipeline}» (ejecución ${r.id}, ${fmtInstant(r.cuando)}) mandó ${r.rechazadas} filas a cuarentena${r.leidas ? ` de ${r.leidas} leídas` : ''}; el límite de la regla es ${p.filas}.`,
      resuelta: `Una ejecución posterior de «${titulo.get(r.pipeline) ?? r.pipeline}» ya no excede el límite de cuarentena.`,
      enlace: `/admin/procesos?pipeline=${encodeURIComponent(r.pipeline)}&vista=cuarentena`,
      inicio: r.cuando,
    }));
  },
};
