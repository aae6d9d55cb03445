import type { IncomingMessage } from 'node:http';

export interface SessionInfo {
  usuario: string;
  rol: 'admin' | 'direccion' | 'utp' | 'utvodes' | 'utsi' | 'utoe' | 'uts' | 'area';
  area: string | null;
  csrf: string | null;
}

declare global {
  namespace App {
    interface Locals {
      user: SessionInfo | null;
    }
    interface Platform {
      req?: IncomingMessage & { atalayaUser?: SessionInfo | null };
    }
  }
}

export {};
