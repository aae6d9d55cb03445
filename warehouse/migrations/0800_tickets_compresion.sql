-- core.tickets with each column's compression stated (issue 11 item 5, the loader at 1.5× read_csv). Left to choose,
-- DuckDB tries every method on every column of every row group a load writes and keeps the best: ~0.1 s of the
-- 1M-ticket load (npm run bench runner). The methods stated are the ones it chose on the demo's million tickets
-- (pragma_storage_info): bit packing for numbers, instants and days; a dictionary for the short texts with few
-- distinct values (types, states, catalogues, codes, technicians, the file's name); FSST for the free text of the
-- title. The table is rebuilt with the same columns in the same order (a column's compression is set when it is
-- created); no column has a default (WAL replay, STACK.md).
CREATE TABLE core.tickets_c (
  id BIGINT NOT NULL USING COMPRESSION bitpacking,
  titulo VARCHAR USING COMPRESSION fsst,
  tipo VARCHAR USING COMPRESSION dictionary,
  categoria VARCHAR USING COMPRESSION dictionary,
  servicio VARCHAR USING COMPRESSION dictionary,
  urgencia INTEGER USING COMPRESSION bitpacking,
  impacto INTEGER USING COMPRESSION bitpacking,
  prioridad INTEGER USING COMPRESSION bitpacking,
  estado VARCHAR NOT NULL USING COMPRESSION dictionary,
  area_solicitante VARCHAR USING COMPRESSION dictionary,
  clave_odes VARCHAR USING COMPRESSION dictionary,
  tecnico VARCHAR USING COMPRESSION dictionary,
  fecha_apertura TIMESTAMPTZ NOT NULL USING COMPRESSION bitpacking,
  fecha_asignacion TIMESTAMPTZ USING COMPRESSION bitpacking,
  fecha_solucion TIMESTAMPTZ USING COMPRESSION bitpacking,
  fecha_cierre TIMESTAMPTZ USING COMPRESSION bitpacking,
  fecha_limite_solucion TIMESTAMPTZ USING COMPRESSION bitpacking,
  _archivo VARCHAR USING COMPRESSION dictionary,
  _fila BIGINT USING COMPRESSION bitpacking,
  _ejecucion INTEGER USING COMPRESSION bitpacking,
  _cargado_en TIMESTAMPTZ USING COMPRESSION bitpacking,
  fecha_modificacion TIMESTAMPTZ USING COMPRESSION bitpacking,
  apertura BIGINT USING COMPRESSION bitpacking,
  asignacion BIGINT USING COMPRESSION bitpacking,
  solucion BIGINT USING COMPRESSION bitpacking,
  fin BIGINT USING COMPRESSION bitpacking,
  limite_fuente BIGINT USING COMPRESSION bitpacking,
  dia_apertura DATE USING COMPRESSION bitpacking,
  dia_solucion DATE USING COMPRESSION bitpacking
);

INSERT INTO core.tickets_c SELECT id, titulo, tipo, categoria, servicio, urgencia, impacto, prioridad, estado, area_solicitante,
  clave_odes, tecnico, fecha_apertura, fecha_asignacion, fecha_solucion, fecha_cierre, fecha_limite_solucion, _archivo, _fila,
  _ejecucion, _cargado_en, fecha_modificacion, apertura, asignacion, solucion, fin, limite_fuente, dia_apertura, dia_solucion
FROM core.tickets ORDER BY _ejecucion, _archivo, _fila;

DROP TABLE core.tickets;
ALTER TABLE core.tickets_c RENAME TO tickets;
