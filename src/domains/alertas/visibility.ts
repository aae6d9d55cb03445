import { TIPOS_REGLA } from './types.js';

/**
 * Who sees what (issue 13 item 4): an alert belongs to an access domain (its rule type's) and may belong to an
 * area. A user sees it when the user's role may read that domain; a user of role `area` only when the alert's area
 * is the user's own (an alert of no area is not theirs). Admin sees everything. A domain the access table does not
 * know is visible to admin only.
 *
 * The access table (domain → roles) is passed in: it is built from the domains' registry, which lists this
 * domain, so importing it here would make a cycle. Without one, only admin sees anything (fail closed).
 */
export type AccessTable = Readonly<Record<string, readonly string[]>>;

export interface Viewer {
  usuario?: string;
  rol: string;
  area: string | null;
}

export interface Scope {
  dominio: string;
  area: string | null;
}

export function seesDomain(rol: string, dominio: string, access: AccessTable): boolean {
  if (rol === 'admin') return true;
  const roles = Object.hasOwn(access, dominio) ? access[dominio] : undefined;
  return roles !== undefined && roles.includes(rol);
}

export function canSee(viewer: Viewer, a: Scope, access: AccessTable): boolean {
  if (!seesDomain(viewer.rol, a.dominio, access)) return false;
  if (viewer.rol !== 'area') return true;
  return viewer.area !== null && viewer.area !== '' && a.area === viewer.area;
}

export function filterVisible<T extends Scope>(viewer: Viewer, alertas: readonly T[], access: AccessTable): T[] {
  return alertas.filter((a) => canSee(viewer, a, access));
}

/** Rule types declared by the domains at start (alertasDomain): type → access domain. */
const declared = new Map<string, string>();

export function declareRuleDomain(tipo: string, dominio: string): void {
  declared.set(tipo, dominio);
}

/** The access domain of a rule type (unknown types: `procesos`, admin only). */
export function domainOfType(tipo: string): string {
  return declared.get(tipo) ?? (TIPOS_REGLA as Record<string, { dominio: string }>)[tipo]?.dominio ?? 'procesos';
}

/** Whether a role may see a rule type's alerts at all (to subscribe to a rule, it must). */
export function canSubscribe(viewer: Viewer, tipo: string, access: AccessTable): boolean {
  return seesDomain(viewer.rol, domainOfType(tipo), access);
}

/** The same filter as SQL parameters: the domains the user sees and, for an `area` user, its area. */
export function sqlScope(viewer: Viewer, access: AccessTable): { dominios: string[] | null; area: string | null; soloArea: boolean } {
  if (viewer.rol === 'admin') return { dominios: null, area: null, soloArea: false };
  const dominios = Object.keys(access).filter((d) => seesDomain(viewer.rol, d, access));
  return { dominios, area: viewer.rol === 'area' ? viewer.area ?? '' : null, soloArea: viewer.rol === 'area' };
}
