/**
 * SQL of the evaluation engine. Every statement is set-based: the rows of a plan travel as one JSON parameter
 * unnested by DuckDB, so an evaluation costs a handful of statements whatever the number of subjects.
 */

export const SQL_ACTIVAS = `
SELECT id, sujeto, severidad, mensaje, mensaje_resuelta, enlace, area, anunciada, en_mantenimiento, epoch_ms(ultimo_aviso) AS ultimo_aviso
FROM app.alertas WHERE regla_id = $regla AND estado = 'activa'`;

export const SQL_SILENCIOS_VIGENTES = `
SELECT id, regla_id, sujeto, motivo FROM app.alertas_silencios
WHERE desde <= $ahora::TIMESTAMPTZ AND hasta > $ahora::TIMESTAMPTZ AND (regla_id IS NULL OR regla_id = $regla)
ORDER BY id`;

export const SQL_ABRIR = `
INSERT INTO app.alertas (regla_id, tipo, sujeto, dominio, area, severidad, estado, clave_activa, inicio, mensaje, mensaje_resuelta, enlace,
  anunciada, en_mantenimiento, ultimo_aviso, creada_en)
SELECT $regla, $tipo, j.sujeto, $dominio, j.area, j.severidad, 'activa', $regla::VARCHAR || '|' || j.sujeto,
  j.inicio::TIMESTAMPTZ, j.mensaje, j.mensaje_resuelta, j.enlace, j.anunciada, j.en_mantenimiento, $ahora::TIMESTAMPTZ, $ahora::TIMESTAMPTZ
FROM (SELECT unnest(from_json($filas::JSON,
  '[{"sujeto":"VARCHAR","area":"VARCHAR","severidad":"VARCHAR","inicio":"VARCHAR","mensaje":"VARCHAR","mensaje_resuelta":"VARCHAR","enlace":"VARCHAR","anunciada":"BOOLEAN","en_mantenimiento":"BOOLEAN"}]'),
  recursive := true)) j
RETURNING id, sujeto`;

export const SQL_CAMBIAR = `
UPDATE app.alertas a SET severidad = j.severidad, mensaje = j.mensaje, mensaje_resuelta = j.mensaje_resuelta, enlace = j.enlace, area = j.area,
  en_mantenimiento = j.en_mantenimiento, anunciada = j.anunciada, ultimo_aviso = j.ultimo_aviso::TIMESTAMPTZ
FROM (SELECT unnest(from_json($filas::JSON,
  '[{"id":"INTEGER","severidad":"VARCHAR","mensaje":"VARCHAR","mensaje_resuelta":"VARCHAR","enlace":"VARCHAR","area":"VARCHAR","en_mantenimiento":"BOOLEAN","anunciada":"BOOLEAN","ultimo_aviso":"VARCHAR"}]'),
  recursive := true)) j
WHERE a.id = j.id AND a.estado = 'activa'`;

export const SQL_CERRAR = `
UPDATE app.alertas SET estado = 'resuelta', clave_activa = NULL, fin = $ahora::TIMESTAMPTZ
WHERE list_contains($ids::INTEGER[], id) AND estado = 'activa'`;

export const SQL_CANALES_ACTIVOS = `SELECT id FROM app.alertas_canales WHERE activo ORDER BY id`;

export const SQL_SUSCRIPTORES = `
SELECT s.usuario, s.correo, u.rol, u.area FROM app.alertas_suscripciones s JOIN app.usuarios u USING (usuario)
WHERE s.regla_id = $regla AND u.activo ORDER BY s.usuario`;

export const SQL_ENCOLAR = `
INSERT INTO app.alertas_avisos (alerta_id, evento, canal_id, usuario, destino, estado, motivo, creado_en)
SELECT j.alerta_id, j.evento, j.canal_id, j.usuario, j.destino, j.estado, j.motivo, $ahora::TIMESTAMPTZ
FROM (SELECT unnest(from_json($filas::JSON,
  '[{"alerta_id":"INTEGER","evento":"VARCHAR","canal_id":"INTEGER","usuario":"VARCHAR","destino":"VARCHAR","estado":"VARCHAR","motivo":"VARCHAR"}]'),
  recursive := true)) j`;

export const SQL_REGLAS = `
SELECT id, tipo, sujeto, parametros, canales, recordatorio_horas, activa, predeterminada, creada_por
FROM app.alertas_reglas ORDER BY id`;

/** Paused rules that still have active alerts (an evaluation resolves them). */
export const SQL_PAUSADAS_CON_ACTIVAS = `
SELECT DISTINCT r.id FROM app.alertas_reglas r JOIN app.alertas a ON a.regla_id = r.id AND a.estado = 'activa'
WHERE NOT r.activa`;
