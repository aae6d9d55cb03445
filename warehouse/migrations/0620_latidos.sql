-- Issue 13: heartbeat monitors. A service of type `latido` is up while something calls its secret URL
-- (/api/publico/latido/<clave>, the clave kept in `destino`) at least every `intervalo_s`; the last call is kept in
-- `latido_ultimo`. The catalogue's CHECK on `tipo` only knew http and tcp and DuckDB cannot drop a constraint, so
-- the table is rebuilt with every column it has (whatever other migrations added), then its key, NOT NULLs and
-- defaults are put back; the allowed types are checked by the catalogue (src/domains/disponibilidad/catalog.ts).
CREATE TABLE core.servicios_n AS SELECT * FROM core.servicios;
DROP TABLE core.servicios;
ALTER TABLE core.servicios_n RENAME TO servicios;
ALTER TABLE core.servicios ADD PRIMARY KEY (id);
ALTER TABLE core.servicios ALTER COLUMN nombre SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN tipo SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN destino SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN intervalo_s SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN intervalo_s SET DEFAULT 60;
ALTER TABLE core.servicios ALTER COLUMN timeout_ms SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN timeout_ms SET DEFAULT 10000;
ALTER TABLE core.servicios ALTER COLUMN codigos_ok SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN codigos_ok SET DEFAULT '200-399';
ALTER TABLE core.servicios ALTER COLUMN criticidad SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN criticidad SET DEFAULT 'media';
ALTER TABLE core.servicios ALTER COLUMN publico SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN publico SET DEFAULT false;
ALTER TABLE core.servicios ALTER COLUMN activo SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN activo SET DEFAULT true;
ALTER TABLE core.servicios ALTER COLUMN creado_en SET NOT NULL;
ALTER TABLE core.servicios ALTER COLUMN creado_en SET DEFAULT now();
ALTER TABLE core.servicios ADD COLUMN latido_ultimo TIMESTAMPTZ;
