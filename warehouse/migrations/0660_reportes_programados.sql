-- Scheduled reports (issue 13 item 5): a user's subscription to a document (the Resumen as PDF, a unit's page as
-- PDF or XLSX) sent by e-mail every week or month, and the log of every delivery attempt. Written by
-- src/domains/reportes. `reporte` is the id a domain declares (DomainModule.reportes); `proximo_envio` is when the
-- scheduler sends it next; a failed attempt sets `reintento_en` (backoff) until it succeeds or runs out of tries.
CREATE SEQUENCE app.reportes_suscripciones_id START 1;
CREATE TABLE app.reportes_suscripciones (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.reportes_suscripciones_id'),
  usuario VARCHAR NOT NULL,
  reporte VARCHAR NOT NULL,
  formato VARCHAR NOT NULL CHECK (formato IN ('pdf', 'xlsx')),
  frecuencia VARCHAR NOT NULL CHECK (frecuencia IN ('semanal', 'mensual')),
  destino VARCHAR NOT NULL,
  activa BOOLEAN NOT NULL DEFAULT true,
  creada_en TIMESTAMPTZ NOT NULL,
  proximo_envio TIMESTAMPTZ NOT NULL,
  intentos INTEGER NOT NULL DEFAULT 0,
  reintento_en TIMESTAMPTZ,
  ultimo_envio TIMESTAMPTZ,
  ultimo_resultado VARCHAR
);

-- One row per attempt: `resultado` enviado | fallido | omitido (the user can no longer open it), with the reason.
CREATE SEQUENCE app.reportes_envios_id START 1;
CREATE TABLE app.reportes_envios (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.reportes_envios_id'),
  suscripcion_id INTEGER NOT NULL,
  fecha TIMESTAMPTZ NOT NULL,
  periodo_hasta DATE NOT NULL,
  intento INTEGER NOT NULL,
  resultado VARCHAR NOT NULL CHECK (resultado IN ('enviado', 'fallido', 'omitido')),
  detalle VARCHAR,
  archivo VARCHAR,
  bytes BIGINT
);
