import type { Warehouse } from '../../db/warehouse.js';
import type { Alerta, EstadoAlerta } from './types.js';
import { sqlScope, type AccessTable, type Viewer } from './visibility.js';

export interface AlertFilter {
  estado?: EstadoAlerta;
  regla?: number;
  sujeto?: string;
  /** Alerts that started at or after / before these ISO instants. */
  desde?: string;
  hasta?: string;
  limite?: number;
}

/** The viewer's scope as a WHERE clause over app.alertas `a` (see visibility.ts). */
const SCOPE = `($dominios::VARCHAR[] IS NULL OR list_contains($dominios::VARCHAR[], a.dominio))
  AND (NOT $solo_area OR a.area = $area::VARCHAR)`;

const scopeParams = (viewer: Viewer, access: AccessTable): Record<string, string | boolean | null> => {
  const s = sqlScope(viewer, access);
  return { dominios: s.dominios ? JSON.stringify(s.dominios) : null, solo_area: s.soloArea, area: s.area };
};

/** GET /api/alertas: what the viewer may see (§6 shape), active ones by start, newest first. */
export async function listAlerts(wh: Warehouse, viewer: Viewer, f: AlertFilter, access: AccessTable): Promise<Alerta[]> {
  return wh.all<Alerta>(
    `SELECT a.id, a.regla_id AS regla, a.tipo, a.sujeto, a.severidad, a.estado, a.inicio, a.fin, a.mensaje, a.enlace, a.area
     FROM app.alertas a
     WHERE ${SCOPE}
       AND ($estado::VARCHAR IS NULL OR a.estado = $estado::VARCHAR)
       AND ($regla::INTEGER IS NULL OR a.regla_id = $regla::INTEGER)
       AND ($sujeto::VARCHAR IS NULL OR a.sujeto = $sujeto::VARCHAR)
       AND ($desde::TIMESTAMPTZ IS NULL OR a.inicio >= $desde::TIMESTAMPTZ)
       AND ($hasta::TIMESTAMPTZ IS NULL OR a.inicio < $hasta::TIMESTAMPTZ)
     ORDER BY a.estado = 'activa' DESC, coalesce(a.fin, a.inicio) DESC, a.id DESC
     LIMIT ${Math.min(Math.max(1, Math.floor(f.limite ?? 500)), 5000)}`,
    {
      ...scopeParams(viewer, access),
      estado: f.estado ?? null,
      regla: f.regla ?? null,
      sujeto: f.sujeto ?? null,
      desde: f.desde ?? null,
      hasta: f.hasta ?? null,
    },
  );
}

/** The bell: alerts the viewer may see, opened after the last time the viewer looked (all active ones if never). */
export async function unreadCount(wh: Warehouse, viewer: Viewer & { usuario: string }, access: AccessTable): Promise<number> {
  const r = await wh.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM app.alertas a
     LEFT JOIN app.alertas_vistas v ON v.usuario = $usuario
     WHERE ${SCOPE} AND (v.vistas_hasta IS NULL AND a.estado = 'activa' OR a.creada_en > v.vistas_hasta)`,
    { ...scopeParams(viewer, access), usuario: viewer.usuario },
  );
  return r?.n ?? 0;
}

export async function markSeen(wh: Warehouse, usuario: string, ahora = Date.now()): Promise<void> {
  await wh.exec(
    `INSERT INTO app.alertas_vistas (usuario, vistas_hasta) VALUES ($1, $2::TIMESTAMPTZ)
     ON CONFLICT (usuario) DO UPDATE SET vistas_hasta = greatest(app.alertas_vistas.vistas_hasta, excluded.vistas_hasta)`,
    [usuario, new Date(ahora).toISOString()],
    'alertas',
  );
}
