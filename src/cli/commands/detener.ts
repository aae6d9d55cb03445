import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/index.js';
import { processAlive } from '../../db/durable.js';
import { SERVER_FILE } from '../../server/startup.js';
import { fail } from '../target.js';

/**
 * `atalaya detener`: asks the server of this data folder to stop gracefully (SIGTERM to the process in
 * servidor.json) and waits until it has closed the warehouse.
 */
export async function detener(_a: string[], _o: unknown, config: Config): Promise<void> {
  const file = path.join(config.dataDir, SERVER_FILE);
  if (!fs.existsSync(file)) fail(`no hay un servidor en marcha con los datos de ${config.dataDir}`);
  let pid = 0;
  try {
    pid = Number((JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number }).pid);
  } catch {
    fail(`${file} no se pudo leer; detenga el servidor con su administrador de servicios`);
  }
  if (!processAlive(pid)) {
    fs.rmSync(file, { force: true });
    console.log(`El servidor (PID ${pid}) ya no estaba en marcha.`);
    return;
  }
  process.kill(pid, 'SIGTERM');
  console.log(`Deteniendo el servidor (PID ${pid}): termina o revierte las ejecuciones en curso y guarda los datos pendientes…`);
  const deadline = Date.now() + 120_000;
  while (processAlive(pid)) {
    if (Date.now() > deadline) fail(`el servidor (PID ${pid}) no se detuvo en 2 minutos`);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log('Servidor detenido.');
}
