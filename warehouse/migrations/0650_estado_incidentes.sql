-- Status page incidents (issue 13 item 6): UTSI posts an incident and its timestamped updates; the public /estado
-- page shows each one while it is open and for 90 days after it was resolved. Written by src/domains/estado.
-- `estado` is the incident's latest state (the state of its newest update); `resuelto_en` is set when an update
-- moves it to resuelto (and cleared if a later update reopens it).
CREATE SEQUENCE app.estado_incidentes_id START 1;
CREATE TABLE app.estado_incidentes (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.estado_incidentes_id'),
  titulo VARCHAR NOT NULL,
  impacto VARCHAR NOT NULL CHECK (impacto IN ('menor', 'mayor', 'critico')),
  estado VARCHAR NOT NULL CHECK (estado IN ('investigando', 'identificado', 'monitoreando', 'resuelto')),
  servicios VARCHAR[] NOT NULL DEFAULT [],
  creado_por VARCHAR NOT NULL,
  creado_en TIMESTAMPTZ NOT NULL,
  actualizado_en TIMESTAMPTZ NOT NULL,
  resuelto_en TIMESTAMPTZ
);

-- Every update of an incident, the first one included (its opening message).
CREATE SEQUENCE app.estado_actualizaciones_id START 1;
CREATE TABLE app.estado_actualizaciones (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.estado_actualizaciones_id'),
  incidente_id INTEGER NOT NULL,
  estado VARCHAR NOT NULL CHECK (estado IN ('investigando', 'identificado', 'monitoreando', 'resuelto')),
  mensaje VARCHAR NOT NULL,
  usuario VARCHAR NOT NULL,
  fecha TIMESTAMPTZ NOT NULL
);
