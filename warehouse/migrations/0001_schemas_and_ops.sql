-- Layers: staging (per-run scratch), core (dimensions and facts), mart (what the dashboard reads);
-- ops (run log, quarantine, checks) and app (accounts, sessions, audit, settings).
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS mart;
CREATE SCHEMA IF NOT EXISTS app;

CREATE SEQUENCE ops.ejecuciones_id START 1;
CREATE TABLE ops.ejecuciones (
  id INTEGER PRIMARY KEY DEFAULT nextval('ops.ejecuciones_id'),
  pipeline VARCHAR NOT NULL,
  estado VARCHAR NOT NULL CHECK (estado IN ('en_curso', 'exito', 'fallo')),
  origen VARCHAR NOT NULL DEFAULT 'manual',
  inicio TIMESTAMPTZ NOT NULL DEFAULT now(),
  fin TIMESTAMPTZ,
  filas_leidas INTEGER NOT NULL DEFAULT 0,
  filas_cargadas INTEGER NOT NULL DEFAULT 0,
  filas_rechazadas INTEGER NOT NULL DEFAULT 0,
  error VARCHAR,
  avisos VARCHAR
);

CREATE TABLE ops.cuarentena (
  ejecucion_id INTEGER NOT NULL,
  pipeline VARCHAR NOT NULL,
  tabla VARCHAR,
  archivo VARCHAR NOT NULL,
  fila BIGINT,
  campo VARCHAR,
  motivo VARCHAR NOT NULL,
  valor VARCHAR,
  registrada_en TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE ops.archivos_cargados (
  pipeline VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  archivo VARCHAR NOT NULL,
  ejecucion_id INTEGER NOT NULL,
  estado VARCHAR NOT NULL,
  cargado_en TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (pipeline, sha256)
);

CREATE TABLE ops.verificaciones (
  ejecucion_id INTEGER NOT NULL,
  pipeline VARCHAR NOT NULL,
  nombre VARCHAR NOT NULL,
  tipo VARCHAR NOT NULL,
  tabla VARCHAR NOT NULL,
  fallas INTEGER NOT NULL,
  muestra VARCHAR,
  registrada_en TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE app.usuarios (
  usuario VARCHAR PRIMARY KEY,
  hash VARCHAR NOT NULL,
  rol VARCHAR NOT NULL CHECK (rol IN ('admin', 'direccion', 'utp', 'utvodes', 'utsi', 'utoe', 'uts', 'area')),
  area VARCHAR,
  activo BOOLEAN NOT NULL DEFAULT true,
  creado_en TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE app.sesiones (
  token_hash VARCHAR PRIMARY KEY,
  usuario VARCHAR NOT NULL,
  csrf VARCHAR NOT NULL,
  creada_en TIMESTAMPTZ NOT NULL DEFAULT now(),
  expira_en TIMESTAMPTZ NOT NULL
);

CREATE TABLE app.tokens (
  token_hash VARCHAR PRIMARY KEY,
  usuario VARCHAR NOT NULL,
  nombre VARCHAR NOT NULL,
  creado_en TIMESTAMPTZ NOT NULL DEFAULT now(),
  revocado BOOLEAN NOT NULL DEFAULT false
);

CREATE SEQUENCE app.auditoria_id START 1;
CREATE TABLE app.auditoria (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.auditoria_id'),
  usuario VARCHAR,
  cuando TIMESTAMPTZ NOT NULL DEFAULT now(),
  accion VARCHAR NOT NULL,
  objeto VARCHAR,
  antes VARCHAR,
  despues VARCHAR
);

-- Tunable figures (weights, deadlines, thresholds): key → JSON value; code holds the defaults.
CREATE TABLE app.configuracion (
  clave VARCHAR PRIMARY KEY,
  valor VARCHAR NOT NULL,
  actualizado_en TIMESTAMPTZ NOT NULL DEFAULT now()
);
