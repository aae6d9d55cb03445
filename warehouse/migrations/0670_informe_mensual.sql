-- The Informe mensual de la Secretaría Ejecutiva (issue 13 item 5): one PDF per month for the Consejo General,
-- generated on demand (admin, direccion) or by the scheduler, kept in the archive. The file lives privately under
-- <ATALAYA_DATA_DIR>/informes/; `datos` keeps the figures it printed (JSON) so the archive shows what was reported.
CREATE SEQUENCE app.informes_mensuales_id START 1;
CREATE TABLE app.informes_mensuales (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.informes_mensuales_id'),
  anio INTEGER NOT NULL,
  mes INTEGER NOT NULL CHECK (mes BETWEEN 1 AND 12),
  generado_en TIMESTAMPTZ NOT NULL,
  generado_por VARCHAR NOT NULL,
  origen VARCHAR NOT NULL CHECK (origen IN ('manual', 'programado')),
  archivo VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  datos VARCHAR NOT NULL
);
