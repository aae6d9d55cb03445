-- Failed checks of an outage that the raw-check retention pruned (DESIGN.md §3 Uptime: raw checks are kept for a
-- bounded window). An outage longer than that window keeps its true start and its count of failures: the rollup
-- carries `inicio` over from core.disp_caidas and adds these to the failures still in core.disp_verificaciones.
CREATE TABLE core.disp_caidas_podadas (
  servicio_id VARCHAR NOT NULL,
  inicio TIMESTAMPTZ NOT NULL,
  fallos INTEGER NOT NULL
);
