import type { Warehouse } from '../db/warehouse.js';
import { dayRangeInstants } from '../core/time.js';

export interface AuditRow {
  fecha: string;
  usuario: string | null;
  accion: string;
  objeto: string | null;
  antes: unknown;
  despues: unknown;
  direccion: string | null;
}

export interface AuditFilter {
  /** Mexico City days, both included. */
  desde: string;
  hasta: string;
  usuario?: string | undefined;
  /** An action (`sesion.fallida`) or a family (`sesion`: every `sesion.*`). */
  accion?: string | undefined;
  limite: number;
  desde_fila: number;
}

const SQL = `
SELECT cuando AS fecha, usuario, accion, objeto, antes, despues, direccion FROM app.auditoria
WHERE cuando >= $desde::TIMESTAMPTZ AND cuando < $hasta::TIMESTAMPTZ
  AND ($usuario::VARCHAR IS NULL OR usuario = $usuario)
  AND ($accion::VARCHAR IS NULL OR accion = $accion OR starts_with(accion, $accion || '.'))
ORDER BY cuando DESC, id DESC
LIMIT $limite OFFSET $desde_fila`;

const parse = (s: unknown): unknown => {
  if (typeof s !== 'string') return s ?? null;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

/** The audit log, newest first: who did what to which object, before and after, from which address. */
export async function auditLog(wh: Warehouse, f: AuditFilter): Promise<AuditRow[]> {
  const r = dayRangeInstants(f);
  const rows = await wh.all<AuditRow>(SQL, {
    desde: r.desde, hasta: r.hasta, usuario: f.usuario ?? null, accion: f.accion ?? null, limite: f.limite, desde_fila: f.desde_fila,
  });
  return rows.map((x) => ({ ...x, antes: parse(x.antes), despues: parse(x.despues) }));
}

/** The actions recorded so far (for the page's filter). */
export async function auditActions(wh: Warehouse): Promise<string[]> {
  return (await wh.all<{ accion: string }>('SELECT DISTINCT accion FROM app.auditoria ORDER BY accion')).map((r) => r.accion);
}
