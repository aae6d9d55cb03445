/**
 * What /api/odes/… answers (DESIGN.md §3 ODES compliance index, §6), its components and their Spanish labels. Types
 * and plain constants only: the dashboard imports this module as $domains/odes/types.
 */

/** The seven components of the ODES compliance index, in display order. */
export const COMPONENTES = ['instalacion', 'integracion', 'sesiones', 'actas', 'estrados', 'entregables', 'supervision'] as const;
export type Componente = (typeof COMPONENTES)[number];

export const COMPONENTE_NOMBRE: Record<Componente, string> = {
  instalacion: 'Instalación', integracion: 'Integración', sesiones: 'Sesiones', actas: 'Actas', estrados: 'Estrados', entregables: 'Entregables', supervision: 'Supervisión',
};

/** How each component is computed (the «¿Cómo se calcula?» notes). */
export const COMPONENTE_COMO: Record<Componente, string> = {
  instalacion: '100 si el consejo se instaló a más tardar en la fecha programada; 0 si no; sin información si aún no vencía.',
  integracion: 'Cargos propietarios ocupados a la fecha de corte / los 8 cargos propietarios del consejo (un cargo sin designación cuenta como vacante). Se mide aunque el consejo aún no se instale, con las designaciones hechas a la fecha; sin información si aún no debía instalarse y no tenía designaciones.',
  sesiones: 'Sesiones programadas hasta la fecha de corte que se celebraron con quórum / esas sesiones.',
  actas: 'Sesiones celebradas seguidas de otra sesión celebrada cuya acta ya se aprobó / esas sesiones.',
  estrados: 'Acuerdos cuyo plazo de fijación (aprobación + horas configuradas) venció a la fecha de corte, fijados en estrados dentro de ese plazo / esos acuerdos. Un acuerdo con el plazo aún corriendo no cuenta todavía.',
  entregables: 'Entregables con fecha límite hasta el corte entregados a tiempo / esos entregables.',
  supervision: 'Observaciones de supervisión con fecha límite hasta el corte atendidas a tiempo / esas observaciones.',
};

/**
 * The propietario positions every council has (contracts `odes_integracion.cargo`): the denominator of `integracion`,
 * so a cargo nobody was ever designated to counts as vacant. tests/odes/reglas.test.ts keeps it equal to the contract.
 */
export const CARGOS = ['presidencia', 'consejeria_1', 'consejeria_2', 'consejeria_3', 'consejeria_4', 'secretaria', 'vocal_organizacion', 'vocal_capacitacion'] as const;
export type Cargo = (typeof CARGOS)[number];

export const CARGO_NOMBRE: Record<Cargo, string> = {
  presidencia: 'Presidencia', consejeria_1: 'Consejería 1', consejeria_2: 'Consejería 2', consejeria_3: 'Consejería 3', consejeria_4: 'Consejería 4',
  secretaria: 'Secretaría', vocal_organizacion: 'Vocalía de organización', vocal_capacitacion: 'Vocalía de capacitación',
};

/** Each component's value (percent), null when there was nothing to measure. */
export type Componentes = Record<Componente, number | null>;
export type SemaforoOdes = 'verde' | 'amarillo' | 'rojo' | 'sin_info';
export type Direccion = 'mejora' | 'empeora' | 'estable';

/** GET /api/odes/configuracion (plus `componentes`) and the `odes.config` setting. */
export interface OdesConfig {
  /** Weight of each component in the index (default 1 each). */
  pesos: Record<Componente, number>;
  /** An acuerdo is posted on time when fijación − aprobación ≤ these hours. */
  horas_estrados: number;
  /** A council under this index is "bajo desempeño" (rojo). */
  umbral_bajo_desempeno: number;
  /** From this index up a council is verde; between the two thresholds, amarillo. */
  umbral_verde: number;
}

/** GET /api/odes/procesos */
export interface ProcesoInfo {
  proceso: string;
  nombre: string;
  tipo_consejos: string | null;
  inicio: string | null;
  fin: string | null;
  consejos: number;
  /** First installation due date (start of the weekly trend). */
  primera_instalacion: string | null;
  /** Last date anything of the process was due (end of the weekly trend). */
  ultimo_vencimiento: string | null;
}

/** The index of one council at one cut-off date. */
export interface IndiceRow {
  hasta: string;
  clave_odes: string;
  tipo: string;
  cabecera: string | null;
  indice: number | null;
  componentes_con_datos: number;
  componentes: Componentes;
}

/**
 * Columns GET /api/odes/cumplimiento sorts by (`orden`): the row's own fields, each component by its name, the trend
 * by its direction (`tendencia`) and by its change in points (`cambio_4_semanas`).
 */
export const CUMPLIMIENTO_ORDEN = [
  'posicion', 'clave_odes', 'cabecera', 'tipo', 'indice', 'componentes_con_datos', ...COMPONENTES, 'componente_mas_debil', 'tendencia', 'cambio_4_semanas',
] as const;

/** GET /api/odes/cumplimiento: one council, weakest first. */
export interface CumplimientoRow extends Omit<IndiceRow, 'hasta'> {
  /** Place from the weakest (1) among the councils asked for (of the type asked for), whatever the sort of the page. */
  posicion: number;
  /** INEGI CVEGEO of a municipal council's municipality. */
  municipio_cvegeo: string | null;
  /** Local district number of a district council. */
  distrito: number | null;
  componente_mas_debil: Componente | null;
  semaforo: SemaforoOdes;
  bajo_desempeno: boolean;
  /** Index four weeks earlier and the change (points). */
  tendencia: { indice_anterior: number | null; cambio: number | null; direccion: Direccion | null };
}

/** GET /api/odes/tendencia: the index of each council per week, and the mean. */
export interface TendenciaOdes {
  proceso: string | null;
  hasta: string;
  fechas: string[];
  promedio: Array<number | null>;
  consejos: Array<{ clave_odes: string; tipo: string; cabecera: string | null; indices: Array<number | null> }>;
}

/** GET /api/odes/consejos/{clave}: the council's index, the rows behind each component, and its trend. */
export interface ConsejoDetalle {
  proceso: string;
  hasta: string;
  consejo: Record<string, unknown> & { municipio_cvegeo: string | null; distrito: number | null };
  indice: number | null;
  componentes_con_datos: number;
  componentes: Componentes;
  detalle: Record<Componente, unknown>;
  tendencia: Array<{ hasta: string; indice: number | null; componentes_con_datos: number } & Componentes>;
  enlaces: { incidentes: string; oficialia: string };
}
