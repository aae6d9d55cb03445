import { TIPO_SESION_NOMBRE, TIPOS_SESION } from '$domains/sesiones/types';

/** The page's names for the shapes and labels of $domains/sesiones/types. */
export { type ResumenSesiones as Resumen } from '$domains/sesiones/types';

export const TIPOS: readonly string[] = TIPOS_SESION;
/** A session type's Spanish name (an unknown type keeps its code, capitalized). */
export const cap = (s: string): string => (TIPO_SESION_NOMBRE as Record<string, string>)[s] ?? s.charAt(0).toUpperCase() + s.slice(1);
