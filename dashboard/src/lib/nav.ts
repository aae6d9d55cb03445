import type { SessionInfo } from '../app.d';

type Rol = SessionInfo['rol'];

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Rol[];
}

const ALL: readonly Rol[] = ['admin', 'direccion', 'utp', 'utvodes', 'utsi', 'utoe', 'uts', 'area'];

/** Navigation by area; each entry shown to the roles that can read it (the API checks again). */
export const NAV: readonly NavItem[] = [
  { href: '/', label: 'Resumen', roles: ['admin', 'direccion', 'utp', 'utvodes', 'utsi', 'utoe', 'uts'] },
  { href: '/metas', label: 'Metas y evaluación', roles: ['admin', 'direccion', 'utp', 'area'] },
  { href: '/odes', label: 'ODES', roles: ['admin', 'direccion', 'utvodes'] },
  { href: '/incidentes', label: 'Incidentes', roles: ['admin', 'direccion', 'utsi'] },
  { href: '/disponibilidad', label: 'Disponibilidad', roles: ['admin', 'direccion', 'utsi'] },
  { href: '/oficialia', label: 'Oficialía', roles: ['admin', 'direccion', 'utoe', 'utvodes'] },
  { href: '/sesiones', label: 'Sesiones', roles: ['admin', 'direccion', 'uts'] },
  { href: '/admin', label: 'Administración', roles: ['admin'] },
];

export function navFor(rol: Rol | undefined): NavItem[] {
  return NAV.filter((n) => rol && (n.roles as readonly Rol[]).includes(rol));
}

export { ALL };
