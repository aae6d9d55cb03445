import { PAGINA, q, ok, RANGO, type OpenApiPaths } from '../../api/openapi-paths.js';

/** The sesiones paths of /api/openapi.json. */
export const openapi: OpenApiPaths = {
  '/api/sesiones/resumen': { get: { summary: 'Sesiones (UTS): {sesiones, sin_quorum, anticipacion_cumplida_pct, actas_pendientes, acuerdos, dias_publicacion_mediana} y desgloses; una sesión sin fecha de convocatoria cuenta como incumplida (sin_fecha_convocatoria)', parameters: [...RANGO, q('organo', 'CG, JGE o comisión'), q('tipo', 'tipo de sesión')], responses: ok() } },
  '/api/sesiones': { get: { summary: 'Sesiones iniciadas en el periodo con su anticipación, si cumple el mínimo y, si no, el motivo (sin fecha de convocatoria, anticipación menor al mínimo)', parameters: [...RANGO, q('organo', 'órgano'), q('tipo', 'tipo de sesión'), ...PAGINA], responses: ok() } },
  '/api/sesiones/acuerdos': { get: { summary: 'Acuerdos aprobados en el periodo con días a su publicación', parameters: [...RANGO, q('organo', 'órgano'), q('tipo', 'tipo de sesión'), ...PAGINA], responses: ok() } },
  '/api/sesiones/configuracion': { get: { summary: 'Anticipación mínima por tipo de sesión (horas)', responses: ok() } },
};
