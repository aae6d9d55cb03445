/**
 * Alerts: the shapes the API returns and the enums with their Spanish labels (DESIGN.md §6 "Alerts").
 * Types and plain constants only — the dashboard imports this module too.
 */

export const SEVERIDADES = ['critica', 'advertencia', 'informativa'] as const;
export type Severidad = (typeof SEVERIDADES)[number];
export const SEVERIDAD_NOMBRE: Record<Severidad, string> = { critica: 'Crítica', advertencia: 'Advertencia', informativa: 'Informativa' };

export const ESTADOS_ALERTA = ['activa', 'resuelta'] as const;
export type EstadoAlerta = (typeof ESTADOS_ALERTA)[number];
export const ESTADO_ALERTA_NOMBRE: Record<EstadoAlerta, string> = { activa: 'Activa', resuelta: 'Resuelta' };

/** What a notice says happened. `prueba` is the test notice of a channel (no alert). */
export const EVENTOS = ['disparada', 'recordatorio', 'resuelta', 'prueba'] as const;
export type Evento = (typeof EVENTOS)[number];
export type EventoAlerta = Exclude<Evento, 'prueba'>;
export const EVENTO_NOMBRE: Record<Evento, string> = {
  disparada: 'Disparada',
  recordatorio: 'Recordatorio',
  resuelta: 'Resuelta',
  prueba: 'Prueba',
};

export const TIPOS_CANAL = ['correo', 'webhook'] as const;
export type TipoCanal = (typeof TIPOS_CANAL)[number];
export const TIPO_CANAL_NOMBRE: Record<TipoCanal, string> = { correo: 'Correo electrónico', webhook: 'Webhook' };

export const ESTADOS_AVISO = ['pendiente', 'enviado', 'fallido', 'retenido', 'descartado'] as const;
export type EstadoAviso = (typeof ESTADOS_AVISO)[number];
export const ESTADO_AVISO_NOMBRE: Record<EstadoAviso, string> = {
  pendiente: 'Pendiente',
  enviado: 'Enviado',
  fallido: 'Fallido (sin más intentos)',
  retenido: 'Retenido (silencio o mantenimiento)',
  descartado: 'Descartado',
};

/**
 * The rule types Atalaya knows: Spanish title and description, and the access domain whose roles may see their
 * alerts (src/auth/roles.ts ACCESS). Each has an evaluator in src/domains/alertas/evaluadores.
 */
export const TIPOS_REGLA = {
  servicio_caido: {
    titulo: 'Servicio caído',
    descripcion: 'Un servicio del catálogo de disponibilidad está caído: N verificaciones fallidas seguidas (fuera de mantenimiento); se resuelve con la siguiente verificación exitosa.',
    dominio: 'disponibilidad',
  },
  certificado_por_vencer: {
    titulo: 'Certificado por vencer',
    descripcion: 'El certificado TLS de un servicio HTTPS vence dentro de los próximos N días (parámetro «dias», 14 por omisión) o ya venció.',
    dominio: 'disponibilidad',
  },
  proceso_fallido: {
    titulo: 'Proceso fallido',
    descripcion: 'La última ejecución terminada de un proceso de carga falló; se resuelve con la siguiente ejecución exitosa.',
    dominio: 'procesos',
  },
  fuente_vencida: {
    titulo: 'Fuente vencida',
    descripcion: 'La última carga exitosa de una fuente es más antigua que su vigencia. Una fuente que nunca se ha cargado no cuenta como vencida.',
    dominio: 'procesos',
  },
  cuarentena_excesiva: {
    titulo: 'Cuarentena excesiva',
    descripcion: 'La última ejecución de un proceso de carga mandó a cuarentena más de «filas» filas (100 por omisión).',
    dominio: 'procesos',
  },
} as const satisfies Record<string, { titulo: string; descripcion: string; dominio: string }>;
export type TipoRegla = keyof typeof TIPOS_REGLA;

/** An alert as GET /api/alertas lists it (§6), plus the page that explains it. */
export interface Alerta {
  id: number;
  regla: number;
  tipo: string;
  sujeto: string;
  severidad: Severidad;
  estado: EstadoAlerta;
  inicio: string;
  fin: string | null;
  mensaje: string;
  enlace: string;
  area: string | null;
}

export interface Canal {
  id: number;
  tipo: TipoCanal;
  nombre: string;
  destino: string;
  /** Whether a signing secret is set (the secret itself is never returned). */
  con_secreto: boolean;
  activo: boolean;
  creado_en: string;
}

export interface Regla {
  id: number;
  tipo: string;
  sujeto: string | null;
  parametros: Record<string, unknown>;
  /** Channel ids; empty = every active channel. */
  canales: number[];
  recordatorio_horas: number;
  activa: boolean;
  predeterminada: boolean;
  creada_por: string | null;
}

export interface Silencio {
  id: number;
  regla: number | null;
  sujeto: string | null;
  desde: string;
  hasta: string;
  motivo: string;
  creado_por: string | null;
}

/** A channel's delivery health, as the Alertas page shows it. */
export interface EstadoCanal {
  canal: number;
  nombre: string;
  /** `fallando` when its last delivery attempt failed. */
  estado: 'ok' | 'fallando' | 'sin_envios';
  /** Failed messages since the last success. */
  fallos_seguidos: number;
  ultimo_intento: string | null;
  ultimo_exito: string | null;
  ultimo_error: string | null;
  /** Notices waiting (for their group or a retry). */
  pendientes: number;
}
export const ESTADO_CANAL_NOMBRE: Record<EstadoCanal['estado'], string> = { ok: 'Funciona', fallando: 'Fallando', sin_envios: 'Sin envíos' };

/** One delivery attempt (the log the Alertas page shows). */
export interface Envio {
  id: number;
  lote: number;
  alerta: number | null;
  evento: Evento;
  canal: number | null;
  usuario: string | null;
  destino: string;
  intento: number;
  cuando: string;
  ok: boolean;
  error: string | null;
  proximo_intento: string | null;
}

/** The answer of a channel's test notice: POST …/probar answers 200 when ok, 502 with `motivo` otherwise. */
export type ResultadoPrueba = { ok: true } | { ok: false; motivo: string };

/** GET /api/alertas/tipos: a rule type the user may see. */
export interface TipoReglaInfo {
  tipo: string;
  titulo: string;
  descripcion: string;
  dominio: string;
}

/** GET /api/alertas/suscripciones: the user's own. */
export interface Suscripcion {
  regla: number;
  tipo: string;
  correo: string;
  creada_en: string;
}

/** GET /api/alertas/no-leidas: the bell. */
export interface NoLeidas {
  no_leidas: number;
}
