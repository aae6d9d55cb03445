/**
 * The roles of Atalaya (DESIGN.md §1) and their Spanish names. Types and plain constants only: the dashboard
 * imports this module too ($core/roles).
 */
export const ROLES = ['admin', 'direccion', 'utp', 'utvodes', 'utsi', 'utoe', 'uts', 'area'] as const;
export type Rol = (typeof ROLES)[number];

export const ROL_NOMBRE: Record<Rol, string> = {
  admin: 'Administración',
  direccion: 'Dirección',
  utp: 'UTP — Planeación',
  utvodes: 'UTVODES — Vinculación con los ODES',
  utsi: 'UTSI — Servicios Informáticos',
  utoe: 'UTOE — Oficialía Electoral',
  uts: 'UTS — Secretariado',
  area: 'Área',
};

export function isRol(x: unknown): x is Rol {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

/** A dashboard page (or section of pages) and the roles that may open it. */
export interface PageAccess {
  /** The page's path prefix: /metas covers /metas/… */
  href: string;
  /** Its name in the navigation. */
  label: string;
  roles: readonly Rol[];
}

/** An entry of the dashboard's navigation. */
export interface NavEntry {
  href: string;
  label: string;
}
