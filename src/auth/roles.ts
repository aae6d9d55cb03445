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

/** Who may read each domain of figures (admin runs Atalaya and may see everything). */
export const ACCESS = {
  resumen: ['admin', 'direccion', 'utp', 'utvodes', 'utsi', 'utoe', 'uts'],
  metas: ['admin', 'direccion', 'utp', 'area'],
  evaluacion: ['admin', 'direccion', 'utp', 'area'],
  odes: ['admin', 'direccion', 'utvodes'],
  incidentes: ['admin', 'direccion', 'utsi'],
  disponibilidad: ['admin', 'direccion', 'utsi'],
  oficialia: ['admin', 'direccion', 'utoe', 'utvodes'],
  sesiones: ['admin', 'direccion', 'uts'],
  cartografia: ['admin', 'direccion', 'utvodes', 'utsi', 'utp', 'utoe', 'uts', 'area'],
  procesos: ['admin'],
  usuarios: ['admin'],
} as const satisfies Record<string, readonly Rol[]>;

export type Domain = keyof typeof ACCESS;

export function canAccess(rol: Rol, domain: Domain): boolean {
  return (ACCESS[domain] as readonly Rol[]).includes(rol);
}

export function isRol(x: unknown): x is Rol {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}
