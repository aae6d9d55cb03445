import type { IncomingMessage } from 'node:http';
import type { NavEntry, PageAccess, Rol } from '$core/roles';

export interface SessionInfo {
  usuario: string;
  rol: Rol;
  area: string | null;
  csrf: string | null;
}

/** What Atalaya's server computes from its domains' registry for the user of the request (src/server/nav.ts). */
export interface Navigation {
  /** The navigation entries this user's role may open, in order. */
  nav: NavEntry[];
  /** Every page prefix with the roles that may open it ('/' is the home page alone). */
  acceso: readonly PageAccess[];
}

declare global {
  namespace App {
    interface Locals {
      user: SessionInfo | null;
      nav: NavEntry[];
      acceso: readonly PageAccess[];
    }
    interface Platform {
      req?: IncomingMessage & { atalayaUser?: SessionInfo | null; atalayaNav?: Navigation };
    }
  }
}

export {};
