-- Incidents (issue 3): GLPI's last-modified date, and the history of each ticket's states.
ALTER TABLE core.tickets ADD COLUMN fecha_modificacion TIMESTAMPTZ;

CREATE SEQUENCE core.tickets_estados_seq;

-- One row each time a load sees a ticket for the first time or in a state other than its last recorded one, so a
-- later export that moves a ticket from asignado to resuelto keeps when it was assigned.
CREATE TABLE core.tickets_estados (
  orden BIGINT NOT NULL DEFAULT nextval('core.tickets_estados_seq'),
  id BIGINT NOT NULL,
  estado VARCHAR NOT NULL,
  -- When the source says the state began (fecha_apertura for nuevo, fecha_asignacion for asignado, …), if it says.
  fecha TIMESTAMPTZ,
  -- When a load first saw the ticket in this state.
  observado_en TIMESTAMPTZ NOT NULL,
  -- The assignment date known at that moment (kept if a later export drops it).
  fecha_asignacion TIMESTAMPTZ,
  _ejecucion INTEGER
);
