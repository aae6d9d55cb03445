import type { Config } from '../config/index.js';
import { WarehouseLockedError, type Warehouse } from '../db/warehouse.js';
import { openWarehouse } from '../server/startup.js';
import { findRemote, type Remote } from './remote.js';

/**
 * Runs a command against the running server when one holds the warehouse (over HTTP, with its token), or
 * against the file itself when no server does.
 */
export async function withTarget<T>(
  config: Config,
  local: (wh: Warehouse) => Promise<T>,
  remote: (r: Remote) => Promise<T>,
): Promise<T> {
  let wh: Warehouse;
  try {
    wh = await openWarehouse(config);
  } catch (e) {
    if (!(e instanceof WarehouseLockedError)) throw e;
    const r = findRemote(config);
    if (!r) throw new Error(`${e.message} No se encontró la dirección o el token del servidor (defina ATALAYA_URL y ATALAYA_TOKEN).`);
    return remote(r);
  }
  try {
    return await local(wh);
  } finally {
    wh.close();
  }
}

export function fail(msg: string): never {
  throw new Error(msg);
}
