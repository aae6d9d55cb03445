import { audit } from '../../audit/log.js';
import { HttpError, InputError } from '../../core/errors.js';
import { rowsOf, type Warehouse } from '../../db/warehouse.js';
import { ruleNotFound } from './rules.js';
import { canSubscribe, type AccessTable, type Viewer } from './visibility.js';

export interface Suscripcion {
  regla: number;
  tipo: string;
  correo: string;
  creada_en: string;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/**
 * A user subscribes to a rule to get its notices by e-mail — only for a rule whose alerts the user's role may
 * see; the notices themselves are limited to the alerts the user may see (an `area` user: its area's), checked
 * when queued and again when sent.
 */
export async function subscribe(wh: Warehouse, viewer: Viewer & { usuario: string }, regla: number, correo: string, access: AccessTable): Promise<void> {
  const email = correo.trim();
  if (!EMAIL.test(email)) throw new InputError('correo', 'El campo «correo» debe ser una dirección de correo electrónico.');
  await wh.transaction(async (c) => {
    const [r] = await rowsOf<{ tipo: string }>(c, 'SELECT tipo FROM app.alertas_reglas WHERE id = $1', [regla]);
    if (!r) throw ruleNotFound(regla);
    if (!canSubscribe(viewer, r.tipo, access)) throw new HttpError(403, 'Su rol no puede ver las alertas de esta regla, así que no puede suscribirse a ella.');
    await c.run(
      `INSERT INTO app.alertas_suscripciones (usuario, regla_id, correo) VALUES ($1, $2, $3)
       ON CONFLICT (usuario, regla_id) DO UPDATE SET correo = excluded.correo`,
      [viewer.usuario, regla, email],
    );
    await audit(c, viewer.usuario, 'alertas.suscripcion.crear', `regla ${regla}`, null, { correo: email });
  }, 'alertas');
}

export async function unsubscribe(wh: Warehouse, usuario: string, regla: number): Promise<void> {
  await wh.transaction(async (c) => {
    await c.run('DELETE FROM app.alertas_suscripciones WHERE usuario = $1 AND regla_id = $2', [usuario, regla]);
    await audit(c, usuario, 'alertas.suscripcion.borrar', `regla ${regla}`, null, null);
  }, 'alertas');
}

export async function listSubscriptions(wh: Warehouse, usuario: string): Promise<Suscripcion[]> {
  return wh.all<Suscripcion>(
    `SELECT s.regla_id AS regla, r.tipo, s.correo, s.creada_en FROM app.alertas_suscripciones s
     JOIN app.alertas_reglas r ON r.id = s.regla_id WHERE s.usuario = $1 ORDER BY s.regla_id`,
    [usuario],
  );
}
