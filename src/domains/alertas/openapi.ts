import { q, ok, okOr400, type OpenApiPaths } from '../../api/openapi-paths.js';

const creado = { '201': { description: 'Creado: {id}' }, '400': { description: 'Datos inválidos' }, '401': { description: 'Sin sesión' }, '403': { description: 'Rol sin acceso' } };
const noExiste = { '404': { description: 'No existe' } };

/** The alerts paths of /api/openapi.json (DESIGN.md §6 «Alerts»). */
export const openapi: OpenApiPaths = {
  '/api/alertas': {
    get: {
      summary: 'Alertas que el rol del usuario puede ver (un usuario de rol area: solo las de su área): [{id, regla, tipo, sujeto, severidad, estado, inicio, fin, mensaje, enlace, area}]',
      parameters: [q('estado', 'activa | resuelta'), q('regla', 'Id de la regla'), q('sujeto', 'Sujeto (servicio, proceso, consejo…)'), q('desde', 'Iniciadas desde (ISO)'), q('hasta', 'Iniciadas antes de (ISO)'), q('limite', 'Máximo de filas (500)')],
      responses: okOr400(),
    },
  },
  '/api/alertas/no-leidas': { get: { summary: 'La campana: {no_leidas} alertas que el usuario puede ver y no ha visto', responses: ok() } },
  '/api/alertas/leidas': { post: { summary: 'Marca como vistas las alertas del usuario hasta ahora', responses: ok() } },
  '/api/alertas/tipos': { get: { summary: 'Tipos de regla que el usuario puede ver: tipo, titulo, descripcion, dominio', responses: ok() } },
  '/api/alertas/canales': {
    get: { summary: 'Canales de aviso (admin): id, tipo correo|webhook, nombre, destino, con_secreto, activo', responses: ok() },
    post: { summary: 'Crea un canal {tipo: correo|webhook, nombre, destino (correo o URL http(s)), secreto?, activo?} (admin; auditado)', responses: creado },
  },
  '/api/alertas/canales/estado': { get: { summary: 'Salud de entrega por canal (admin): estado ok|fallando|sin_envios, fallos_seguidos, ultimo_error, pendientes', responses: ok() } },
  '/api/alertas/canales/{id}': { patch: { summary: 'Modifica un canal {nombre, destino, secreto, activo} (admin; auditado)', responses: { ...okOr400(), ...noExiste } } },
  '/api/alertas/canales/{id}/probar': {
    post: { summary: 'Envía un aviso de prueba por el canal (admin): 200 entregado; 502 con el motivo si falló', responses: { ...ok('Entregado'), ...noExiste, '502': { description: 'No se entregó: {error, motivo}' } } },
  },
  '/api/alertas/envios': { get: { summary: 'Bitácora de intentos de entrega (admin)', parameters: [q('canal', 'Id del canal'), q('alerta', 'Id de la alerta'), q('limite', 'Máximo de filas (200)')], responses: okOr400() } },
  '/api/alertas/reglas': {
    get: { summary: 'Reglas cuyas alertas el usuario puede ver: id, tipo, sujeto, parametros, canales, recordatorio_horas, activa, predeterminada', responses: ok() },
    post: { summary: 'Crea una regla {tipo, sujeto?, parametros?, canales?: [id], recordatorio_horas?, activa?} (admin; auditado)', responses: creado },
  },
  '/api/alertas/reglas/{id}': { patch: { summary: 'Modifica o pausa una regla {sujeto, parametros, canales, recordatorio_horas, activa} (admin; auditado)', responses: { ...okOr400(), ...noExiste } } },
  '/api/alertas/silencios': {
    get: { summary: 'Silencios (los vigentes con vigentes=1)', parameters: [q('vigentes', '1 = solo los vigentes o por venir')], responses: ok() },
    post: { summary: 'Silencia avisos {regla?, sujeto?, desde, hasta, motivo}; la alerta se registra igual (admin, utsi; auditado)', responses: creado },
  },
  '/api/alertas/silencios/{id}': { delete: { summary: 'Termina un silencio ahora (admin, utsi; auditado)', responses: { ...ok(), ...noExiste } } },
  '/api/alertas/suscripciones': {
    get: { summary: 'Suscripciones del usuario: regla, tipo, correo', responses: ok() },
    post: { summary: 'Se suscribe a una regla que su rol puede ver {regla, correo}: recibe por correo solo lo que puede ver', responses: creado },
  },
  '/api/alertas/suscripciones/{id}': { delete: { summary: 'Cancela la suscripción del usuario a la regla {id}', responses: { ...ok(), ...noExiste } } },
};
