import { ACCESS, type Rol } from '../../auth/roles.js';
import { TIPOS_REGLA } from './types.js';

/**
 * Who sees what (issue 13 item 4): an alert belongs to an access domain (its rule type's, TIPOS_REGLA) and may
 * belong to an area. A user sees it when the user's role may read that domain; a user of role `area` only when
 * the alert's area is the user's own (an alert of no area is not theirs). Admin sees everything. A domain this
 * table does not know is visible to admin only.
 */
export interface Viewer {
  usuario?: string;
  rol: Rol | string;
  area: string | null;
}

export interface Scope {
  dominio: string;
  area: string | null;
}

export function seesDomain(rol: string, dominio: string): boolean {
  if (rol === 'admin') return true;
  const roles = (ACCESS as Record<string, readonly string[]>)[dominio];
  return roles !== undefined && roles.includes(rol);
}

export function canSee(viewer: Viewer, a: Scope): boolean {
  if (!seesDomain(viewer.rol, a.dominio)) return false;
  if (viewer.rol !== 'area') return true;
  return viewer.area !== null && viewer.area !== '' && a.area === viewer.area;
}

export function filterVisible<T extends Scope>(viewer: Viewer, alertas: readonly T[]): T[] {
  return alertas.filter((a) => canSee(viewer, a));
}

/** The access domain of a rule type (unknown types: `procesos`, admin only). */
export function domainOfType(tipo: string): string {
  return (TIPOS_REGLA as Record<string, { dominio: string }>)[tipo]?.dominio ?? 'procesos';
}

/** The rule types whose alerts a role may see at all (to subscribe to a rule, its type must be one of them). */
export function canSubscribe(viewer: Viewer, tipo: string): boolean {
  return seesDomain(viewer.rol, domainOfType(tipo));
}

/** The same filter as SQL parameters: the domains the user sees and, for an `area` user, its area. */
export function sqlScope(viewer: Viewer): { dominios: string[] | null; area: string | null; soloArea: boolean } {
  if (viewer.rol === 'admin') return { dominios: null, area: null, soloArea: false };
  const dominios = Object.keys(ACCESS).filter((d) => seesDomain(viewer.rol, d));
  return { dominios, area: viewer.rol === 'area' ? viewer.area ?? '' : null, soloArea: viewer.rol === 'area' };
}
