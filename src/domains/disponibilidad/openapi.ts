import { q, ok, RANGO, type OpenApiPaths } from '../../api/openapi-paths.js';

/** The disponibilidad paths of /api/openapi.json. */
export const openapi: OpenApiPaths = {
  '/api/disponibilidad/servicios': { get: { summary: 'Servicios activos: id, nombre, estado (arriba|abajo|mantenimiento|sin_datos), uptime_24h, uptime_7d, uptime_30d, uptime_90d, uptime_365d (%), latencia_p50_ms, latencia_p95_ms (24 h), criticidad, publico, ultima_verificacion', responses: ok() } },
  '/api/disponibilidad/servicios/{id}/caidas': { get: { summary: 'Caídas del servicio que tocan el periodo: inicio, fin (null = en curso; el siguiente éxito o el inicio de un mantenimiento), duracion_min, fallos, error', parameters: [...RANGO], responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/disponibilidad/servicios/{id}/diario': { get: { summary: 'Disponibilidad diaria (%) de los últimos días: dia, total, ok, mantenimiento, uptime', parameters: [q('dias', 'Días (1–366, 90 por omisión)')], responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/disponibilidad/servicios/{id}/latencia': { get: { summary: 'Latencia por hora: inicio, promedio_ms, p50_ms, p95_ms', parameters: [q('horas', 'Horas (168 por omisión)')], responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/disponibilidad/servicios/{id}/verificaciones': { get: { summary: 'Últimas verificaciones del servicio (2 días)', parameters: [q('limite', 'Máximo de filas (100)')], responses: ok() } },
  '/api/disponibilidad/catalogo': {
    get: { summary: 'Catálogo de servicios monitoreados', responses: ok() },
    post: { summary: 'Agrega un servicio {id, nombre, tipo http|tcp, destino, intervalo_s, timeout_ms, palabra_clave, codigos_ok, criticidad, publico, activo} (admin, utsi; auditado)', responses: { '201': { description: 'Creado' }, '400': { description: 'Datos inválidos' }, '409': { description: 'Ya existe' } } },
  },
  '/api/disponibilidad/catalogo/{id}': {
    patch: { summary: 'Modifica un servicio (admin, utsi; auditado)', responses: { ...ok(), '404': { description: 'No existe' } } },
    delete: { summary: 'Elimina un servicio del catálogo; su historial se conserva (admin, utsi; auditado)', responses: { ...ok(), '404': { description: 'No existe' } } },
  },
  '/api/disponibilidad/mantenimientos': {
    get: { summary: 'Ventanas de mantenimiento', parameters: [q('servicio', 'Id del servicio')], responses: ok() },
    post: { summary: 'Agrega una ventana {servicio_id, inicio, fin, motivo}; no cuenta contra la disponibilidad (admin, utsi; auditado)', responses: { '201': { description: 'Creado' }, '400': { description: 'Datos inválidos' } } },
  },
  '/api/disponibilidad/mantenimientos/{id}': { delete: { summary: 'Elimina una ventana de mantenimiento (admin, utsi; auditado)', responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/publico/latido/{clave}': {
    get: { summary: 'Latido de un servicio de tipo latido (sin sesión; la clave es el secreto): registra la llamada', security: [], responses: { '200': { description: 'Registrado' }, '404': { description: 'Clave desconocida' } } },
    post: { summary: 'Igual que GET (para quien solo sabe hacer POST)', security: [], responses: { '200': { description: 'Registrado' }, '404': { description: 'Clave desconocida' } } },
  },
  '/api/publico/estado': { get: { summary: 'Página de estado pública: solo servicios públicos, con nombre, estado, uptime_90d y barras diarias (sin direcciones ni errores)', security: [], responses: { '200': { description: 'Estado' } } } },
};
