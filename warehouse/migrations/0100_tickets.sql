-- UTSI help desk tickets (contract `tickets`). Lineage columns trace each row to its file and row.
-- No PRIMARY KEY: the runner's merge by key keeps ids unique (checked after every run by the `unique` check),
-- and an index would make bulk loads several times slower.
CREATE TABLE core.tickets (
  id BIGINT NOT NULL,
  titulo VARCHAR,
  tipo VARCHAR,
  categoria VARCHAR,
  servicio VARCHAR,
  urgencia INTEGER,
  impacto INTEGER,
  prioridad INTEGER,
  estado VARCHAR NOT NULL,
  area_solicitante VARCHAR,
  clave_odes VARCHAR,
  tecnico VARCHAR,
  fecha_apertura TIMESTAMPTZ NOT NULL,
  fecha_asignacion TIMESTAMPTZ,
  fecha_solucion TIMESTAMPTZ,
  fecha_cierre TIMESTAMPTZ,
  fecha_limite_solucion TIMESTAMPTZ,
  _archivo VARCHAR,
  _fila BIGINT,
  _ejecucion INTEGER,
  _cargado_en TIMESTAMPTZ
);
