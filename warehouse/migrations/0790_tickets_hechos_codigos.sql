-- The tickets load at 1.5× read_csv (issue 11 item 5): core.tickets_hechos keeps its six text dimensions as integer
-- codes of core.tickets_dimensiones instead of repeating the text on every row. Writing a million strings per column
-- was two thirds of the cost of filling the table at each load; an integer column costs a sixth of that, and the
-- figures compare and group integers. Codes are dense per dimension (0, 1, 2 … in the order values first appeared)
-- and never change: the loader appends new values (pipelines/tickets/hechos.ts). No defaults (WAL replay, STACK.md).
CREATE TABLE core.tickets_dimensiones (
  -- categoria, servicio, area_solicitante, clave_odes, tipo or tecnico (the column of core.tickets_hechos)
  dimension VARCHAR NOT NULL,
  codigo INTEGER NOT NULL,
  -- The value as the figures show it: the empty one spelled '(sin dato)'.
  valor VARCHAR NOT NULL
);

INSERT INTO core.tickets_dimensiones
SELECT dimension, (row_number() OVER (PARTITION BY dimension ORDER BY valor) - 1)::INTEGER, valor
FROM (SELECT DISTINCT 'categoria' AS dimension, COALESCE(categoria, '(sin dato)') AS valor FROM core.tickets
      UNION SELECT DISTINCT 'servicio', COALESCE(servicio, '(sin dato)') FROM core.tickets
      UNION SELECT DISTINCT 'area_solicitante', COALESCE(area_solicitante, '(sin dato)') FROM core.tickets
      UNION SELECT DISTINCT 'clave_odes', COALESCE(clave_odes, '(sin dato)') FROM core.tickets
      UNION SELECT DISTINCT 'tipo', COALESCE(tipo, '(sin dato)') FROM core.tickets
      UNION SELECT DISTINCT 'tecnico', COALESCE(tecnico, '(sin dato)') FROM core.tickets);

CREATE TABLE core.tickets_hechos_codigos (
  id BIGINT NOT NULL,
  prioridad INTEGER,
  -- Codes of core.tickets_dimensiones (dimension = the column's name).
  categoria INTEGER NOT NULL,
  servicio INTEGER NOT NULL,
  area_solicitante INTEGER NOT NULL,
  clave_odes INTEGER NOT NULL,
  tipo INTEGER NOT NULL,
  tecnico INTEGER NOT NULL,
  apertura BIGINT NOT NULL,
  asignacion BIGINT,
  solucion BIGINT,
  -- COALESCE(fecha_solucion, fecha_cierre): when the ticket left the backlog.
  fin BIGINT,
  -- fecha_limite_solucion from the source (the configured hours by priority apply at read time).
  limite_fuente BIGINT,
  -- Mexico City days of opening and solution (weeks of the weekly chart).
  dia_apertura DATE NOT NULL,
  dia_solucion DATE
);

INSERT INTO core.tickets_hechos_codigos
SELECT h.id, h.prioridad, d1.codigo, d2.codigo, d3.codigo, d4.codigo, d5.codigo, d6.codigo,
       h.apertura, h.asignacion, h.solucion, h.fin, h.limite_fuente, h.dia_apertura, h.dia_solucion
FROM core.tickets_hechos h
JOIN core.tickets_dimensiones d1 ON d1.dimension = 'categoria' AND d1.valor = h.categoria
JOIN core.tickets_dimensiones d2 ON d2.dimension = 'servicio' AND d2.valor = h.servicio
JOIN core.tickets_dimensiones d3 ON d3.dimension = 'area_solicitante' AND d3.valor = h.area_solicitante
JOIN core.tickets_dimensiones d4 ON d4.dimension = 'clave_odes' AND d4.valor = h.clave_odes
JOIN core.tickets_dimensiones d5 ON d5.dimension = 'tipo' AND d5.valor = h.tipo
JOIN core.tickets_dimensiones d6 ON d6.dimension = 'tecnico' AND d6.valor = h.tecnico
ORDER BY h.apertura;

DROP TABLE core.tickets_hechos;
ALTER TABLE core.tickets_hechos_codigos RENAME TO tickets_hechos;
