import { date, dateTime, hours, num, pct } from '$lib/format';

/**
 * Table columns as DataTable takes them, by kind of value: the format (dates dd/mm/aaaa, Mexico City times,
 * numbers 1,234.5, "—" for nothing) and the alignment come with the kind, so every table shows them alike.
 */
export interface Columna {
  key: string;
  label: string;
  align?: 'left' | 'right';
  /** The cell's text from its value (and, when it depends on others, the row's). */
  format?: (v: unknown, fila?: object) => string;
  exportar?: boolean;
}

const derecha = (key: string, label: string, format?: (v: unknown) => string): Columna => ({ key, label, align: 'right', ...(format ? { format } : {}) });

export const col = {
  texto: (key: string, label: string, format?: (v: unknown, fila?: object) => string): Columna => ({ key, label, ...(format ? { format } : {}) }),
  /** Right-aligned as it comes (ids, years, session numbers). */
  derecha: (key: string, label: string): Columna => derecha(key, label),
  numero: (key: string, label: string, digitos = 1): Columna => derecha(key, label, (v) => num(v as number | null, digitos)),
  pct: (key: string, label: string): Columna => derecha(key, label, (v) => pct(v as number | null)),
  horas: (key: string, label: string): Columna => derecha(key, label, (v) => hours(v as number | null)),
  fecha: (key: string, label: string): Columna => ({ key, label, format: (v) => date(v as string | null) }),
  fechaHora: (key: string, label: string): Columna => ({ key, label, format: (v) => dateTime(v as string | null) }),
  /** true ✓ Sí, false ✕ No, nothing —. */
  siNo: (key: string, label: string): Columna => ({ key, label, format: (v) => (v === true ? '✓ Sí' : v === false ? '✕ No' : '—') }),
  /** Buttons and other controls the page draws in the cell; not in the CSV. */
  controles: (key: string, label: string): Columna => ({ key, label, exportar: false }),
  /** A code shown by its Spanish label. */
  etiqueta: (key: string, label: string, nombres: Record<string, string>): Columna => ({ key, label, format: (v) => (v === null || v === undefined ? '—' : nombres[String(v)] ?? String(v)) }),
};
