import { q, ok, type OpenApiPaths } from '../../api/openapi-paths.js';

/** The resumen paths of /api/openapi.json. */
export const openapi: OpenApiPaths = {
  '/api/resumen/metas': { get: { summary: 'Tarjeta del POA para el resumen', responses: ok() } },
  '/api/resumen': { get: { summary: 'Tablero de dirección: una tarjeta por indicador con valor, semáforo, cambio, serie y vigencia de sus datos', parameters: [q('periodo', 'mes, trimestre o anio'), q('hasta', 'aaaa-mm-dd')], responses: ok() } },
};
