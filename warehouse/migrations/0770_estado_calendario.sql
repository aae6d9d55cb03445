-- The state of a calendar activity as of a date (DESIGN.md §3 "Calendario integral"), in one place for every query
-- that needs it: the activities as of one `hasta` (src/domains/calendario/queries/estado.sql) and the Resumen card
-- at several cut-offs in one statement. NULL for a cancelled activity (it counts in no state).
--   concluida                 fecha_fin_real ≤ hasta and fecha_fin_real ≤ fecha_fin
--   concluida_fuera_de_plazo  fecha_fin_real ≤ hasta and fecha_fin_real > fecha_fin
--   fuera_de_plazo            not concluded by hasta and fecha_fin < hasta
--   en_ejecucion              not concluded, fecha_fin ≥ hasta, and fecha_inicio_real ≤ hasta or fecha_inicio ≤ hasta
--   por_iniciar               fecha_inicio > hasta and no fecha_inicio_real ≤ hasta (what is left)
-- Dates are calendar days, so an activity whose fecha_fin is hasta is still en ejecución that day, and a real date
-- after hasta has not happened yet at hasta (a NULL comparison is not true).
CREATE MACRO core.estado_calendario(estatus, fecha_inicio, fecha_fin, fecha_inicio_real, fecha_fin_real, hasta) AS
  CASE
    WHEN estatus = 'cancelada' THEN NULL
    WHEN fecha_fin_real <= hasta AND fecha_fin_real <= fecha_fin THEN 'concluida'
    WHEN fecha_fin_real <= hasta THEN 'concluida_fuera_de_plazo'
    WHEN fecha_fin < hasta THEN 'fuera_de_plazo'
    WHEN fecha_inicio_real <= hasta OR fecha_inicio <= hasta THEN 'en_ejecucion'
    ELSE 'por_iniciar'
  END;
