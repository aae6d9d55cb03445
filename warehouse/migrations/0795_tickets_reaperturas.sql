-- Reopened tickets (DESIGN.md §3 Incidents, `reabiertos`): one row per history row of core.tickets_estados in a state
-- other than resuelto/cerrado that comes after a resuelto/cerrado row of the same ticket, with when a load saw it.
-- History rows are only ever added, each after the ticket's earlier ones, so a row's being a reopening never changes:
-- every load adds its own (pipelines/tickets/history.ts). The figure then counts these few rows instead of searching
-- the whole history for an earlier solution on every read (~40 ms of CPU per read at 1M tickets, issue 11).
CREATE TABLE core.tickets_reaperturas (
  id BIGINT NOT NULL,
  observado_en TIMESTAMPTZ NOT NULL,
  _ejecucion INTEGER
);

INSERT INTO core.tickets_reaperturas (id, observado_en, _ejecucion)
SELECT h.id, h.observado_en, h._ejecucion FROM core.tickets_estados h
WHERE h.estado NOT IN ('resuelto', 'cerrado')
  AND EXISTS (SELECT 1 FROM core.tickets_estados p WHERE p.id = h.id AND p.orden < h.orden AND p.estado IN ('resuelto', 'cerrado'));
