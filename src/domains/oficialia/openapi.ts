import { PAGINA, q, ok, RANGO, type OpenApiPaths } from '../../api/openapi-paths.js';

/** The oficialia paths of /api/openapi.json. */
export const openapi: OpenApiPaths = {
  '/api/oficialia/resumen': { get: { summary: 'Peticiones (UTOE): {recibidas, atendidas, backlog, horas_atencion_mediana, en_plazo_pct} y desgloses por órgano, tipo, semana y antigüedad', parameters: [...RANGO, q('organo', 'OC o clave_odes'), q('ambito', 'oc, distrital, municipal'), q('tipo_peticionario', 'PP, CI, OI')], responses: ok() } },
  '/api/oficialia': { get: { summary: 'Peticiones recibidas en el periodo, con horas de atención y si fueron en plazo', parameters: [...RANGO, q('organo', 'OC o clave_odes (p. ej. M045)'), q('ambito', 'oc, distrital, municipal'), q('tipo_peticionario', 'PP, CI, OI'), q('estado', 'estado de la petición'), q('pendientes', '1 = solo no atendidas'), ...PAGINA], responses: ok() } },
  '/api/oficialia/configuracion': { get: { summary: 'Plazo de atención (horas) con que se calcula en_plazo_pct', responses: ok() } },
};
