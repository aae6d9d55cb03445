-- The installation's own state (key and value): when it was installed, how far the first-start demo got.
CREATE TABLE ops.instalacion (
  clave VARCHAR PRIMARY KEY,
  valor VARCHAR NOT NULL,
  actualizado_en TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO ops.instalacion (clave, valor) VALUES ('instalada_en', strftime(now() AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'));

-- Written inside a run's load transaction: after a crash, a run left "en curso" whose load committed is known to
-- be whole in the warehouse (only archiving or the checks were missing); one without this row left nothing.
CREATE TABLE ops.cargas_confirmadas (
  ejecucion_id INTEGER PRIMARY KEY,
  filas_leidas INTEGER NOT NULL,
  filas_cargadas INTEGER NOT NULL,
  filas_rechazadas INTEGER NOT NULL,
  confirmada_en TIMESTAMPTZ NOT NULL DEFAULT now()
);
