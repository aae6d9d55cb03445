-- The tickets load at 1.5× read_csv (issue 11 item 5): the incident columns of core.tickets_hechos (0700, 0710) move
-- into core.tickets itself, computed by the merge from the row's own dates (pipelines/tickets/hechos.ts). DuckDB reads
-- only the columns a query names, so the figures scan these as they scanned the narrow table; a load no longer
-- writes every ticket twice (the separate table cost ~0.55 s per million tickets, the seven columns ~0.17 s). The
-- text dimensions are read from core.tickets' own columns, the empty value read as '(sin dato)'. No defaults (WAL
-- replay, STACK.md).
ALTER TABLE core.tickets ADD COLUMN apertura BIGINT;
ALTER TABLE core.tickets ADD COLUMN asignacion BIGINT;
ALTER TABLE core.tickets ADD COLUMN solucion BIGINT;
-- COALESCE(fecha_solucion, fecha_cierre): when the ticket left the backlog.
ALTER TABLE core.tickets ADD COLUMN fin BIGINT;
-- fecha_limite_solucion from the source (the configured hours by priority apply at read time).
ALTER TABLE core.tickets ADD COLUMN limite_fuente BIGINT;
-- Mexico City days of opening and solution (weeks of the weekly chart).
ALTER TABLE core.tickets ADD COLUMN dia_apertura DATE;
ALTER TABLE core.tickets ADD COLUMN dia_solucion DATE;

UPDATE core.tickets SET
  apertura = epoch_us(fecha_apertura),
  asignacion = epoch_us(fecha_asignacion),
  solucion = epoch_us(fecha_solucion),
  fin = epoch_us(COALESCE(fecha_solucion, fecha_cierre)),
  limite_fuente = epoch_us(fecha_limite_solucion),
  dia_apertura = CASE WHEN epoch_us(fecha_apertura) / 1000000 >= 1667113200
    THEN DATE '1970-01-01' + CAST(floor((epoch_us(fecha_apertura) / 1000000 - 21600) / 86400) AS INTEGER)
    ELSE CAST(to_timestamp(epoch_us(fecha_apertura) / 1000000) AS DATE) END,
  dia_solucion = CASE WHEN epoch_us(fecha_solucion) / 1000000 >= 1667113200
    THEN DATE '1970-01-01' + CAST(floor((epoch_us(fecha_solucion) / 1000000 - 21600) / 86400) AS INTEGER)
    ELSE CAST(to_timestamp(epoch_us(fecha_solucion) / 1000000) AS DATE) END;

DROP TABLE core.tickets_hechos;
