import { round1 } from '../core/figures.js';
import type { Warehouse } from '../db/warehouse.js';

/**
 * What a domain contributes to the Informe mensual de la Secretaría Ejecutiva (src/domains/informes): its section,
 * computed by the domain's own functions for one calendar month. Part of the domain framework, like types.ts and
 * tarjetas.ts: the Informe gets every section through the registry, never by importing a domain.
 */

/** A calendar month: `desde` its first day, `hasta` its last (aaaa-mm-dd, Mexico City). */
export interface MesInforme {
  anio: number;
  mes: number;
  desde: string;
  hasta: string;
}

export type FormatoCifra = 'numero' | 'porcentaje' | 'horas' | 'dias' | 'minutos';

/** One figure of a section, as printed. */
export interface CifraInforme {
  etiqueta: string;
  valor: number | null;
  formato: FormatoCifra;
}

/** A small table of a section (by area, by service…). */
export interface TablaInforme {
  titulo: string;
  columnas: string[];
  filas: Array<Array<string | number | null>>;
}

/** A section's content for a month. `nota` says how the figures are computed, or why there are none. */
export interface ContenidoSeccion {
  cifras: CifraInforme[];
  tablas: TablaInforme[];
  nota: string;
}

/** A section of the Informe mensual, declared by a domain (DomainModule.informe). */
export interface SeccionInforme {
  id: string;
  /** Spanish title, e.g. «Oficialía Electoral (UTOE)». */
  titulo: string;
  /** Its position in the document (metas 10, calendario 20, ODES 30, incidentes 40, disponibilidad 50, …). */
  orden: number;
  datos: (wh: Warehouse, mes: MesInforme) => Promise<ContenidoSeccion>;
}

/** A figure, rounded to one decimal. */
export const cifraInforme = (etiqueta: string, valor: number | null | undefined, formato: FormatoCifra = 'numero'): CifraInforme =>
  ({ etiqueta, valor: round1(valor ?? null), formato });

/** A section without data for the month. */
export const seccionVacia = (nota: string): ContenidoSeccion => ({ cifras: [], tablas: [], nota });
