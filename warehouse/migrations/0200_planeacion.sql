-- UTP planning (issue 4): POA activities and their monthly progress, MIR indicators and their measurements
-- (contracts `poa` and `indicadores`), the history of reprogrammed activities, the rules of DESIGN.md §3 as
-- macros, and the quarterly evaluation cycle (app state: cycles, justifications, frozen snapshot).

CREATE TABLE core.poa_actividades (
  ejercicio INTEGER NOT NULL,
  programa VARCHAR,
  programa_nombre VARCHAR,
  programa_especifico VARCHAR NOT NULL,
  programa_especifico_nombre VARCHAR,
  area VARCHAR,
  num_actividad INTEGER NOT NULL,
  descripcion VARCHAR,
  unidad_medida VARCHAR,
  cantidad_anual DOUBLE,
  fecha_inicio DATE,
  fecha_termino DATE,
  ene DOUBLE, feb DOUBLE, mar DOUBLE, abr DOUBLE, may DOUBLE, jun DOUBLE,
  jul DOUBLE, ago DOUBLE, sep DOUBLE, oct DOUBLE, nov DOUBLE, dic DOUBLE,
  estatus VARCHAR,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE TABLE core.poa_avance (
  ejercicio INTEGER NOT NULL,
  programa_especifico VARCHAR NOT NULL,
  num_actividad INTEGER NOT NULL,
  mes INTEGER NOT NULL,
  realizado DOUBLE,
  observaciones VARCHAR,
  fecha_reporte DATE,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE SEQUENCE core.poa_versiones_seq;

-- One row per version of an activity's programming: appended by the pipeline's transform when a load sees an
-- activity for the first time or with other programmed months, annual quantity or estatus. `vigente_desde` is
-- when the load saw it, so an evaluation can ask what was programmed at a given moment.
CREATE TABLE core.poa_actividades_versiones (
  orden BIGINT NOT NULL DEFAULT nextval('core.poa_versiones_seq'),
  ejercicio INTEGER NOT NULL,
  programa_especifico VARCHAR NOT NULL,
  num_actividad INTEGER NOT NULL,
  version INTEGER NOT NULL,
  estatus VARCHAR,
  cantidad_anual DOUBLE,
  ene DOUBLE, feb DOUBLE, mar DOUBLE, abr DOUBLE, may DOUBLE, jun DOUBLE,
  jul DOUBLE, ago DOUBLE, sep DOUBLE, oct DOUBLE, nov DOUBLE, dic DOUBLE,
  vigente_desde TIMESTAMPTZ NOT NULL,
  _ejecucion INTEGER
);

CREATE TABLE core.indicadores (
  ejercicio INTEGER NOT NULL,
  clave VARCHAR NOT NULL,
  nombre VARCHAR,
  nivel VARCHAR,
  dimension VARCHAR,
  metodo_calculo VARCHAR,
  unidad_medida VARCHAR,
  frecuencia VARCHAR,
  linea_base DOUBLE,
  meta DOUBLE,
  sentido VARCHAR,
  area VARCHAR,
  umbral_verde DOUBLE,
  umbral_amarillo DOUBLE,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

CREATE TABLE core.indicador_mediciones (
  ejercicio INTEGER NOT NULL,
  clave VARCHAR NOT NULL,
  periodo VARCHAR NOT NULL,
  numerador DOUBLE,
  denominador DOUBLE,
  meta_periodo DOUBLE,
  _archivo VARCHAR, _fila BIGINT, _ejecucion INTEGER, _cargado_en TIMESTAMPTZ
);

-- ---------------------------------------------------------------------------------------------------------------
-- Rules (DESIGN.md §3). The same rules live in src/planning/rules.ts and are tested against each other.

-- Semáforo of an avance (%): verde uv ≤ a ≤ 130, amarillo ua ≤ a < uv, rojo a < ua, rebasada a > 130.
CREATE MACRO core.semaforo_avance(a, uv, ua) AS
  CASE WHEN a IS NULL THEN NULL
       WHEN a > 130 THEN 'rebasada'
       WHEN a >= coalesce(uv, 90) THEN 'verde'
       WHEN a >= coalesce(ua, 70) THEN 'amarillo'
       ELSE 'rojo' END;

-- Avance of a goal: 100 × realizado / programado (null when nothing was programmed).
CREATE MACRO core.avance_meta(programado, realizado) AS
  CASE WHEN coalesce(programado, 0) = 0 THEN NULL ELSE round(100.0 * coalesce(realizado, 0) / programado, 6) END;

-- Semáforo of a goal: sin_meta when nothing programmed and nothing done; rebasada when done without programming.
CREATE MACRO core.semaforo_meta(programado, realizado, uv, ua) AS
  CASE WHEN coalesce(programado, 0) = 0 AND coalesce(realizado, 0) = 0 THEN 'sin_meta'
       WHEN coalesce(programado, 0) = 0 THEN 'rebasada'
       ELSE core.semaforo_avance(core.avance_meta(programado, realizado), uv, ua) END;

-- POA classification: no_cumplida (0), parcialmente_cumplida (0 < a < 100), cumplida (100), rebasada (> 100).
CREATE MACRO core.clasificacion_meta(programado, realizado) AS
  CASE WHEN coalesce(programado, 0) = 0 AND coalesce(realizado, 0) = 0 THEN NULL
       WHEN coalesce(programado, 0) = 0 THEN 'rebasada'
       WHEN core.avance_meta(programado, realizado) = 0 THEN 'no_cumplida'
       WHEN core.avance_meta(programado, realizado) < 100 THEN 'parcialmente_cumplida'
       WHEN core.avance_meta(programado, realizado) = 100 THEN 'cumplida'
       ELSE 'rebasada' END;

-- Value of an indicator: numerador / denominador (× 100 for porcentaje); numerador alone without denominador.
CREATE MACRO core.valor_indicador(numerador, denominador, unidad) AS
  CASE WHEN numerador IS NULL THEN NULL
       WHEN denominador IS NULL THEN numerador
       WHEN denominador = 0 THEN NULL
       WHEN lower(strip_accents(coalesce(unidad, ''))) = 'porcentaje' THEN round(100.0 * numerador / denominador, 6)
       ELSE round(numerador / denominador, 6) END;

-- Avance of an indicator: 100 × valor / meta (ascendente), 100 × meta / valor (descendente).
CREATE MACRO core.avance_indicador(valor, meta, sentido) AS
  CASE WHEN valor IS NULL OR meta IS NULL THEN NULL
       WHEN sentido = 'descendente' THEN
         CASE WHEN valor = 0 AND meta = 0 THEN 100.0 WHEN valor = 0 THEN NULL ELSE round(100.0 * meta / valor, 6) END
       ELSE CASE WHEN meta = 0 THEN NULL ELSE round(100.0 * valor / meta, 6) END END;

-- Semáforo of an indicator measurement; null when nothing was measured.
CREATE MACRO core.semaforo_indicador(valor, meta, sentido, uv, ua) AS
  CASE WHEN valor IS NULL THEN NULL
       WHEN meta IS NULL THEN 'sin_meta'
       WHEN sentido = 'descendente' AND valor = 0 AND meta > 0 THEN 'rebasada'
       WHEN coalesce(sentido, 'ascendente') <> 'descendente' AND meta = 0 AND valor = 0 THEN 'sin_meta'
       WHEN coalesce(sentido, 'ascendente') <> 'descendente' AND meta = 0 THEN 'rebasada'
       ELSE core.semaforo_avance(core.avance_indicador(valor, meta, sentido), uv, ua) END;

-- A monthly report is late when it arrives after the 10th of the following month.
CREATE MACRO core.reporte_tardio(ejercicio, mes, fecha_reporte) AS
  fecha_reporte IS NOT NULL AND fecha_reporte > (make_date(ejercicio, mes, 1) + INTERVAL 1 MONTH + INTERVAL 9 DAY)::DATE;

-- ---------------------------------------------------------------------------------------------------------------
-- Quarterly evaluation cycle (app state written through the API; every change audited in app.auditoria).

CREATE SEQUENCE app.evaluacion_ciclos_id START 1;
CREATE TABLE app.evaluacion_ciclos (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.evaluacion_ciclos_id'),
  ejercicio INTEGER NOT NULL,
  trimestre INTEGER NOT NULL,
  fecha_limite DATE NOT NULL,
  estado VARCHAR NOT NULL DEFAULT 'abierto',   -- abierto, en_revision, cerrado
  abierto_por VARCHAR,
  abierto_en TIMESTAMPTZ NOT NULL DEFAULT now(),
  cerrado_por VARCHAR,
  cerrado_en TIMESTAMPTZ,
  UNIQUE (ejercicio, trimestre)
);

-- One justification per cycle and result (an activity `PE|num` or an indicator `clave|periodo`).
CREATE SEQUENCE app.evaluacion_justificaciones_id START 1;
CREATE TABLE app.evaluacion_justificaciones (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.evaluacion_justificaciones_id'),
  ciclo_id INTEGER NOT NULL,
  tipo VARCHAR NOT NULL,            -- actividad, indicador
  clave VARCHAR NOT NULL,
  area VARCHAR NOT NULL,
  causa VARCHAR,
  accion_correctiva VARCHAR,
  fecha_compromiso DATE,
  estado VARCHAR NOT NULL DEFAULT 'borrador',   -- borrador, enviada, aprobada, observada
  comentario VARCHAR,
  actualizado_por VARCHAR,
  actualizado_en TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (ciclo_id, tipo, clave)
);

-- When an area sent its results for a cycle (the area-level "enviado" state).
CREATE TABLE app.evaluacion_envios (
  ciclo_id INTEGER NOT NULL,
  area VARCHAR NOT NULL,
  enviado_por VARCHAR,
  enviado_en TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (ciclo_id, area)
);

-- The figures and justifications frozen when a cycle closes; later loads never change them.
CREATE TABLE app.evaluacion_snapshot (
  ciclo_id INTEGER NOT NULL,
  tipo VARCHAR NOT NULL,
  clave VARCHAR NOT NULL,
  area VARCHAR,
  programa VARCHAR,
  programa_especifico VARCHAR,
  descripcion VARCHAR,
  programado DOUBLE,
  realizado DOUBLE,
  avance_pct DOUBLE,
  semaforo VARCHAR,
  clasificacion VARCHAR,
  causa VARCHAR,
  accion_correctiva VARCHAR,
  fecha_compromiso DATE,
  estado_justificacion VARCHAR,
  comentario VARCHAR,
  congelado_en TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (ciclo_id, tipo, clave)
);

-- Last month (1–12) of an indicator period: `2025-03`, `2025-B2`, `2025-T1`, `2025-S1`, `2025`.
CREATE MACRO core.periodo_mes_fin(periodo) AS
  CASE WHEN regexp_full_match(periodo, '\d{4}-\d{2}') THEN TRY_CAST(substr(periodo, 6, 2) AS INTEGER)
       WHEN regexp_full_match(periodo, '\d{4}-B[1-6]') THEN 2 * TRY_CAST(substr(periodo, 7, 1) AS INTEGER)
       WHEN regexp_full_match(periodo, '\d{4}-T[1-4]') THEN 3 * TRY_CAST(substr(periodo, 7, 1) AS INTEGER)
       WHEN regexp_full_match(periodo, '\d{4}-S[12]') THEN 6 * TRY_CAST(substr(periodo, 7, 1) AS INTEGER)
       WHEN regexp_full_match(periodo, '\d{4}') THEN 12 END;
