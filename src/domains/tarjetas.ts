import { porVentana, round1 } from '../core/figures.js';
import type { Rango } from '../core/time.js';
import { hasRows } from '../db/sql.js';
import type { Warehouse } from '../db/warehouse.js';
import type { FigurasTarjeta, Formato, Secundario, Ventanas } from './resumen/types.js';

/**
 * Helpers of the domains' Resumen cards (src/domains/<dominio>/resumen.ts): what every card's figures are made of.
 * Part of the domain framework, like types.ts and registry.ts; no domain's own logic.
 */

/** What a card says whatever its data: its label, format, link and «¿Cómo se calcula?». */
export type BaseTarjeta = Pick<FigurasTarjeta, 'etiqueta' | 'formato' | 'enlace' | 'como'>;

/** A card without data: the domain's tables are empty or missing. */
export const sinDatos = (base: BaseTarjeta, nota: string): FigurasTarjeta => ({ ...base, estado: 'sin_datos', nota });

/** A secondary figure of a card (hours and percentages to one decimal). */
export const cifra = (etiqueta: string, valor: number | null, formato: Formato = 'numero'): Secundario => ({ etiqueta, valor: round1(valor), formato });

/** How a card reads its figure from one measurement of a window. */
export interface Lectura<T> extends BaseTarjeta {
  /** The domain's table: while it is missing or empty, the card says `vacia`. */
  tabla: string;
  vacia: string;
  valor: (x: T) => number | null;
  /** Whether the current window holds anything to measure. */
  hay: (x: T) => boolean;
  secundarios: (x: T) => Secundario[];
  /** The «¿Cómo se calcula?» text once measured (default: `como`). */
  comoMedido?: (x: T) => string;
}

/** A card measured on every window of the period: its value now and before, the sparkline, the secondary figures of now. */
export async function porVentanas<T>(wh: Warehouse, v: Ventanas, medir: (r: Rango) => Promise<T>, l: Lectura<T>): Promise<FigurasTarjeta> {
  const base: BaseTarjeta = { etiqueta: l.etiqueta, formato: l.formato, enlace: l.enlace, como: l.como };
  if (!(await hasRows(wh, l.tabla))) return sinDatos(base, l.vacia);
  const { actual, anterior, serie } = await porVentana(v, medir);
  return {
    ...base,
    estado: l.hay(actual) ? 'ok' : 'sin_datos',
    valor: round1(l.valor(actual)),
    anterior: round1(l.valor(anterior)),
    secundarios: l.secundarios(actual),
    serie: serie.map((s) => ({ hasta: s.hasta, valor: round1(l.valor(s.dato)) })),
    como: l.comoMedido ? l.comoMedido(actual) : base.como,
    nota: null,
  };
}
