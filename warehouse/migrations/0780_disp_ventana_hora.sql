-- The sums behind each service's uptime windows (24 h, 7 d, 30 d, 90 d, 365 d) and its 24 h latency bins, for the
-- windows of a read made in a given hour (DESIGN.md §3 "Uptime"): kept by every rollup run for the previous, current
-- and next hour, by the very statement the services page would run (src/domains/disponibilidad/queries.ts,
-- SQL_VENTANA_HORA). The rollups they come from change only in a run, so a read in a kept hour takes 1,000 rows
-- here instead of aggregating the day's latency histograms and a year of day rollups (issue 11).
CREATE TABLE core.disp_ventana_hora (
  hora TIMESTAMPTZ NOT NULL,
  servicio_id VARCHAR NOT NULL,
  ok24 HUGEINT,
  n24 HUGEINT,
  ok7 HUGEINT,
  n7 HUGEINT,
  ok30 HUGEINT,
  n30 HUGEINT,
  ok90 HUGEINT,
  n90 HUGEINT,
  ok365 HUGEINT,
  n365 HUGEINT,
  b50 SMALLINT,
  b95 SMALLINT
);
