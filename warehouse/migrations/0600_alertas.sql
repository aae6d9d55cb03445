-- Alerts (issue 13; DESIGN.md §3 "Alerts", §6 "Alerts"): channels, rules, alerts, silences, the notice queue, the
-- log of every delivery attempt, per-user subscriptions and what each user has seen (the bell).
-- The engine that writes these tables is src/domains/alertas.

-- Where notices go: an e-mail address (or several, comma-separated) or an http(s) URL. `secreto` signs webhook
-- bodies (X-Atalaya-Firma: sha256=HMAC); it is kept in clear because signing needs it, and the API never returns it.
CREATE SEQUENCE app.alertas_canales_id START 1;
CREATE TABLE app.alertas_canales (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.alertas_canales_id'),
  tipo VARCHAR NOT NULL CHECK (tipo IN ('correo', 'webhook')),
  nombre VARCHAR NOT NULL,
  destino VARCHAR NOT NULL,
  secreto VARCHAR,
  activo BOOLEAN NOT NULL DEFAULT true,
  creado_por VARCHAR,
  creado_en TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A rule watches one condition (its `tipo`, evaluated by the evaluator of that type) for one subject, or for every
-- subject of the type when `sujeto` is NULL. `parametros` is a JSON object (the evaluator's schema checks it);
-- `canales` empty = every active channel; `recordatorio_horas` 0 = no reminders.
CREATE SEQUENCE app.alertas_reglas_id START 1;
CREATE TABLE app.alertas_reglas (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.alertas_reglas_id'),
  tipo VARCHAR NOT NULL,
  sujeto VARCHAR,
  parametros VARCHAR NOT NULL DEFAULT '{}',
  canales INTEGER[] NOT NULL DEFAULT [],
  recordatorio_horas DOUBLE NOT NULL DEFAULT 0 CHECK (recordatorio_horas >= 0),
  activa BOOLEAN NOT NULL DEFAULT true,
  predeterminada BOOLEAN NOT NULL DEFAULT false,
  creada_por VARCHAR,
  creada_en TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The default rules of a new installation (DESIGN.md §6), active and sending to every active channel.
INSERT INTO app.alertas_reglas (tipo, parametros, recordatorio_horas, predeterminada, creada_por) VALUES
  ('servicio_caido', '{}', 1, true, 'sistema'),
  ('certificado_por_vencer', '{"dias": 14}', 24, true, 'sistema'),
  ('proceso_fallido', '{}', 0, true, 'sistema'),
  ('fuente_vencida', '{}', 24, true, 'sistema');

-- One row per firing. `clave_activa` = '<regla_id>|<sujeto>' while active and NULL once resolved: its UNIQUE
-- index is what keeps one active alert per rule and subject, whatever writes. `dominio` and `area` say who may see
-- it (the roles of that domain; an `area` user only when `area` is its own). `inicio` is when the condition began
-- (an outage's first failed check), `creada_en` when the engine opened the alert. `mensaje_resuelta`: the text of
-- its resolved notice (NULL: «Se resolvió: <mensaje>»). `anunciada`: its firing was
-- notified (false while a silence or maintenance held it). `ultimo_aviso`: the last firing or reminder, sent or held.
CREATE SEQUENCE app.alertas_id START 1;
CREATE TABLE app.alertas (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.alertas_id'),
  regla_id INTEGER NOT NULL,
  tipo VARCHAR NOT NULL,
  sujeto VARCHAR NOT NULL,
  dominio VARCHAR NOT NULL,
  area VARCHAR,
  severidad VARCHAR NOT NULL CHECK (severidad IN ('critica', 'advertencia', 'informativa')),
  estado VARCHAR NOT NULL CHECK (estado IN ('activa', 'resuelta')),
  clave_activa VARCHAR UNIQUE,
  inicio TIMESTAMPTZ NOT NULL,
  fin TIMESTAMPTZ,
  mensaje VARCHAR NOT NULL,
  mensaje_resuelta VARCHAR,
  enlace VARCHAR NOT NULL,
  anunciada BOOLEAN NOT NULL,
  en_mantenimiento BOOLEAN NOT NULL DEFAULT false,
  ultimo_aviso TIMESTAMPTZ NOT NULL,
  creada_en TIMESTAMPTZ NOT NULL,
  CHECK ((estado = 'activa') = (clave_activa IS NOT NULL)),
  CHECK ((estado = 'activa') = (fin IS NULL))
);

-- A silence holds the notices of a rule and/or a subject (both NULL: every alert) from `desde` to `hasta`.
CREATE SEQUENCE app.alertas_silencios_id START 1;
CREATE TABLE app.alertas_silencios (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.alertas_silencios_id'),
  regla_id INTEGER,
  sujeto VARCHAR,
  desde TIMESTAMPTZ NOT NULL,
  hasta TIMESTAMPTZ NOT NULL,
  motivo VARCHAR NOT NULL,
  creado_por VARCHAR,
  creado_en TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (hasta > desde)
);

-- The notice queue: one row per event (disparada, recordatorio, resuelta) and recipient, either a channel or a
-- subscribed user (e-mail to `destino`). estado: pendiente (waiting for its group or a retry), enviado, fallido
-- (attempts exhausted), retenido (held by a silence or maintenance: never sent), descartado (the channel was
-- switched off, or the user can no longer see the alert). Every pending notice of one recipient goes out together.
CREATE SEQUENCE app.alertas_avisos_id START 1;
CREATE TABLE app.alertas_avisos (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.alertas_avisos_id'),
  alerta_id INTEGER NOT NULL,
  evento VARCHAR NOT NULL CHECK (evento IN ('disparada', 'recordatorio', 'resuelta')),
  canal_id INTEGER,
  usuario VARCHAR,
  destino VARCHAR,
  estado VARCHAR NOT NULL CHECK (estado IN ('pendiente', 'enviado', 'fallido', 'retenido', 'descartado')),
  motivo VARCHAR,
  creado_en TIMESTAMPTZ NOT NULL,
  intentos INTEGER NOT NULL DEFAULT 0,
  proximo_intento TIMESTAMPTZ,
  enviado_en TIMESTAMPTZ,
  CHECK ((canal_id IS NULL) <> (usuario IS NULL))
);

-- Every delivery attempt: one row per notice carried (a grouped message is one `lote`), or one for a test notice
-- (evento 'prueba', no alert). `proximo_intento`: when a failed notice will be tried again (NULL: no more tries).
CREATE SEQUENCE app.alertas_envios_id START 1;
CREATE SEQUENCE app.alertas_lotes_id START 1;
CREATE TABLE app.alertas_envios (
  id INTEGER PRIMARY KEY DEFAULT nextval('app.alertas_envios_id'),
  lote INTEGER NOT NULL,
  aviso_id INTEGER,
  alerta_id INTEGER,
  evento VARCHAR NOT NULL CHECK (evento IN ('disparada', 'recordatorio', 'resuelta', 'prueba')),
  canal_id INTEGER,
  usuario VARCHAR,
  destino VARCHAR NOT NULL,
  intento INTEGER NOT NULL,
  cuando TIMESTAMPTZ NOT NULL,
  ok BOOLEAN NOT NULL,
  error VARCHAR,
  proximo_intento TIMESTAMPTZ
);

-- A user's subscription to a rule: its notices by e-mail to `correo`, limited to the alerts the user may see.
CREATE TABLE app.alertas_suscripciones (
  usuario VARCHAR NOT NULL,
  regla_id INTEGER NOT NULL,
  correo VARCHAR NOT NULL,
  creada_en TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (usuario, regla_id)
);

-- The bell: alerts opened after `vistas_hasta` are unread for that user.
CREATE TABLE app.alertas_vistas (
  usuario VARCHAR PRIMARY KEY,
  vistas_hasta TIMESTAMPTZ NOT NULL
);
