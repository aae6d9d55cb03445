import type { PageAccess, Rol } from '$core/roles';
import { ROL_NOMBRE } from '$core/roles';

/**
 * The navigation and the access table come from the server with the session (layout data `nav`, `acceso`),
 * computed from the domains' registry: nothing here lists roles.
 */

/** The access entry of a path: the longest prefix that covers it ('/' covers only the home page). */
export function accesoDe(path: string, acceso: readonly PageAccess[]): PageAccess | null {
  const covers = (a: PageAccess): boolean => (a.href === '/' ? path === '/' : path === a.href || path.startsWith(`${a.href}/`));
  return acceso.filter(covers).sort((a, b) => b.href.length - a.href.length)[0] ?? null;
}

/** Whether `rol` may open `path` (a path no entry covers is open to every user with a session). */
export function puedeAbrir(rol: Rol | undefined, path: string, acceso: readonly PageAccess[]): boolean {
  const a = accesoDe(path, acceso);
  return !a || (!!rol && a.roles.includes(rol));
}

/** «Administración o Dirección»: the names of the roles that may open a page, for its «sin permiso» notice. */
export function rolesQuePueden(a: PageAccess): string {
  const names = a.roles.map((r) => ROL_NOMBRE[r]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} o ${names.at(-1)}` : (names[0] ?? '');
}
