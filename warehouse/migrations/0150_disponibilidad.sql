-- Uptime (contract `disponibilidad`): the service catalogue, maintenance windows, raw checks (kept for a bounded
-- window), minute/hour/day rollups with latency histograms (kept for years) and the outages derived from checks.
CREATE TABLE core.servicios (
  id VARCHAR PRIMARY KEY,
  nombre VARCHAR NOT NULL,
  tipo VARCHAR NOT NULL CHECK (tipo IN ('http', 'tcp')),
  destino VARCHAR NOT NULL,
  intervalo_s INTEGER NOT NULL DEFAULT 60,
  timeout_ms INTEGER NOT NULL DEFAULT 10000,
  palabra_clave VARCHAR,
  codigos_ok VARCHAR NOT NULL DEFAULT '200-399',
  criticidad VARCHAR NOT NULL DEFAULT 'media' CHECK (criticidad IN ('alta', 'media', 'baja')),
  publico BOOLEAN NOT NULL DEFAULT false,
  activo BOOLEAN NOT NULL DEFAULT true,
  creado_en TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE SEQUENCE core.mantenimientos_id START 1;
CREATE TABLE core.mantenimientos (
  id INTEGER PRIMARY KEY DEFAULT nextval('core.mantenimientos_id'),
  servicio_id VARCHAR NOT NULL,
  inicio TIMESTAMPTZ NOT NULL,
  fin TIMESTAMPTZ NOT NULL,
  motivo VARCHAR,
  creado_en TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per check, appended in batches by the probe engine (src/uptime). No index: time-ordered appends keep
-- DuckDB's zone maps on ts tight, so range filters on ts skip old row groups.
CREATE TABLE core.disp_verificaciones (
  servicio_id VARCHAR NOT NULL,
  ts TIMESTAMPTZ NOT NULL,
  ok BOOLEAN NOT NULL,
  latencia_ms DOUBLE,
  codigo INTEGER,
  error VARCHAR,
  retraso_ms INTEGER
);

-- Rollups: nivel 'minuto' | 'hora' | 'dia' (Mexico City hours and days). total = all checks; mantenimiento = checks
-- inside a maintenance window; ok = successful checks outside maintenance. Uptime = ok / (total - mantenimiento).
CREATE TABLE core.disp_agregados (
  nivel VARCHAR NOT NULL,
  servicio_id VARCHAR NOT NULL,
  inicio TIMESTAMPTZ NOT NULL,
  total INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  mantenimiento INTEGER NOT NULL,
  lat_n INTEGER NOT NULL,
  lat_suma DOUBLE NOT NULL
);

-- Latency histograms of successful checks outside maintenance ('hora' and 'dia'): bin = floor(ln(ms) / ln(1.1)).
CREATE TABLE core.disp_latencias (
  nivel VARCHAR NOT NULL,
  servicio_id VARCHAR NOT NULL,
  inicio TIMESTAMPTZ NOT NULL,
  bin SMALLINT NOT NULL,
  n INTEGER NOT NULL
);

-- Outages: runs of N consecutive failed checks (outside maintenance); fin = the next successful check, NULL while open.
CREATE TABLE core.disp_caidas (
  servicio_id VARCHAR NOT NULL,
  inicio TIMESTAMPTZ NOT NULL,
  fin TIMESTAMPTZ,
  fallos INTEGER NOT NULL,
  error VARCHAR
);

-- Periods to recompute at the next rollup (a maintenance window created or changed after the fact).
CREATE TABLE core.disp_recalculo (
  desde TIMESTAMPTZ NOT NULL,
  registrado_en TIMESTAMPTZ NOT NULL DEFAULT now()
);
