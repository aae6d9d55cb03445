import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/index.js';
import { createBackup } from '../../backup/create.js';
import { restoreBackup } from '../../backup/restore.js';
import { ageText, backupsRoot, listBackups, sizeText, type Respaldo } from '../../backup/store.js';
import { processAlive } from '../../db/durable.js';
import { SERVER_FILE } from '../../server/startup.js';
import { call, findRemote, type Remote } from '../remote.js';
import { fail, withTarget } from '../target.js';
import { formatMx } from '../../core/time.js';

const fmt = (iso: string): string => formatMx(iso, { dateStyle: 'short', timeStyle: 'medium' });

/** The server of this data folder, when one is running and the CLI can reach it. */
function runningServer(config: Config): Remote | null {
  const file = path.join(config.dataDir, SERVER_FILE);
  if (!process.env.ATALAYA_URL) {
    if (!fs.existsSync(file)) return null;
    try {
      if (!processAlive(Number((JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number }).pid))) return null;
    } catch {
      return null;
    }
  }
  return findRemote(config);
}

/** `atalaya respaldo crear`: through the running server (it holds the file), or on the file when none does. */
export async function respaldoCrear(_a: string[], _o: unknown, config: Config): Promise<void> {
  const r = await withTarget<Respaldo>(
    config,
    (wh) => createBackup(wh, config.dataDir, 'cli'),
    async (remote) => {
      const { status, data } = await call<Respaldo & { error?: string }>(remote, 'POST', '/api/respaldos');
      if (status !== 201) fail(data.error?.replace(/\.$/, '') ?? `el servidor respondió ${status}`);
      return data;
    },
  );
  console.log(`Respaldo ${r.nombre} creado (${sizeText(r.bytes)}) en ${path.join(backupsRoot(config.dataDir), r.nombre)}`);
}

/** `atalaya respaldo listar`: newest first. Reads the folder itself when no server runs (even if the warehouse cannot open). */
export async function respaldoListar(_a: string[], _o: unknown, config: Config): Promise<void> {
  const remote = runningServer(config);
  let list: Respaldo[];
  if (remote) {
    const { status, data } = await call<{ respaldos?: Respaldo[]; error?: string }>(remote, 'GET', '/api/respaldos');
    if (status !== 200) fail(data.error ?? `el servidor respondió ${status}`);
    list = data.respaldos ?? [];
  } else {
    list = listBackups(config.dataDir).reverse();
  }
  if (list.length === 0) {
    console.log(`No hay respaldos en ${backupsRoot(config.dataDir)}. Cree uno con: atalaya respaldo crear`);
    return;
  }
  for (const r of list) {
    console.log(`${r.nombre}  ${fmt(r.creado_en).padEnd(22)} ${ageText(r.creado_en).padEnd(14)} ${sizeText(r.bytes).padStart(9)}  ${r.origen}`);
  }
  console.log(`Para restaurar uno (con el servidor detenido): npm run atalaya -- respaldo restaurar ${list[0]!.nombre}`);
}

/** `atalaya respaldo restaurar <nombre>`: with the server stopped; the replaced files are kept aside. */
export async function respaldoRestaurar(args: string[], _o: unknown, config: Config): Promise<void> {
  const nombre = args[0] ?? fail('indique el respaldo: atalaya respaldo restaurar <nombre> (véalos con atalaya respaldo listar)');
  const r = await restoreBackup(config.dataDir, nombre);
  console.log(`Respaldo ${r.nombre} restaurado en ${config.dataDir}.`);
  if (r.reemplazados) console.log(`El almacén que había se guardó en ${r.reemplazados}.`);
  console.log('Los archivos cargados después del respaldo siguen en archivo/<fuente>/; cópielos a la bandeja para volver a cargarlos.');
}
