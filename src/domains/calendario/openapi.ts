import { q, ok, okOr400, type OpenApiPaths } from '../../api/openapi-paths.js';

const FILTRO = [
  q('proceso', 'clave del proceso, p. ej. PELO_2026_2027; por omisión el más reciente'),
  q('hasta', 'aaaa-mm-dd: fecha a la que se calculan los estados; por omisión hoy'),
  q('area', 'siglas del área (un usuario de área solo ve la suya)'),
];
const ESTADO = q('estado', 'por_iniciar | en_ejecucion | fuera_de_plazo | concluida | concluida_fuera_de_plazo');
const conProceso = (d?: string) => ({ ...okOr400(d), '404': { description: 'El proceso no tiene calendario integral cargado' } });

/** The calendario paths of /api/openapi.json (DESIGN.md §6 Calendario). */
export const openapi: OpenApiPaths = {
  '/api/calendario/procesos': { get: { summary: 'Procesos con calendario integral cargado: [{proceso, nombre, actividades, inicio, fin}]', responses: ok() } },
  '/api/calendario/resumen': { get: { summary: 'Actividades por estado a la fecha «hasta»: {por_iniciar, en_ejecucion, fuera_de_plazo, concluida, concluida_fuera_de_plazo, cumplimiento_pct, canceladas, por_area: [{area, …los mismos conteos}]}', parameters: FILTRO, responses: conProceso() } },
  '/api/calendario/actividades': { get: { summary: 'Actividades con id_actividad, actividad, area, subproceso, fecha_inicio, fecha_fin, fecha_inicio_real, fecha_fin_real, estado, cambios, fechas originales y dias_atraso', parameters: [...FILTRO, ESTADO], responses: conProceso() } },
  '/api/calendario/actividades.xlsx': { get: { summary: 'Las mismas actividades en Excel', parameters: [...FILTRO, ESTADO], responses: conProceso() } },
  '/api/calendario/atrasadas': { get: { summary: 'Actividades fuera de plazo a la fecha «hasta», la más atrasada primero', parameters: FILTRO, responses: conProceso() } },
  '/api/calendario/por_vencer': { get: { summary: 'Actividades sin concluir cuyo fin programado cae en los 15 días siguientes a «hasta» (dias_restantes)', parameters: FILTRO, responses: conProceso() } },
  '/api/calendario/actividades/{id}/historial': { get: { summary: 'Cambios de fechas de una actividad: fechas originales y actuales, y cada cambio con su acuerdo', parameters: [FILTRO[0]!], responses: { ...conProceso(), '404': { description: 'El proceso o la actividad no existen' } } } },
};
