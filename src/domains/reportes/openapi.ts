import { ok, okOr400, q, type OpenApiPaths } from '../../api/openapi-paths.js';

const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }];

/** The scheduled reports' paths of /api/openapi.json. */
export const openapi: OpenApiPaths = {
  '/api/reportes/catalogo': { get: { summary: 'Reportes a los que el usuario puede suscribirse (lo que su rol puede abrir): [{id, titulo, formatos}]', responses: ok() } },
  '/api/reportes/suscripciones': {
    get: { summary: 'Suscripciones del usuario (admin: todas) con su próximo envío y el último resultado', responses: ok() },
    post: {
      summary: 'Suscribe al usuario: {reporte, formato: pdf|xlsx, frecuencia: semanal|mensual, destino: correo} → 201 {id, proximo_envio}',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['reporte', 'formato', 'frecuencia', 'destino'], properties: { reporte: { type: 'string' }, formato: { type: 'string', enum: ['pdf', 'xlsx'] }, frecuencia: { type: 'string', enum: ['semanal', 'mensual'] }, destino: { type: 'string', format: 'email' } } } } } },
      responses: { ...okOr400(), '201': { description: 'Creada' } },
    },
  },
  '/api/reportes/suscripciones/{id}': {
    patch: { summary: 'Pausa o reanuda: {activa}', parameters: id, responses: { ...okOr400(), '404': { description: 'No existe' } } },
    delete: { summary: 'Cancela la suscripción', parameters: id, responses: { ...ok(), '404': { description: 'No existe' } } },
  },
  '/api/reportes/envios': { get: { summary: 'Bitácora de envíos (cada intento con su resultado: enviado, fallido, omitido)', parameters: [q('suscripcion', 'id de la suscripción')], responses: okOr400() } },
};
