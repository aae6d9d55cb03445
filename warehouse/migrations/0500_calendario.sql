-- UTP: the calendario integral of each electoral process (contracts `calendario_*`). An activity holds its dates as
-- programmed now; each approved change of those dates is a row of calendario_cambios with its acuerdo, so a later
-- file updates the activity and the history stays. Keys are enforced by the pipeline's merge and unique checks.
CREATE TABLE core.calendario_actividades (
  proceso VARCHAR NOT NULL,
  id_actividad VARCHAR NOT NULL,
  actividad VARCHAR NOT NULL,
  area VARCHAR NOT NULL,
  subproceso VARCHAR,
  fecha_inicio DATE NOT NULL,
  fecha_fin DATE NOT NULL,
  fecha_inicio_real DATE,
  fecha_fin_real DATE,
  estatus VARCHAR NOT NULL,        -- vigente, cancelada
  depende_de VARCHAR,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE TABLE core.calendario_cambios (
  proceso VARCHAR NOT NULL,
  id_actividad VARCHAR NOT NULL,
  acuerdo VARCHAR NOT NULL,
  fecha_acuerdo DATE NOT NULL,
  fecha_inicio_anterior DATE,
  fecha_fin_anterior DATE,
  fecha_inicio_nueva DATE,
  fecha_fin_nueva DATE,
  motivo VARCHAR,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

-- The next ordinary local process (local deputies, elected in June 2027): its calendar is under way before the
-- Consejo General declares its start, so the dates stay unknown here.
INSERT INTO core.procesos VALUES
  ('PELO_2026_2027', 'Proceso Electoral Local Ordinario 2026-2027 (Diputaciones)', 'distrital', NULL, NULL)
ON CONFLICT DO NOTHING;

-- One text key per activity, so the pipeline's relationship check can find cambios of an activity no file has
-- brought yet (quality checks compare one column).
CREATE VIEW core.calendario_actividades_clave AS
  SELECT proceso, id_actividad, proceso || ' · ' || id_actividad AS actividad FROM core.calendario_actividades;
CREATE VIEW core.calendario_cambios_clave AS
  SELECT proceso, id_actividad, acuerdo, fecha_acuerdo, proceso || ' · ' || id_actividad AS actividad FROM core.calendario_cambios;
