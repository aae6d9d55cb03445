import type { Warehouse } from '../db/warehouse.js';

/** Records a write: who, when (now), what, and the object before and after. */
export async function audit(wh: Warehouse, usuario: string | null, accion: string, objeto: string | null, antes: unknown, despues: unknown): Promise<void> {
  const j = (x: unknown): string | null => (x === null || x === undefined ? null : JSON.stringify(x));
  await wh.exec('INSERT INTO app.auditoria (usuario, accion, objeto, antes, despues) VALUES ($1, $2, $3, $4, $5)', [
    usuario, accion, objeto, j(antes), j(despues),
  ]);
}
