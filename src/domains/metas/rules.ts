import type { Clasificacion, Semaforo } from './types.js';

/**
 * The planning rules of DESIGN.md §3 in TypeScript. The figures are computed in SQL by the macros of
 * warehouse/migrations/0200_planeacion.sql; tests check both give the same answer on the same cases.
 */
export const UMBRAL_VERDE = 90;
export const UMBRAL_AMARILLO = 70;
/** Above this avance a result is rebasada (over-achievement, shown apart). */
export const UMBRAL_REBASADA = 130;

const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function semaforoAvance(a: number | null, uv?: number | null, ua?: number | null): Semaforo | null {
  if (a === null || a === undefined || Number.isNaN(a)) return null;
  if (a > UMBRAL_REBASADA) return 'rebasada';
  if (a >= (uv ?? UMBRAL_VERDE)) return 'verde';
  if (a >= (ua ?? UMBRAL_AMARILLO)) return 'amarillo';
  return 'rojo';
}

/** 100 × realizado / programado; null when nothing was programmed. */
export function avanceMeta(programado: number | null, realizado: number | null): number | null {
  if (!programado) return null;
  return r6((100 * (realizado ?? 0)) / programado);
}

export function semaforoMeta(programado: number | null, realizado: number | null, uv?: number | null, ua?: number | null): Semaforo {
  if (!programado && !realizado) return 'sin_meta';
  if (!programado) return 'rebasada';
  return semaforoAvance(avanceMeta(programado, realizado), uv, ua)!;
}

export function clasificacionMeta(programado: number | null, realizado: number | null): Clasificacion | null {
  if (!programado && !realizado) return null;
  if (!programado) return 'rebasada';
  const a = avanceMeta(programado, realizado)!;
  if (a === 0) return 'no_cumplida';
  if (a < 100) return 'parcialmente_cumplida';
  if (a === 100) return 'cumplida';
  return 'rebasada';
}

/** numerador / denominador (× 100 for porcentaje); numerador alone without denominador. */
export function valorIndicador(numerador: number | null, denominador: number | null, unidad: string | null): number | null {
  if (numerador === null) return null;
  if (denominador === null) return numerador;
  if (denominador === 0) return null;
  const u = (unidad ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return r6(u === 'porcentaje' ? (100 * numerador) / denominador : numerador / denominador);
}

export function avanceIndicador(valor: number | null, meta: number | null, sentido: string | null): number | null {
  if (valor === null || meta === null) return null;
  if (sentido === 'descendente') {
    if (valor === 0 && meta === 0) return 100;
    if (valor === 0) return null;
    return r6((100 * meta) / valor);
  }
  if (meta === 0) return null;
  return r6((100 * valor) / meta);
}

export function semaforoIndicador(valor: number | null, meta: number | null, sentido: string | null, uv?: number | null, ua?: number | null): Semaforo | null {
  if (valor === null) return null;
  if (meta === null) return 'sin_meta';
  const desc = sentido === 'descendente';
  if (desc && valor === 0 && meta > 0) return 'rebasada';
  if (!desc && meta === 0) return valor === 0 ? 'sin_meta' : 'rebasada';
  return semaforoAvance(avanceIndicador(valor, meta, sentido), uv, ua);
}

/** A monthly report is late when dated after the 10th of the following month. */
export function reporteTardio(ejercicio: number, mes: number, fechaReporte: string | null): boolean {
  if (!fechaReporte) return false;
  const y = mes === 12 ? ejercicio + 1 : ejercicio;
  const m = mes === 12 ? 1 : mes + 1;
  return fechaReporte > `${y}-${String(m).padStart(2, '0')}-10`;
}

/** Last month (1–12) of an indicator period. */
export function periodoMesFin(periodo: string): number | null {
  let m: RegExpExecArray | null;
  if ((m = /^\d{4}-(\d{2})$/.exec(periodo))) return Number(m[1]);
  if ((m = /^\d{4}-B([1-6])$/.exec(periodo))) return 2 * Number(m[1]);
  if ((m = /^\d{4}-T([1-4])$/.exec(periodo))) return 3 * Number(m[1]);
  if ((m = /^\d{4}-S([12])$/.exec(periodo))) return 6 * Number(m[1]);
  if (/^\d{4}$/.test(periodo)) return 12;
  return null;
}
