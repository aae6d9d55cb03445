-- UTOE petitions (contract `oficialia`) and UTS sessions and acuerdos (contract `sesiones`). Lineage columns trace
-- each row to its file and row. Keys are enforced by the loader's merge and the pipelines' unique checks.
CREATE TABLE core.peticiones (
  folio VARCHAR NOT NULL,
  fecha_recepcion TIMESTAMPTZ NOT NULL,
  organo VARCHAR NOT NULL,
  tipo_peticionario VARCHAR,
  acto_a_certificar VARCHAR,
  estado VARCHAR NOT NULL,
  fecha_prevencion TIMESTAMPTZ,
  fecha_respuesta_prevencion TIMESTAMPTZ,
  fecha_evaluacion TIMESTAMPTZ,
  fecha_diligencia TIMESTAMPTZ,
  fecha_entrega_acta TIMESTAMPTZ,
  num_acta VARCHAR,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

-- `anio` = year(fecha_inicio) in Mexico City: part of the key (numero restarts every year).
CREATE TABLE core.sesiones (
  organo VARCHAR NOT NULL,
  numero INTEGER NOT NULL,
  tipo VARCHAR,
  fecha_convocatoria TIMESTAMPTZ,
  fecha_inicio TIMESTAMPTZ NOT NULL,
  fecha_fin TIMESTAMPTZ,
  quorum BOOLEAN,
  puntos INTEGER,
  acta_aprobada_en INTEGER,
  anio INTEGER NOT NULL,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE TABLE core.acuerdos (
  clave VARCHAR NOT NULL,
  organo VARCHAR,
  sesion_numero INTEGER,
  fecha_aprobacion TIMESTAMPTZ NOT NULL,
  rubro VARCHAR,
  votacion VARCHAR,
  votos_favor INTEGER,
  votos_contra INTEGER,
  fecha_publicacion DATE,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);
