-- Calendar and catalog dimensions shared by every domain.
CREATE TABLE core.dim_fecha AS
SELECT d::DATE AS fecha,
       year(d)::INTEGER AS anio,
       quarter(d)::INTEGER AS trimestre,
       month(d)::INTEGER AS mes,
       isoyear(d)::INTEGER AS anio_iso,
       week(d)::INTEGER AS semana_iso,
       date_trunc('week', d)::DATE AS inicio_semana,
       isodow(d)::INTEGER AS dia_semana,
       isodow(d) <= 5 AS habil
FROM range(DATE '2015-01-01', DATE '2036-01-01', INTERVAL 1 DAY) t(d);

CREATE TABLE core.unidades (
  siglas VARCHAR PRIMARY KEY,
  nombre VARCHAR NOT NULL,
  tipo VARCHAR NOT NULL,           -- unidad_tecnica, direccion, organo
  supervisa_se BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO core.unidades VALUES
  ('SE', 'Secretaría Ejecutiva', 'organo', false),
  ('UTSI', 'Unidad Técnica de Servicios Informáticos', 'unidad_tecnica', true),
  ('UTP', 'Unidad Técnica de Planeación', 'unidad_tecnica', true),
  ('UTOE', 'Unidad Técnica de Oficialía Electoral', 'unidad_tecnica', true),
  ('UTS', 'Unidad Técnica del Secretariado', 'unidad_tecnica', true),
  ('UTVODES', 'Unidad Técnica de Vinculación con los ODES', 'unidad_tecnica', true),
  ('DEOE', 'Dirección Ejecutiva de Organización Electoral', 'direccion', false),
  ('DEA', 'Dirección Ejecutiva de Administración', 'direccion', false),
  ('DEAJ', 'Dirección Ejecutiva de Asuntos Jurídicos', 'direccion', false),
  ('DECEyEC', 'Dirección Ejecutiva de Capacitación Electoral y Educación Cívica', 'direccion', false),
  ('DEPPP', 'Dirección Ejecutiva de Prerrogativas y Partidos Políticos', 'direccion', false),
  ('UTCS', 'Unidad Técnica de Comunicación Social', 'unidad_tecnica', false),
  ('UTF', 'Unidad Técnica de Fiscalización', 'unidad_tecnica', false),
  ('UTCFyD', 'Unidad Técnica del Centro de Formación y Desarrollo', 'unidad_tecnica', false),
  ('UTTAPDP', 'Unidad Técnica de Transparencia, Acceso a la Información y Protección de Datos Personales', 'unidad_tecnica', false),
  ('UTIGyND', 'Unidad Técnica de Igualdad de Género y No Discriminación', 'unidad_tecnica', false),
  ('OIC', 'Órgano Interno de Control', 'organo', false);

-- Municipalities and their geometry come from the cartography pipeline (INEGI CVEGEO 30001–30212).
CREATE TABLE core.municipios (
  cvegeo VARCHAR PRIMARY KEY,
  cve_mun INTEGER NOT NULL,
  nombre VARCHAR NOT NULL,
  cabecera VARCHAR,
  cabecera_lon DOUBLE,
  cabecera_lat DOUBLE,
  rep_lon DOUBLE,
  rep_lat DOUBLE,
  poblacion INTEGER,
  viviendas INTEGER,
  geometria VARCHAR   -- GeoJSON geometry
);

CREATE TABLE core.distritos (
  distrito INTEGER PRIMARY KEY,
  cabecera VARCHAR NOT NULL,
  cabecera_cvegeo VARCHAR,
  cabecera_municipio VARCHAR,
  confirmado BOOLEAN
);

CREATE TABLE core.cartografia_fuente (
  archivo VARCHAR NOT NULL,
  formato VARCHAR NOT NULL,
  municipios INTEGER NOT NULL,
  importada_en TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE core.procesos (
  proceso VARCHAR PRIMARY KEY,
  nombre VARCHAR NOT NULL,
  tipo_consejos VARCHAR NOT NULL,   -- distrital, municipal
  inicio DATE,
  fin DATE
);
INSERT INTO core.procesos VALUES
  ('PELO_2023_2024', 'Proceso Electoral Local Ordinario 2023-2024 (Gubernatura y Diputaciones)', 'distrital', DATE '2023-11-09', DATE '2024-09-30'),
  ('PELO_2024_2025', 'Proceso Electoral Local Ordinario 2024-2025 (Ayuntamientos)', 'municipal', DATE '2024-11-07', DATE '2025-07-31');
