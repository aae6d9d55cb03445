/**
 * Scheduled reports (issue 13 item 5): the shapes the API returns and their Spanish names. Types and plain
 * constants only: the dashboard imports this module ($domains/reportes/types).
 */
export const FRECUENCIAS = ['semanal', 'mensual'] as const;
export type Frecuencia = (typeof FRECUENCIAS)[number];
export const FRECUENCIA_NOMBRE: Record<Frecuencia, string> = {
  semanal: 'Semanal (lunes 7:00, la semana anterior)',
  mensual: 'Mensual (día 1, 7:00, el mes anterior)',
};

export const FORMATOS = ['pdf', 'xlsx'] as const;
export type Formato = (typeof FORMATOS)[number];

export type ResultadoEnvio = 'enviado' | 'fallido' | 'omitido';
export const RESULTADO_NOMBRE: Record<ResultadoEnvio, string> = { enviado: '✓ Enviado', fallido: '✕ Falló', omitido: '— Omitido' };

/** A report the user may subscribe to (GET /api/reportes/catalogo). */
export interface ReporteDisponible {
  id: string;
  titulo: string;
  formatos: Formato[];
}

/** GET /api/reportes/suscripciones */
export interface Suscripcion {
  id: number;
  usuario: string;
  reporte: string;
  titulo: string;
  formato: Formato;
  frecuencia: Frecuencia;
  destino: string;
  activa: boolean;
  creada_en: string;
  proximo_envio: string;
  intentos: number;
  reintento_en: string | null;
  ultimo_envio: string | null;
  ultimo_resultado: string | null;
}

/** GET /api/reportes/envios: one delivery attempt. */
export interface Envio {
  id: number;
  suscripcion_id: number;
  usuario: string;
  reporte: string;
  fecha: string;
  periodo_hasta: string;
  intento: number;
  resultado: ResultadoEnvio;
  detalle: string | null;
  archivo: string | null;
  bytes: number | null;
}
