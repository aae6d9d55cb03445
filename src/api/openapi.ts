/** The OpenAPI document of /api (DESIGN.md §6). Each domain adds its paths to `paths`. */
type Op = { summary: string; tags?: string[]; security?: unknown[]; parameters?: unknown[]; requestBody?: unknown; responses: Record<string, { description: string }> };
const q = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: { type: 'string' } });
const ok = (d = 'Correcto') => ({ '200': { description: d }, '401': { description: 'Sin sesión' }, '403': { description: 'Rol sin acceso' } });

export const paths: Record<string, Record<string, Op>> = {
  '/api/health': { get: { summary: 'Estado del almacén, del programador y última ejecución de cada proceso (público)', security: [], responses: { '200': { description: 'Estado' } } } },
  '/api/auth/login': { post: { summary: 'Inicia sesión con {usuario, password}; responde con la cookie de sesión', security: [], responses: { '200': { description: 'Sesión iniciada' }, '401': { description: 'Credenciales incorrectas' }, '429': { description: 'Demasiados intentos' } } } },
  '/api/auth/logout': { post: { summary: 'Cierra la sesión', responses: { '200': { description: 'Sesión cerrada' } } } },
  '/api/auth/sesion': { get: { summary: 'Usuario de la sesión actual y su token CSRF', responses: ok() } },
  '/api/usuarios': {
    get: { summary: 'Usuarios (admin)', responses: ok() },
    post: { summary: 'Crea un usuario {usuario, password, rol, area}', responses: { '201': { description: 'Creado' }, '400': { description: 'Datos inválidos' }, '409': { description: 'Ya existe' } } },
  },
  '/api/usuarios/{usuario}': { patch: { summary: 'Modifica rol, area, activo o password', responses: { ...ok(), '404': { description: 'No existe' } } } },
  '/api/pipelines': { get: { summary: 'Procesos de carga con sus ejecuciones (más recientes primero)', responses: ok() } },
  '/api/pipelines/{nombre}/ejecutar': { post: { summary: 'Ejecuta un proceso ahora; responde 202 con el id de la ejecución', responses: { '202': { description: 'En curso' }, '409': { description: 'Ya está en ejecución' } } } },
  '/api/pipelines/{nombre}/ejecuciones/{id}': { get: { summary: 'Una ejecución, con su progreso si está en curso', responses: ok() } },
  '/api/pipelines/{nombre}/verificaciones': { get: { summary: 'Resultado de las verificaciones de calidad de la última ejecución', responses: ok() } },
  '/api/cuarentena': { get: { summary: 'Filas en cuarentena: archivo, fila, campo, motivo (formato=csv para descargar)', parameters: [q('pipeline', 'Nombre del proceso'), q('formato', 'csv')], responses: ok() } },
  '/api/cartografia': { get: { summary: 'Si hay cartografía cargada y de qué archivo', responses: ok() } },
  '/api/cartografia/municipios': { get: { summary: 'GeoJSON de los 212 municipios (name = CVEGEO)', responses: ok() } },
  '/api/cartografia/distritos': { get: { summary: 'Cabeceras de los 30 distritos locales', responses: ok() } },
  '/api/cartografia/importar': { post: { summary: 'Importa un GeoJSON o TopoJSON (multipart, campo «archivo»)', responses: { '202': { description: 'En curso' } } } },
};

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
    paths,
  };
}
