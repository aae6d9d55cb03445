-- UTSI help desk tickets (contract `tickets`). Lineage columns trace each row to its file and row.
CREATE TABLE core.tickets (
  id BIGINT PRIMARY KEY,
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
