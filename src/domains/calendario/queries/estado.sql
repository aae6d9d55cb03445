-- Every activity of $proceso (only those of $area unless it is '') with its state as of $hasta, by DESIGN.md §3
-- "Calendario integral": the rule is the macro core.estado_calendario (migration 0770), shared with the Resumen card.
-- cambios: approved changes of its programmed dates; the original dates are the earliest `anterior` ones.
WITH c AS (
  SELECT proceso, id_actividad, count(*)::INTEGER AS cambios,
         arg_min(fecha_inicio_anterior, fecha_acuerdo) FILTER (WHERE fecha_inicio_anterior IS NOT NULL) AS fecha_inicio_original,
         arg_min(fecha_fin_anterior, fecha_acuerdo) FILTER (WHERE fecha_fin_anterior IS NOT NULL) AS fecha_fin_original
  FROM core.calendario_cambios
  WHERE proceso = $proceso
  GROUP BY proceso, id_actividad
),
e AS (
  SELECT a.id_actividad, a.actividad, a.area, a.subproceso, a.fecha_inicio, a.fecha_fin, a.fecha_inicio_real,
         a.fecha_fin_real, a.estatus, a.depende_de, coalesce(c.cambios, 0) AS cambios,
         coalesce(c.fecha_inicio_original, a.fecha_inicio) AS fecha_inicio_original,
         coalesce(c.fecha_fin_original, a.fecha_fin) AS fecha_fin_original,
         core.estado_calendario(a.estatus, a.fecha_inicio, a.fecha_fin, a.fecha_inicio_real, a.fecha_fin_real, $hasta::DATE) AS estado
  FROM core.calendario_actividades a
  LEFT JOIN c ON c.proceso = a.proceso AND c.id_actividad = a.id_actividad
  WHERE a.proceso = $proceso AND ($area = '' OR a.area = $area)
)
SELECT *,
       CASE estado
         WHEN 'fuera_de_plazo' THEN ($hasta::DATE - fecha_fin)::INTEGER
         WHEN 'concluida_fuera_de_plazo' THEN (fecha_fin_real - fecha_fin)::INTEGER
       END AS dias_atraso
FROM e
