import { DOMAINS } from '../domains/registry.js';
import { PAGINA, q, ok, type OpenApiPaths } from './openapi-paths.js';

/** The OpenAPI document of /api (DESIGN.md §6): the platform's paths, then every domain's (src/domains/registry.ts). */
const PLATFORM: OpenApiPaths = {
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
  '/api/pipelines/{nombre}/ejecuciones': { get: { summary: 'Bitácora de ejecuciones de un proceso, la más reciente primero; con limite, una página (total en X-Total-Count)', parameters: [...PAGINA], responses: { ...ok(), '404': { description: 'No existe el proceso' } } } },
  '/api/pipelines/{nombre}/ejecuciones/{id}': { get: { summary: 'Una ejecución, con su progreso si está en curso', responses: ok() } },
  '/api/pipelines/{nombre}/verificaciones': { get: { summary: 'Resultado de las verificaciones de calidad de la última ejecución', responses: ok() } },
  '/api/cuarentena': { get: { summary: 'Filas en cuarentena: archivo, fila, campo, motivo (formato=csv para descargar)', parameters: [q('pipeline', 'Nombre del proceso'), q('formato', 'csv'), ...PAGINA], responses: ok() } },
  '/api/cartografia': { get: { summary: 'Si hay cartografía cargada y de qué archivo', responses: ok() } },
  '/api/cartografia/municipios': { get: { summary: 'Los 212 municipios (name = CVEGEO): TopoJSON cuantizado (objeto «municipios»); formato=geojson da el GeoJSON', responses: ok() } },
  '/api/cartografia/distritos': { get: { summary: 'Cabeceras de los 30 distritos locales', responses: ok() } },
  '/api/configuracion': { get: { summary: 'Parámetros de las cifras (admin): valor actual y predeterminado', responses: ok() } },
  '/api/configuracion/{clave}': { put: { summary: 'Cambia un parámetro {valor} (admin; auditado)', responses: { ...ok(), '400': { description: 'Valor inválido' }, '404': { description: 'No existe' } } } },
  '/api/exportar/parquet': { post: { summary: 'Exporta las tablas core como Parquet particionado en {destino} (ruta absoluta en el servidor)', responses: ok() } },
  '/api/respaldos': {
    get: { summary: 'Respaldos del almacén (admin), del más reciente al más antiguo: {ultimo, edad_horas, vigente, total, retener, programacion, respaldos: [{nombre, creado_en, bytes, origen, migracion}]}', responses: ok() },
    post: { summary: 'Crea un respaldo consistente en <datos>/respaldos/<aaaa-mm-ddThh-mm-ss>/ (admin; auditado); 201 con {nombre, creado_en, bytes, origen, migracion}', responses: { '201': { description: 'Creado' }, '401': { description: 'Sin sesión' }, '403': { description: 'Rol sin acceso' }, '503': { description: 'No se pudo crear (el motivo en error)' } } },
  },
  '/api/cartografia/importar': { post: { summary: 'Importa un GeoJSON o TopoJSON (multipart, campo «archivo»)', responses: { '202': { description: 'En curso' } } } },
  '/api/publico/demo/{servicio}': {
    get: { summary: 'Servicios de demostración que vigila el catálogo de la demo (solo con ATALAYA_DEMO activo; 404 si no)', security: [], responses: { '200': { description: 'En operación' }, '404': { description: 'Demo apagada o servicio desconocido' } } },
    head: { summary: 'Lo mismo, sin cuerpo', security: [], responses: { '200': { description: 'En operación' }, '404': { description: 'Demo apagada o servicio desconocido' } } },
  },
};

/** Every documented path: the platform's and each domain's. */
export const paths: OpenApiPaths = Object.assign({}, PLATFORM, ...DOMAINS.map((d) => d.openapi));

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
