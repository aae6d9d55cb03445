-- ODES compliance index (DESIGN.md §3) of every council of one proceso, at each cut-off date in $cortes
-- (comma-separated ISO dates). Only what was due by each `hasta` counts; a component with nothing to measure
-- is NULL; indice = Σ wᵢ·cᵢ / Σ wᵢ over the non-null components. "By hasta" = before the end of that day in
-- America/Mexico_City (the session TimeZone), i.e. < (hasta + 1)::TIMESTAMPTZ. Minutes count as approved by hasta
-- when the approving session was held by then (or is not in the data at all).
WITH cortes AS (
  SELECT DISTINCT trim(x)::DATE AS hasta
  FROM (SELECT unnest(string_split($cortes::VARCHAR, ',')) AS x) WHERE trim(x) <> ''
),
cons AS (
  SELECT proceso, clave_odes, tipo, cabecera, fecha_instalacion_programada, fecha_instalacion
  FROM core.odes_consejos
  WHERE proceso = $proceso::VARCHAR AND ($clave::VARCHAR = '' OR clave_odes = $clave::VARCHAR)
),
base AS (
  SELECT k.hasta, (k.hasta + 1)::TIMESTAMPTZ AS lim, c.* FROM cons c CROSS JOIN cortes k
),
-- Propietario positions of every council (the catalog in $cargos): a cargo nobody was designated to is vacant.
cargos AS (
  SELECT DISTINCT trim(x) AS cargo
  FROM (SELECT unnest(string_split($cargos::VARCHAR, ',')) AS x) WHERE trim(x) <> ''
),
-- Measured on its own: a council not yet installed still has integracion from the designations made by hasta.
integ AS (
  SELECT b.hasta, b.clave_odes,
         count(DISTINCT i.cargo) FILTER (WHERE i.fecha_designacion <= b.hasta AND (i.fecha_baja IS NULL OR i.fecha_baja > b.hasta)) AS ok,
         count(*) FILTER (WHERE i.fecha_designacion <= b.hasta) AS designaciones
  FROM base b
  JOIN core.odes_integracion i ON i.proceso = b.proceso AND i.clave_odes = b.clave_odes AND i.calidad = 'propietario'
  WHERE i.cargo IN (SELECT cargo FROM cargos)
  GROUP BY b.hasta, b.clave_odes
),
ses AS (
  SELECT s.clave_odes, s.fecha_programada, s.fecha_inicio, s.quorum, s.acta_aprobada_en,
         -- The next held session's start: in this order the following row's is the earliest of those after it
         -- (NULLs sort last, so after a NULL every later start is NULL too): lead(), not a min over every later row.
         lead(s.fecha_inicio) OVER (PARTITION BY s.clave_odes ORDER BY s.fecha_inicio NULLS LAST, s.numero) AS siguiente_inicio,
         ap.numero AS aprobada_numero, ap.fecha_inicio AS aprobada_inicio
  FROM core.odes_sesiones s
  LEFT JOIN core.odes_sesiones ap ON ap.proceso = s.proceso AND ap.clave_odes = s.clave_odes AND ap.numero = s.acta_aprobada_en
  WHERE s.proceso = $proceso::VARCHAR AND ($clave::VARCHAR = '' OR s.clave_odes = $clave::VARCHAR)
),
sesc AS (
  SELECT b.hasta, b.clave_odes,
         count(*) FILTER (WHERE s.fecha_programada < b.lim) AS ses_total,
         count(*) FILTER (WHERE s.fecha_programada < b.lim AND s.fecha_inicio < b.lim AND s.quorum) AS ses_ok,
         count(*) FILTER (WHERE s.fecha_inicio < b.lim AND s.siguiente_inicio < b.lim) AS actas_total,
         count(*) FILTER (WHERE s.fecha_inicio < b.lim AND s.siguiente_inicio < b.lim AND s.acta_aprobada_en IS NOT NULL
                            AND (s.aprobada_numero IS NULL OR s.aprobada_inicio < b.lim)) AS actas_ok
  FROM base b JOIN ses s ON s.clave_odes = b.clave_odes
  GROUP BY b.hasta, b.clave_odes
),
-- Due = its posting limit (approval + $horas_estrados) has passed by the end of hasta; one approved in the last
-- hours before the cut-off is not late yet.
acu AS (
  SELECT b.hasta, b.clave_odes, count(*) AS total,
         count(*) FILTER (WHERE a.fecha_fijacion_estrados IS NOT NULL
                            AND epoch(a.fecha_fijacion_estrados) - epoch(a.fecha_aprobacion) <= $horas_estrados::DOUBLE * 3600) AS ok
  FROM base b JOIN core.odes_acuerdos a ON a.proceso = b.proceso AND a.clave_odes = b.clave_odes
  WHERE epoch(b.lim) - epoch(a.fecha_aprobacion) >= $horas_estrados::DOUBLE * 3600
  GROUP BY b.hasta, b.clave_odes
),
-- Entregables and supervision observations due by the cut-off; met when delivered (attended) by their deadline.
venc AS (
  SELECT b.hasta, b.clave_odes, v.componente, count(*) AS total,
         count(*) FILTER (WHERE v.hecho IS NOT NULL AND v.hecho <= v.fecha_limite) AS ok
  FROM base b JOIN (
    SELECT 'entregables' AS componente, proceso, clave_odes, fecha_limite, fecha_entrega AS hecho FROM core.odes_entregables
    UNION ALL SELECT 'supervision', proceso, clave_odes, fecha_limite, fecha_atencion FROM core.odes_supervision
  ) v ON v.proceso = b.proceso AND v.clave_odes = b.clave_odes
  WHERE v.fecha_limite <= b.hasta
  GROUP BY b.hasta, b.clave_odes, v.componente
),
comp AS (
  SELECT b.hasta, b.clave_odes, b.tipo, b.cabecera,
         CASE WHEN b.fecha_instalacion_programada IS NULL OR b.fecha_instalacion_programada > b.hasta THEN NULL
              WHEN b.fecha_instalacion IS NOT NULL AND b.fecha_instalacion <= b.fecha_instalacion_programada THEN 100.0
              ELSE 0.0 END AS instalacion,
         CASE WHEN b.fecha_instalacion_programada IS NULL OR b.fecha_instalacion_programada <= b.hasta
                   OR b.fecha_instalacion <= b.hasta OR i.designaciones > 0
              THEN 100.0 * coalesce(i.ok, 0) / (SELECT count(*) FROM cargos) END AS integracion,
         100.0 * s.ses_ok / nullif(s.ses_total, 0) AS sesiones,
         100.0 * s.actas_ok / nullif(s.actas_total, 0) AS actas,
         100.0 * a.ok / nullif(a.total, 0) AS estrados,
         100.0 * e.ok / nullif(e.total, 0) AS entregables,
         100.0 * o.ok / nullif(o.total, 0) AS supervision
  FROM base b
  LEFT JOIN integ i ON i.hasta = b.hasta AND i.clave_odes = b.clave_odes
  LEFT JOIN sesc s ON s.hasta = b.hasta AND s.clave_odes = b.clave_odes
  LEFT JOIN acu a ON a.hasta = b.hasta AND a.clave_odes = b.clave_odes
  LEFT JOIN venc e ON e.hasta = b.hasta AND e.clave_odes = b.clave_odes AND e.componente = 'entregables'
  LEFT JOIN venc o ON o.hasta = b.hasta AND o.clave_odes = b.clave_odes AND o.componente = 'supervision'
),
idx AS (
  SELECT *,
    (coalesce($w_instalacion::DOUBLE * instalacion, 0) + coalesce($w_integracion::DOUBLE * integracion, 0)
     + coalesce($w_sesiones::DOUBLE * sesiones, 0) + coalesce($w_actas::DOUBLE * actas, 0)
     + coalesce($w_estrados::DOUBLE * estrados, 0) + coalesce($w_entregables::DOUBLE * entregables, 0)
     + coalesce($w_supervision::DOUBLE * supervision, 0))
    / nullif(
        (CASE WHEN instalacion IS NULL THEN 0 ELSE $w_instalacion::DOUBLE END) + (CASE WHEN integracion IS NULL THEN 0 ELSE $w_integracion::DOUBLE END)
      + (CASE WHEN sesiones IS NULL THEN 0 ELSE $w_sesiones::DOUBLE END) + (CASE WHEN actas IS NULL THEN 0 ELSE $w_actas::DOUBLE END)
      + (CASE WHEN estrados IS NULL THEN 0 ELSE $w_estrados::DOUBLE END) + (CASE WHEN entregables IS NULL THEN 0 ELSE $w_entregables::DOUBLE END)
      + (CASE WHEN supervision IS NULL THEN 0 ELSE $w_supervision::DOUBLE END), 0) AS indice_raw,
    ((instalacion IS NOT NULL)::INTEGER + (integracion IS NOT NULL)::INTEGER + (sesiones IS NOT NULL)::INTEGER
     + (actas IS NOT NULL)::INTEGER + (estrados IS NOT NULL)::INTEGER + (entregables IS NOT NULL)::INTEGER
     + (supervision IS NOT NULL)::INTEGER) AS componentes_con_datos
  FROM comp
)
SELECT strftime(hasta, '%Y-%m-%d') AS hasta, clave_odes, tipo, cabecera,
       round(indice_raw, 2) AS indice, componentes_con_datos,
       round(instalacion, 2) AS instalacion, round(integracion, 2) AS integracion, round(sesiones, 2) AS sesiones,
       round(actas, 2) AS actas, round(estrados, 2) AS estrados, round(entregables, 2) AS entregables,
       round(supervision, 2) AS supervision
FROM idx
ORDER BY hasta, clave_odes
