import { ok, okOr400, q, type OpenApiPaths } from '../../api/openapi-paths.js';

const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }];

/** The Informe mensual's paths of /api/openapi.json. */
export const openapi: OpenApiPaths = {
  '/api/informes': {
    get: { summary: 'Archivo del Informe mensual de la Secretaría Ejecutiva (admin, direccion): [{id, anio, mes, titulo, generado_en, generado_por, origen, bytes}]', responses: ok() },
    post: {
      summary: 'Genera y archiva el Informe mensual de un mes {anio, mes} (PDF) → 201 {id}; 429 si la cola de reportes está llena',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['anio', 'mes'], properties: { anio: { type: 'integer' }, mes: { type: 'integer', minimum: 1, maximum: 12 } } } } } },
      responses: { ...okOr400(), '201': { description: 'Generado' }, '429': { description: 'Cola de reportes llena' } },
    },
  },
  '/api/informes/vista': { get: { summary: 'Cifras del Informe mensual de un mes, calculadas ahora (sin archivar)', parameters: [q('anio', 'aaaa', true), q('mes', '1–12', true)], responses: okOr400() } },
  '/api/informes/{id}': { get: { summary: 'Cifras que imprimió un informe archivado', parameters: id, responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/informes/{id}/archivo': { get: { summary: 'Descarga el PDF archivado', parameters: id, responses: { ...ok(), '404': { description: 'No existe' } } } },
};
