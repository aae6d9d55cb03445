/** The OpenAPI document of /api (DESIGN.md §6). Each domain adds its paths to `paths`. */
type Op = { summary: string; tags?: string[]; security?: unknown[]; parameters?: unknown[]; requestBody?: unknown; responses: Record<string, { description: string }> };
const q = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: { type: 'string' } });
const ok = (d = 'Correcto') => ({ '200': { description: d }, '401': { description: 'Sin sesión' }, '403': { description: 'Rol sin acceso' } });

export const paths: Record<string, Record<string, Op>> = {
  '/api/health': { get: { summary: 'Estado (ok|degraded) del almacén, del programador, edad del respaldo más reciente (respaldo: {ultimo, edad_horas, vigente}; más de 36 h = degraded) y última ejecución de cada proceso (público; sin textos de error salvo para admin)', security: [], responses: { '200': { description: 'Estado' } } } },
  '/api/openapi.json': { get: { summary: 'Este documento (público)', security: [], responses: { '200': { description: 'OpenAPI 3.1' } } } },
  '/api/tokens': {
    get: { summary: 'Tokens de API (admin): id, usuario, nombre, creado_en, creado_por, expira_en, ultimo_uso, revocado, vigente', responses: ok() },
    post: { summary: 'Emite un token {usuario, nombre, dias?} (admin; por omisión ATALAYA_TOKEN_DIAS); responde 201 con el token, que se muestra una sola vez', responses: { '201': { description: 'Emitido' }, '400': { description: 'Datos inválidos' }, '404': { description: 'No existe el usuario' } } },
  },
  '/api/tokens/{id}': { delete: { summary: 'Revoca un token (admin; auditado)', responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/auditoria': { get: { summary: 'Bitácora (admin), más reciente primero: [{fecha, usuario, accion, objeto, antes, despues, direccion}]', parameters: [q('desde', 'aaaa-mm-dd; por omisión 364 días antes de «hasta»'), q('hasta', 'aaaa-mm-dd; por omisión hoy'), q('usuario', 'Usuario'), q('accion', 'Acción (sesion.fallida) o familia (sesion)'), q('limite', 'Máximo de filas (1000; hasta 10000)'), q('desde_fila', 'Filas a saltar (0)')], responses: { ...ok(), '400': { description: 'Parámetros inválidos' } } } },
  '/api/auditoria/acciones': { get: { summary: 'Acciones registradas en la bitácora (admin)', responses: ok() } },
  '/api/auth/login': { post: { summary: 'Inicia sesión con {usuario, password}; responde con la cookie de sesión', security: [], responses: { '200': { description: 'Sesión iniciada' }, '401': { description: 'Credenciales incorrectas' }, '429': { description: 'Demasiados intentos' } } } },
  '/api/auth/logout': { post: { summary: 'Cierra la sesión', responses: { '200': { description: 'Sesión cerrada' } } } },
  '/api/auth/sesion': { get: { summary: 'Usuario de la sesión actual y su token CSRF', responses: ok() } },
  '/api/usuarios': {
    get: { summary: 'Usuarios (admin)', responses: ok() },
    post: { summary: 'Crea un usuario {usuario, password, rol, area}', responses: { '201': { description: 'Creado' }, '400': { description: 'Datos inválidos' }, '409': { description: 'Ya existe' } } },
  },
  '/api/usuarios/{usuario}': { patch: { summary: 'Modifica rol, area, activo o password', responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/pipelines': { get: { summary: 'Procesos de carga con sus ejecuciones (más recientes primero)', parameters: [q('limite', 'Ejecuciones por proceso (20; hasta 500)')], responses: ok() } },
  '/api/pipelines/{nombre}/ejecutar': { post: { summary: 'Ejecuta un proceso ahora; responde 202 con el id de la ejecución', responses: { '202': { description: 'En curso' }, '409': { description: 'Ya está en ejecución' } } } },
  '/api/pipelines/{nombre}/ejecuciones/{id}': { get: { summary: 'Una ejecución, con su progreso si está en curso', responses: ok() } },
  '/api/pipelines/{nombre}/verificaciones': { get: { summary: 'Resultado de las verificaciones de calidad de la última ejecución', responses: ok() } },
  '/api/cuarentena': { get: { summary: 'Filas en cuarentena: archivo, fila, campo, motivo (formato=csv para descargar)', parameters: [q('pipeline', 'Nombre del proceso'), q('formato', 'csv')], responses: ok() } },
  '/api/cartografia': { get: { summary: 'Si hay cartografía cargada y de qué archivo', responses: ok() } },
  '/api/cartografia/municipios': { get: { summary: 'GeoJSON de los 212 municipios (name = CVEGEO)', responses: ok() } },
  '/api/cartografia/distritos': { get: { summary: 'Cabeceras de los 30 distritos locales', responses: ok() } },
  '/api/configuracion': { get: { summary: 'Parámetros de las cifras (admin): valor actual y predeterminado', responses: ok() } },
  '/api/configuracion/{clave}': { put: { summary: 'Cambia un parámetro {valor} (admin; auditado)', responses: { ...ok(), '400': { description: 'Valor inválido' }, '404': { description: 'No existe' } } } },
  '/api/exportar/parquet': { post: { summary: 'Exporta las tablas core como Parquet particionado en {destino} (ruta absoluta en el servidor)', responses: ok() } },
  '/api/respaldos': {
    get: { summary: 'Respaldos del almacén (admin), del más reciente al más antiguo: {ultimo, edad_horas, vigente, total, retener, programacion, respaldos: [{nombre, creado_en, bytes, origen, migracion}]}', responses: ok() },
    post: { summary: 'Crea un respaldo consistente en <datos>/respaldos/<aaaa-mm-ddThh-mm-ss>/ (admin; auditado); 201 con {nombre, creado_en, bytes, origen, migracion}', responses: { '201': { description: 'Creado' }, '401': { description: 'Sin sesión' }, '403': { description: 'Rol sin acceso' }, '503': { description: 'No se pudo crear (el motivo en error)' } } },
  },
  '/api/cartografia/importar': { post: { summary: 'Importa un GeoJSON o TopoJSON (multipart, campo «archivo»)', responses: { '202': { description: 'En curso' } } } },
  '/api/incidentes/resumen': { get: { summary: 'Mesa de ayuda en el periodo: abiertos, resueltos, backlog, mttr_horas_mediana, mttr_horas_p90, tiempo_asignacion_horas_mediana, tiempo_asignacion_horas_p90, sla_cumplido_pct, reabiertos, por_prioridad [{prioridad, resueltos, mttr_horas_mediana, sla_cumplido_pct, …}], sla_horas, actualizado', parameters: [q('desde', 'aaaa-mm-dd; por omisión 364 días antes de «hasta» (365 días con ambos extremos)'), q('hasta', 'aaaa-mm-dd; por omisión hoy'), q('prioridad', '1–6'), q('categoria', 'Categoría; «(sin dato)» = vacía'), q('servicio', 'Servicio'), q('area', 'Siglas del área solicitante'), q('clave_odes', 'Consejo (D01…D30, M001…M212)')], responses: { ...ok(), '400': { description: 'Parámetros inválidos' } } } },
  '/api/incidentes/semanal': { get: { summary: 'Tickets abiertos y resueltos por semana (lunes): semana, abiertos, resueltos', parameters: [q('desde', 'aaaa-mm-dd; por omisión 364 días antes de «hasta» (365 días con ambos extremos)'), q('hasta', 'aaaa-mm-dd; por omisión hoy'), q('prioridad', '1–6'), q('categoria', 'Categoría; «(sin dato)» = vacía'), q('servicio', 'Servicio'), q('area', 'Siglas del área solicitante'), q('clave_odes', 'Consejo (D01…D30, M001…M212)')], responses: ok() } },
  '/api/incidentes/backlog': { get: { summary: 'Backlog al final del periodo por antigüedad: clave, rango, tickets, prioridad_alta', parameters: [q('desde', 'aaaa-mm-dd; por omisión 364 días antes de «hasta» (365 días con ambos extremos)'), q('hasta', 'aaaa-mm-dd; por omisión hoy'), q('prioridad', '1–6'), q('categoria', 'Categoría; «(sin dato)» = vacía'), q('servicio', 'Servicio'), q('area', 'Siglas del área solicitante'), q('clave_odes', 'Consejo (D01…D30, M001…M212)')], responses: ok() } },
  '/api/incidentes/desglose': { get: { summary: 'Las mismas cifras por dimensión: valor, abiertos, resueltos, backlog, mttr_horas_mediana, mttr_horas_p90, tiempo_asignacion_horas_mediana, sla_cumplido_pct', parameters: [q('dimension', 'prioridad | categoria | servicio | area_solicitante | clave_odes | tipo | tecnico'), q('desde', 'aaaa-mm-dd; por omisión 364 días antes de «hasta» (365 días con ambos extremos)'), q('hasta', 'aaaa-mm-dd; por omisión hoy'), q('prioridad', '1–6'), q('categoria', 'Categoría; «(sin dato)» = vacía'), q('servicio', 'Servicio'), q('area', 'Siglas del área solicitante'), q('clave_odes', 'Consejo (D01…D30, M001…M212)')], responses: ok() } },
  '/api/incidentes/tickets': { get: { summary: 'Tickets detrás de las cifras (máximo 5,000)', parameters: [q('conjunto', 'todos | abiertos | resueltos | backlog'), q('semana', 'Lunes aaaa-mm-dd de la semana'), q('edad', 'menos_1d | 1_3d | 3_7d | 7_30d | mas_30d (backlog)'), q('desde', 'aaaa-mm-dd; por omisión 364 días antes de «hasta» (365 días con ambos extremos)'), q('hasta', 'aaaa-mm-dd; por omisión hoy'), q('prioridad', '1–6'), q('categoria', 'Categoría; «(sin dato)» = vacía'), q('servicio', 'Servicio'), q('area', 'Siglas del área solicitante'), q('clave_odes', 'Consejo (D01…D30, M001…M212)')], responses: ok() } },
  '/api/incidentes/tickets/{id}/historial': { get: { summary: 'Historial de estados de un ticket: estado, fecha, observado_en', responses: ok() } },
  '/api/incidentes/opciones': { get: { summary: 'Valores para los filtros: categoria, servicio, area, clave_odes', responses: ok() } },
  '/api/disponibilidad/servicios': { get: { summary: 'Servicios activos: id, nombre, estado (arriba|abajo|mantenimiento|sin_datos), uptime_24h, uptime_7d, uptime_30d, uptime_90d, uptime_365d (%), latencia_p50_ms, latencia_p95_ms (24 h), criticidad, publico, ultima_verificacion', responses: ok() } },
  '/api/disponibilidad/servicios/{id}/caidas': { get: { summary: 'Caídas del servicio que tocan el periodo: inicio, fin (null = en curso), duracion_min, fallos, error', parameters: [q('desde', 'aaaa-mm-dd; por omisión 364 días antes de «hasta» (365 días con ambos extremos)'), q('hasta', 'aaaa-mm-dd; por omisión hoy')], responses: { ...ok(), '404': { description: 'No existe' } } } },
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
  '/api/publico/demo/{servicio}': {
    get: { summary: 'Servicios de demostración que vigila el catálogo de la demo (solo con ATALAYA_DEMO activo; 404 si no)', security: [], responses: { '200': { description: 'En operación' }, '404': { description: 'Demo apagada o servicio desconocido' } } },
    head: { summary: 'Lo mismo, sin cuerpo', security: [], responses: { '200': { description: 'En operación' }, '404': { description: 'Demo apagada o servicio desconocido' } } },
  },
  '/api/publico/estado': { get: { summary: 'Página de estado pública: solo servicios públicos, con nombre, estado, uptime_90d y barras diarias (sin direcciones ni errores)', security: [], responses: { '200': { description: 'Estado' } } } },
  '/api/odes/procesos': { get: { summary: 'Procesos electorales con consejos cargados (el más reciente primero)', responses: ok() } },
  '/api/odes/cumplimiento': { get: { summary: 'Índice de cumplimiento de cada consejo y sus 7 componentes al corte «hasta» (null = sin información), del más débil al más fuerte', parameters: [q('proceso', 'Proceso; por omisión el más reciente'), q('hasta', 'Fecha de corte aaaa-mm-dd; por omisión hoy'), q('tipo', 'distrital o municipal')], responses: ok() } },
  '/api/odes/tendencia': { get: { summary: 'Índice semanal de cada consejo durante el proceso, y el promedio', parameters: [q('proceso', 'Proceso'), q('hasta', 'Fecha de corte'), q('clave', 'Un consejo (D01…, M001…)')], responses: ok() } },
  '/api/odes/consejos/{clave}': { get: { summary: 'Un consejo: índice, cada componente con las filas que lo explican, y su tendencia', parameters: [q('proceso', 'Proceso'), q('hasta', 'Fecha de corte')], responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/odes/configuracion': {
    get: { summary: 'Pesos de los componentes, horas de estrados y umbrales del índice ODES', responses: ok() },
    put: { summary: 'Cambia la configuración del índice ODES (admin, utvodes; auditado)', responses: { ...ok(), '400': { description: 'Datos inválidos' } } },
  },
  '/api/oficialia/resumen': { get: { summary: 'Peticiones (UTOE): {recibidas, atendidas, backlog, horas_atencion_mediana, en_plazo_pct} y desgloses por órgano, tipo, semana y antigüedad', parameters: [q('desde', 'aaaa-mm-dd'), q('hasta', 'aaaa-mm-dd'), q('organo', 'OC o clave_odes'), q('ambito', 'oc, distrital, municipal'), q('tipo_peticionario', 'PP, CI, OI')], responses: ok() } },
  '/api/oficialia': { get: { summary: 'Peticiones recibidas en el periodo, con horas de atención y si fueron en plazo', parameters: [q('desde', 'aaaa-mm-dd'), q('hasta', 'aaaa-mm-dd'), q('organo', 'OC o clave_odes (p. ej. M045)'), q('ambito', 'oc, distrital, municipal'), q('tipo_peticionario', 'PP, CI, OI'), q('estado', 'estado de la petición'), q('pendientes', '1 = solo no atendidas')], responses: ok() } },
  '/api/sesiones/resumen': { get: { summary: 'Sesiones (UTS): {sesiones, sin_quorum, anticipacion_cumplida_pct, actas_pendientes, acuerdos, dias_publicacion_mediana} y desgloses', parameters: [q('desde', 'aaaa-mm-dd'), q('hasta', 'aaaa-mm-dd'), q('organo', 'CG, JGE o comisión'), q('tipo', 'tipo de sesión')], responses: ok() } },
  '/api/sesiones': { get: { summary: 'Sesiones iniciadas en el periodo con su anticipación y si cumple el mínimo', parameters: [q('desde', 'aaaa-mm-dd'), q('hasta', 'aaaa-mm-dd'), q('organo', 'órgano'), q('tipo', 'tipo de sesión')], responses: ok() } },
  '/api/sesiones/acuerdos': { get: { summary: 'Acuerdos aprobados en el periodo con días a su publicación', parameters: [q('desde', 'aaaa-mm-dd'), q('hasta', 'aaaa-mm-dd'), q('organo', 'órgano'), q('tipo', 'tipo de sesión')], responses: ok() } },
  '/api/metas/resumen': { get: { summary: 'Actividades del POA por semáforo, acumulado de enero al cierre del trimestre: {verde, amarillo, rojo, rebasada, sin_meta, por_area: [{area, verde, amarillo, rojo, rebasada, sin_meta, avance_pct}], por_programa, por_programa_especifico, reportes_tardios, meses_sin_reporte}', parameters: [q('ejercicio', 'año; por omisión el actual'), q('trimestre', '1–4; por omisión el último cerrado'), q('area', 'siglas (un usuario de área solo ve la suya)'), q('corte', 'instante ISO: la programación vigente entonces')], responses: { ...ok(), '400': { description: 'Parámetros inválidos' }, '404': { description: 'El ejercicio no tiene actividades' } } } },
  '/api/metas/actividades': { get: { summary: 'Actividades con programa_especifico, num_actividad, programado, realizado, avance_pct, semaforo, clasificacion y series mensuales', parameters: [q('ejercicio', 'año'), q('trimestre', '1–4'), q('area', 'siglas'), q('programa', 'E101…'), q('programa_especifico', 'clave'), q('corte', 'instante ISO')], responses: { ...ok(), '400': { description: 'Parámetros inválidos' }, '404': { description: 'El ejercicio no tiene actividades' } } } },
  '/api/metas/actividades.xlsx': { get: { summary: 'Las mismas actividades en Excel', parameters: [q('ejercicio', 'año'), q('trimestre', '1–4'), q('area', 'siglas'), q('corte', 'instante ISO')], responses: ok() } },
  '/api/oficialia/configuracion': { get: { summary: 'Plazo de atención (horas) con que se calcula en_plazo_pct', responses: ok() } },
  '/api/sesiones/configuracion': { get: { summary: 'Anticipación mínima por tipo de sesión (horas)', responses: ok() } },
  '/api/resumen/metas': { get: { summary: 'Tarjeta del POA para el resumen', responses: ok() } },
  '/api/metas/ejercicios': { get: { summary: 'Ejercicios con POA cargado', responses: ok() } },
  '/api/indicadores': { get: { summary: 'Mediciones de los indicadores de la MIR: clave, periodo, valor, meta_periodo, avance_pct, semaforo y la ficha técnica', parameters: [q('ejercicio', 'año'), q('area', 'siglas'), q('clave', 'clave del indicador')], responses: ok() } },
  '/api/evaluacion/ciclos': { get: { summary: 'Ciclos de evaluación trimestral con su avance de captura', responses: ok() }, post: { summary: 'Abre un ciclo {ejercicio, trimestre, fecha_limite} (UTP)', responses: { '201': { description: 'Creado' }, '400': { description: 'Datos inválidos' }, '409': { description: 'Ya existe' } } } },
  '/api/evaluacion/ciclos/{id}': { get: { summary: 'Resultados del ciclo con sus justificaciones y el avance por área (congelados si está cerrado)', parameters: [q('area', 'siglas')], responses: ok() } },
  '/api/evaluacion/ciclos/{id}/estado': { post: { summary: 'Cambia el estado {estado: en_revision|abierto|cerrado} (UTP); cerrar congela la foto', responses: { ...ok(), '409': { description: 'Transición no permitida o ciclo cerrado' } } } },
  '/api/evaluacion/ciclos/{id}/justificaciones': { put: { summary: 'Guarda la justificación {tipo, clave, causa, accion_correctiva, fecha_compromiso} de un resultado del área', responses: { ...ok(), '400': { description: 'Datos inválidos' }, '409': { description: 'Ciclo cerrado o justificación ya enviada' } } } },
  '/api/evaluacion/ciclos/{id}/enviar': { post: { summary: 'El área envía sus justificaciones; 400 si falta justificar un resultado amarillo o rojo', responses: { ...ok(), '400': { description: 'Faltan justificaciones' }, '409': { description: 'Ciclo cerrado' } } } },
  '/api/evaluacion/ciclos/{id}/revision': { post: { summary: 'La UTP aprueba u observa {tipo, clave, estado: aprobada|observada, comentario}', responses: { ...ok(), '400': { description: 'Datos inválidos' }, '409': { description: 'No está enviada o ciclo cerrado' } } } },
  '/api/evaluacion/ciclos/{id}/reporte': { get: { summary: 'Reporte del ciclo: resumen por área, amarillos y rojos con justificación, comparación con el trimestre anterior (también .html, .xlsx y .pdf)', parameters: [q('area', 'siglas')], responses: ok() } },
  '/api/evaluacion/ciclos/{id}/reporte.html': { get: { summary: 'Reporte del ciclo como página imprimible', parameters: [q('area', 'siglas')], responses: ok() } },
  '/api/evaluacion/ciclos/{id}/reporte.xlsx': { get: { summary: 'Reporte del ciclo en Excel', parameters: [q('area', 'siglas')], responses: ok() } },
  '/api/evaluacion/ciclos/{id}/reporte.pdf': { get: { summary: 'Reporte del ciclo en PDF (uno a la vez; 429 con Retry-After si la espera sería larga)', parameters: [q('area', 'siglas')], responses: { ...ok(), '429': { description: 'Cola de reportes llena' } } } },
  '/api/resumen': { get: { summary: 'Tablero de dirección: una tarjeta por indicador con valor, semáforo, cambio, serie y vigencia de sus datos', parameters: [q('periodo', 'mes, trimestre o anio'), q('hasta', 'aaaa-mm-dd')], responses: ok() } },
};

/** Each path template's {parameters} as required path parameters (added where a path does not list them). */
function withPathParams(all: typeof paths): typeof paths {
  const out: typeof paths = {};
  for (const [p, ops] of Object.entries(all)) {
    const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    out[p] = Object.fromEntries(Object.entries(ops).map(([m, op]) => {
      const listed = new Set((op.parameters ?? []).map((x) => (x as { name: string }).name));
      const extra = names.filter((n) => !listed.has(n)).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
      return [m, extra.length ? { ...op, parameters: [...extra, ...(op.parameters ?? [])] } : op];
    }));
  }
  return out;
}

export function openapiDocument(): unknown {
  return {
    openapi: '3.1.0',
    info: { title: 'Atalaya API', version: '1', description: 'API del tablero de la Secretaría Ejecutiva del OPLE Veracruz. Fechas ISO; porcentajes 0–100; duraciones en horas.' },
    components: {
      securitySchemes: {
        sesion: { type: 'apiKey', in: 'cookie', name: 'atalaya_sesion' },
        token: { type: 'http', scheme: 'bearer' },
      },
    },
    security: [{ sesion: [] }, { token: [] }],
    paths: withPathParams(paths),
  };
}
