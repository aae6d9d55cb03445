import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.js';
import { warehouseFile } from '../config/index.js';
import { openMigrated } from '../db/open.js';
import type { Warehouse } from '../db/warehouse.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { countUsers, createUser } from '../auth/users.js';
import { InputError } from '../core/errors.js';
import { closeInterruptedRuns } from '../../pipelines/runner/interrupted.js';

/**
 * Opens the warehouse with its migrations applied crash-safely (src/db/open.ts; clear errors when another process
 * holds it or it cannot be read) and closes the runs a killed process left open.
 */
export async function openWarehouse(config: Config): Promise<Warehouse> {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const { wh, applied } = await openMigrated(warehouseFile(config.dataDir), config.dataDir);
  try {
    if (applied.length) console.log(`Migraciones aplicadas: ${applied.join(', ')}`);
    for (const r of await closeInterruptedRuns(wh)) {
      console.log(r.estado === 'exito'
        ? `La ejecución ${r.id} de «${r.pipeline}» se interrumpió después de confirmar su carga: sus datos están completos.`
        : `La ejecución ${r.id} de «${r.pipeline}» se interrumpió antes de confirmar: no dejó datos; quedó registrada como fallida.`);
    }
  } catch (e) {
    wh.close();
    throw e;
  }
  return wh;
}

/** On first start, the admin account: with ATALAYA_ADMIN_PASSWORD, or a generated password printed once. */
export async function ensureAdmin(wh: Warehouse, config: Config): Promise<void> {
  const real = await wh.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM app.usuarios WHERE usuario <> 'cli'");
  if ((real?.n ?? 0) > 0) return;
  const password = config.adminPassword ?? generatePassword();
  try {
    await createUser(wh, { usuario: 'admin', password, rol: 'admin' }, null);
  } catch (e) {
    if (e instanceof InputError) throw new Error(`ATALAYA_ADMIN_PASSWORD no sirve como contraseña del usuario «admin»: ${e.message.replace(/^El campo «password» /, '')}`);
    throw e;
  }
  if (!config.adminPassword) {
    console.log('────────────────────────────────────────────────────────────');
    console.log(' Se creó el usuario «admin». Contraseña (se muestra una sola vez):');
    console.log(`   ${password}`);
    console.log(' Cámbiela desde Administración → Usuarios.');
    console.log('────────────────────────────────────────────────────────────');
  }
}

export { CLI_TOKEN_FILE, issueCliToken } from '../auth/cli-token.js';
export const SERVER_FILE = 'servidor.json';

export function writeServerFile(config: Config, url: string): void {
  fs.writeFileSync(path.join(config.dataDir, SERVER_FILE), JSON.stringify({ url, pid: process.pid }), { mode: 0o600 });
}

export { countUsers, hashPassword };
