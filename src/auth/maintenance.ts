import type { Config } from '../config/index.js';
import type { Warehouse } from '../db/warehouse.js';
import { issueCliToken } from './cli-token.js';
import { purgeSessions } from './sessions.js';
import { errorFields, logEvent } from '../core/log.js';

const HOUR = 3_600_000;

/**
 * Hourly, while the server runs: deletes expired sessions, and renews the local CLI token a day before it expires
 * (a server may run longer than a token lives). Returns the function that stops it.
 */
export function startAuthMaintenance(wh: Warehouse, config: Config): () => void {
  const tick = async (): Promise<void> => {
    await purgeSessions(wh, config);
    const cli = await wh.one<{ renovar: boolean }>(
      `SELECT coalesce(min(expira_en), now()) < now() + INTERVAL 1 DAY AS renovar FROM app.tokens
       WHERE usuario = 'cli' AND nombre = 'cli-local' AND NOT revocado`,
    );
    if (cli?.renovar) await issueCliToken(wh, config);
  };
  const timer = setInterval(() => {
    tick().catch((e: unknown) => logEvent('error', { origen: 'seguridad', mensaje: 'mantenimiento de sesiones y tokens', ...errorFields(e) }, 'error'));
  }, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
