/** SQL of notice delivery (src/domains/alertas/delivery.ts): due recipients, their notices, the results. */

/**
 * Recipients with something due: their oldest fresh notice has waited the grouping window, or a retry's time
 * has come. A recipient is a channel, or a subscribed user at one address.
 */
const DUE = `
SELECT canal_id, usuario, destino FROM app.alertas_avisos WHERE estado = 'pendiente'
GROUP BY canal_id, usuario, destino
HAVING min(creado_en) FILTER (WHERE intentos = 0) <= $limite::TIMESTAMPTZ
    OR min(proximo_intento) FILTER (WHERE intentos > 0) <= $ahora::TIMESTAMPTZ`;

/** Every pending notice of the due recipients (all of them go out together), with its alert. */
export const SQL_PENDIENTES = `
WITH d AS (${DUE})
SELECT v.id, v.evento, v.intentos, v.creado_en, v.canal_id, v.usuario, v.destino,
  a.id AS alerta_id, a.regla_id, a.tipo, a.sujeto, a.severidad, a.inicio, a.fin, a.mensaje, a.mensaje_resuelta, a.enlace, a.dominio, a.area
FROM app.alertas_avisos v
JOIN d ON v.canal_id IS NOT DISTINCT FROM d.canal_id AND v.usuario IS NOT DISTINCT FROM d.usuario AND v.destino IS NOT DISTINCT FROM d.destino
JOIN app.alertas a ON a.id = v.alerta_id
WHERE v.estado = 'pendiente'
ORDER BY v.creado_en, v.id`;

export const SQL_CANALES = `SELECT id, tipo, nombre, destino, secreto, activo FROM app.alertas_canales`;

export const SQL_USUARIOS = `SELECT usuario, rol, area, activo FROM app.usuarios WHERE list_contains($usuarios::VARCHAR[], usuario)`;

export const SQL_LOTES = `SELECT nextval('app.alertas_lotes_id')::INTEGER AS lote FROM range($n::INTEGER)`;

export const SQL_ACTUALIZAR_AVISOS = `
UPDATE app.alertas_avisos v SET estado = j.estado, intentos = j.intentos, proximo_intento = j.proximo_intento::TIMESTAMPTZ,
  enviado_en = j.enviado_en::TIMESTAMPTZ, motivo = coalesce(j.motivo, v.motivo)
FROM (SELECT unnest(from_json($filas::JSON,
  '[{"id":"INTEGER","estado":"VARCHAR","intentos":"INTEGER","proximo_intento":"VARCHAR","enviado_en":"VARCHAR","motivo":"VARCHAR"}]'),
  recursive := true)) j
WHERE v.id = j.id AND v.estado = 'pendiente'`;

export const SQL_REGISTRAR_ENVIOS = `
INSERT INTO app.alertas_envios (lote, aviso_id, alerta_id, evento, canal_id, usuario, destino, intento, cuando, ok, error, proximo_intento)
SELECT j.lote, j.aviso_id, j.alerta_id, j.evento, j.canal_id, j.usuario, j.destino, j.intento, $ahora::TIMESTAMPTZ, j.ok, j.error,
  j.proximo_intento::TIMESTAMPTZ
FROM (SELECT unnest(from_json($filas::JSON,
  '[{"lote":"INTEGER","aviso_id":"INTEGER","alerta_id":"INTEGER","evento":"VARCHAR","canal_id":"INTEGER","usuario":"VARCHAR","destino":"VARCHAR","intento":"INTEGER","ok":"BOOLEAN","error":"VARCHAR","proximo_intento":"VARCHAR"}]'),
  recursive := true)) j`;
