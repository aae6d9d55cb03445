import type { DuckDBConnection } from '@duckdb/node-api';
import type { Warehouse } from '../db/warehouse.js';
import { currentAddress } from './context.js';

const json = (x: unknown): string | null => (x === null || x === undefined ? null : JSON.stringify(x));

const INSERT = 'INSERT INTO app.auditoria (usuario, accion, objeto, antes, despues, direccion) VALUES ($1, $2, $3, $4, $5, $6)';

/**
 * Records a change — who, when (now), what, the object before and after, and the client's address — on the
 * connection of the transaction that makes it: the row commits with the change or not at all.
 */
export async function audit(c: DuckDBConnection, usuario: string | null, accion: string, objeto: string | null, antes: unknown, despues: unknown): Promise<void> {
  await c.run(INSERT, [usuario, accion, objeto, json(antes), json(despues), currentAddress()]);
}

/** Records an event that changes nothing else (a failed login, a lockout, a token's use) in its own write. */
export async function auditEvent(wh: Warehouse, usuario: string | null, accion: string, objeto: string | null, antes: unknown, despues: unknown): Promise<void> {
  await wh.write((c) => audit(c, usuario, accion, objeto, antes, despues), 'auditoria');
}
