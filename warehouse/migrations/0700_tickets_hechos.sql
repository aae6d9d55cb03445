-- Incidents at scale (issue 11): one narrow row per ticket for the figures of DESIGN.md §3 Incidents, kept by the
-- tickets pipelines in their load transaction (pipelines/tickets/hechos.ts). Instants are epoch seconds: TIMESTAMPTZ
-- arithmetic goes through ICU's calendar and cost seconds per query at 1M tickets. No defaults (WAL replay, STACK.md).
CREATE TABLE core.tickets_hechos (
  id BIGINT NOT NULL,
  prioridad INTEGER,
  categoria VARCHAR,
  servicio VARCHAR,
  area_solicitante VARCHAR,
  clave_odes VARCHAR,
  tipo VARCHAR,
  tecnico VARCHAR,
  apertura DOUBLE NOT NULL,
  asignacion DOUBLE,
  solucion DOUBLE,
  -- COALESCE(fecha_solucion, fecha_cierre): when the ticket left the backlog.
  fin DOUBLE,
  -- fecha_limite_solucion from the source (the configured hours by priority apply at read time).
  limite_fuente DOUBLE,
  -- Mexico City days of opening and solution (weeks of the weekly chart).
  dia_apertura DATE NOT NULL,
  dia_solucion DATE
);

-- Tickets loaded before this migration (the same projection as pipelines/tickets/hechos.ts).
INSERT INTO core.tickets_hechos
SELECT id, prioridad, categoria, servicio, area_solicitante, clave_odes, tipo, tecnico,
       apertura, asignacion, solucion, COALESCE(solucion, cierre), limite_fuente,
       CASE WHEN apertura >= 1667113200 THEN DATE '1970-01-01' + CAST(floor((apertura - 21600) / 86400) AS INTEGER) ELSE CAST(to_timestamp(apertura) AS DATE) END,
       CASE WHEN solucion >= 1667113200 THEN DATE '1970-01-01' + CAST(floor((solucion - 21600) / 86400) AS INTEGER) ELSE CAST(to_timestamp(solucion) AS DATE) END
FROM (SELECT k.*, epoch(k.fecha_apertura) AS apertura, epoch(k.fecha_asignacion) AS asignacion,
             epoch(k.fecha_solucion) AS solucion, epoch(k.fecha_cierre) AS cierre, epoch(k.fecha_limite_solucion) AS limite_fuente
      FROM core.tickets k)
ORDER BY apertura;
