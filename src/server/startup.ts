import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.js';
import { warehouseFile } from '../config/index.js';
import { migrate } from '../db/migrate.js';
import { Warehouse } from '../db/warehouse.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { countUsers, createUser } from '../auth/users.js';
import { InputError } from '../core/errors.js';
import { closeInterruptedRuns } from '../../pipelines/runner/run.js';

/** Opens the warehouse (clear error when another process holds it) and applies pending migrations. */
export async function openWarehouse(config: Config): Promise<Warehouse> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const wh = await Warehouse.open(warehouseFile(config.dataDir));
  try {
    const applied = await migrate(wh);
    if (applied.length) console.log(`Migraciones aplicadas: ${applied.join(', ')}`);
    await closeInterruptedRuns(wh);
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
