-- UTVODES: district and municipal councils (contracts `odes_*`), keyed by proceso. Lineage columns trace each
-- row to its file and row. Keys are enforced by the loader's merge and the pipeline's unique checks.
CREATE TABLE core.odes_consejos (
  proceso VARCHAR NOT NULL,
  clave_odes VARCHAR NOT NULL,
  tipo VARCHAR NOT NULL,
  cabecera VARCHAR,
  fecha_instalacion_programada DATE,
  fecha_instalacion DATE,
  fecha_conclusion DATE,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE TABLE core.odes_integracion (
  proceso VARCHAR NOT NULL,
  clave_odes VARCHAR NOT NULL,
  cargo VARCHAR NOT NULL,
  calidad VARCHAR NOT NULL,
  persona VARCHAR,
  fecha_designacion DATE,
  fecha_baja DATE,
  motivo_baja VARCHAR,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE TABLE core.odes_sesiones (
  proceso VARCHAR NOT NULL,
  clave_odes VARCHAR NOT NULL,
  numero INTEGER NOT NULL,
  tipo VARCHAR,
  fecha_convocatoria TIMESTAMPTZ,
  fecha_programada TIMESTAMPTZ NOT NULL,
  fecha_inicio TIMESTAMPTZ,
  quorum BOOLEAN,
  acta_aprobada_en INTEGER,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE TABLE core.odes_acuerdos (
  proceso VARCHAR NOT NULL,
  clave_odes VARCHAR NOT NULL,
  clave_acuerdo VARCHAR NOT NULL,
  sesion_numero INTEGER,
  fecha_aprobacion TIMESTAMPTZ NOT NULL,
  fecha_fijacion_estrados TIMESTAMPTZ,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE TABLE core.odes_entregables (
  proceso VARCHAR NOT NULL,
  clave_odes VARCHAR NOT NULL,
  entregable VARCHAR NOT NULL,
  fecha_limite DATE NOT NULL,
  fecha_entrega DATE,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE TABLE core.odes_supervision (
  proceso VARCHAR NOT NULL,
  clave_odes VARCHAR NOT NULL,
  folio_visita VARCHAR NOT NULL,
  fecha_visita DATE,
  num_observacion INTEGER NOT NULL,
  rubro VARCHAR,
  observacion VARCHAR,
  severidad VARCHAR,
  fecha_limite DATE,
  fecha_atencion DATE,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);
