import { q, ok, PAGINA, RANGO, type OpenApiPaths } from '../../api/openapi-paths.js';

/** The filters every figure of the page takes. */
const FILTROS = [...RANGO, q('prioridad', '1–6'), q('categoria', 'Categoría; «(sin dato)» = vacía'), q('servicio', 'Servicio'), q('area', 'Siglas del área solicitante'), q('clave_odes', 'Consejo (D01…D30, M001…M212)')];

/** The incidentes paths of /api/openapi.json. */
export const openapi: OpenApiPaths = {
  '/api/incidentes/resumen': { get: { summary: 'Mesa de ayuda en el periodo: abiertos, resueltos, backlog, mttr_horas_mediana, mttr_horas_p90, tiempo_asignacion_horas_mediana, tiempo_asignacion_horas_p90, sla_cumplido_pct, reabiertos, por_prioridad [{prioridad, resueltos, mttr_horas_mediana, sla_cumplido_pct, …}], sla_horas, actualizado', parameters: [...FILTROS], responses: { ...ok(), '400': { description: 'Parámetros inválidos' } } } },
  '/api/incidentes/semanal': { get: { summary: 'Tickets abiertos y resueltos por semana (lunes): semana, abiertos, resueltos', parameters: [...FILTROS], responses: ok() } },
  '/api/incidentes/backlog': { get: { summary: 'Backlog al final del periodo por antigüedad: clave, rango, tickets, prioridad_alta', parameters: [...FILTROS], responses: ok() } },
  '/api/incidentes/desglose': { get: { summary: 'Las mismas cifras por dimensión: valor, abiertos, resueltos, backlog, mttr_horas_mediana, mttr_horas_p90, tiempo_asignacion_horas_mediana, sla_cumplido_pct', parameters: [q('dimension', 'prioridad | categoria | servicio | area_solicitante | clave_odes | tipo | tecnico'), ...FILTROS], responses: ok() } },
  '/api/incidentes/tickets': { get: { summary: 'Tickets detrás de las cifras (máximo 5,000 por consulta); con limite, una página y el total en X-Total-Count', parameters: [q('conjunto', 'todos | abiertos | resueltos | backlog'), q('semana', 'Lunes aaaa-mm-dd de la semana'), q('edad', 'menos_1d | 1_3d | 3_7d | 7_30d | mas_30d (backlog)'), ...PAGINA, ...FILTROS], responses: ok() } },
  '/api/incidentes/tickets/{id}/historial': { get: { summary: 'Historial de estados de un ticket: estado, fecha, observado_en', responses: ok() } },
  '/api/incidentes/opciones': { get: { summary: 'Valores para los filtros: categoria, servicio, area, clave_odes', responses: ok() } },
};
