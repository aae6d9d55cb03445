import { ok, okOr400, type OpenApiPaths } from '../../api/openapi-paths.js';

const body = (props: Record<string, unknown>, required: string[]) => ({
  required: true, content: { 'application/json': { schema: { type: 'object', required, properties: props } } },
});
const estado = { type: 'string', enum: ['investigando', 'identificado', 'monitoreando', 'resuelto'] };

/** The status page incidents' paths of /api/openapi.json. */
export const openapi: OpenApiPaths = {
  '/api/estado/incidentes': {
    get: { summary: 'Incidentes de la página de estado (UTSI, admin), con todas sus actualizaciones', responses: ok() },
    post: {
      summary: 'Publica un incidente en /estado: {titulo, mensaje, impacto?: menor|mayor|critico, estado?: investigando…, servicios?: [nombre]} → 201 {id}',
      requestBody: body({ titulo: { type: 'string' }, mensaje: { type: 'string' }, impacto: { type: 'string', enum: ['menor', 'mayor', 'critico'] }, estado, servicios: { type: 'array', items: { type: 'string' } } }, ['titulo', 'mensaje']),
      responses: { ...okOr400(), '201': { description: 'Creado' } },
    },
  },
  '/api/estado/incidentes/{id}/actualizaciones': {
    post: {
      summary: 'Agrega una actualización fechada {estado, mensaje}; el incidente toma ese estado (resuelto lo cierra) → 201',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      requestBody: body({ estado, mensaje: { type: 'string' } }, ['estado', 'mensaje']),
      responses: { ...okOr400(), '201': { description: 'Creada' }, '404': { description: 'No existe el incidente' } },
    },
  },
  '/api/publico/incidentes': {
    get: { summary: 'Público, sin sesión: incidentes abiertos y los resueltos en los últimos 90 días, con su historial (lo que muestra /estado)', security: [], responses: { '200': { description: 'Correcto' } } },
  },
};
