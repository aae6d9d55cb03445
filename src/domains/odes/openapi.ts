import { PAGINA, q, ok, type OpenApiPaths } from '../../api/openapi-paths.js';

/** The odes paths of /api/openapi.json. */
export const openapi: OpenApiPaths = {
  '/api/odes/procesos': { get: { summary: 'Procesos electorales con consejos cargados (el más reciente primero)', responses: ok() } },
  '/api/odes/cumplimiento': { get: { summary: 'Índice de cumplimiento de cada consejo y sus 7 componentes al corte «hasta» (null = sin información), del más débil al más fuerte (posicion 1 = el más débil); con limite, una página (total en X-Total-Count; X-Bajo-Desempeno cuenta los de bajo desempeño de todos)', parameters: [q('proceso', 'Proceso; por omisión el más reciente'), q('hasta', 'Fecha de corte aaaa-mm-dd; por omisión hoy'), q('tipo', 'distrital o municipal'), ...PAGINA], responses: ok() } },
  '/api/odes/tendencia': { get: { summary: 'Índice semanal de cada consejo durante el proceso, y el promedio', parameters: [q('proceso', 'Proceso'), q('hasta', 'Fecha de corte'), q('clave', 'Un consejo (D01…, M001…)')], responses: ok() } },
  '/api/odes/consejos/{clave}': { get: { summary: 'Un consejo: índice, cada componente con las filas que lo explican, y su tendencia', parameters: [q('proceso', 'Proceso'), q('hasta', 'Fecha de corte')], responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/odes/configuracion': {
    get: { summary: 'Pesos de los componentes, horas de estrados y umbrales del índice ODES', responses: ok() },
    put: { summary: 'Cambia la configuración del índice ODES (admin, utvodes; auditado)', responses: { ...ok(), '400': { description: 'Datos inválidos' } } },
  },
};
