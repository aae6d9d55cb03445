import { ROLES, type Rol } from '../core/roles.js';
import { DOMAINS } from '../domains/registry.js';

export { ROLES, ROL_NOMBRE, isRol, type Rol } from '../core/roles.js';

/** Who may use each platform part that is not a domain (admin runs Atalaya and may see everything). */
export const PLATFORM_ACCESS = {
  cartografia: ROLES,
  procesos: ['admin'],
  usuarios: ['admin'],
} as const satisfies Record<string, readonly Rol[]>;

/** The access table: the platform's entries and each domain's roles (src/domains/registry.ts). */
export const ACCESS: Readonly<Record<string, readonly Rol[]>> = {
  ...PLATFORM_ACCESS,
  ...Object.fromEntries(DOMAINS.map((d) => [d.id, d.roles])),
};

export function canAccess(rol: Rol, id: string): boolean {
  return (ACCESS[id] ?? []).includes(rol);
}
