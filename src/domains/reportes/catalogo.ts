import type { Rol } from '../../core/roles.js';
import type { ReporteDeclarado } from '../reporte.js';
import type { DomainModule } from '../types.js';

/** A report the domains offer, with the roles of its domain (who may receive it). */
export interface EntradaCatalogo {
  reporte: ReporteDeclarado;
  dominio: string;
  roles: readonly Rol[];
}

export type Catalogo = ReadonlyMap<string, EntradaCatalogo>;

/** Every domain's reports by id (the registry's domains; a duplicate id is a programming error). */
export function catalogoDe(domains: readonly DomainModule[]): Catalogo {
  const out = new Map<string, EntradaCatalogo>();
  for (const d of domains) {
    for (const r of d.reportes ?? []) {
      if (out.has(r.id)) throw new Error(`Reporte duplicado: ${r.id}`);
      out.set(r.id, { reporte: r, dominio: d.id, roles: d.roles });
    }
  }
  return out;
}

/** Whether a user of `rol` may receive the report (its domain's roles; an `area` user also needs its area). */
export function puedeRecibir(e: EntradaCatalogo, u: { rol: Rol; area: string | null; activo: boolean }): string | null {
  if (!u.activo) return 'El usuario está desactivado.';
  if (!e.roles.includes(u.rol)) return 'El rol del usuario ya no tiene acceso a este reporte.';
  if (u.rol === 'area' && !u.area) return 'El usuario no tiene un área asignada.';
  return null;
}
