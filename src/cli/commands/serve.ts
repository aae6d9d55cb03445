import type { Config } from '../../config/index.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { StartupCancelled } from '../../server/demo.js';
import { stopWaitMs } from '../../server/shutdown.js';

/**
 * `atalaya serve`: the server until SIGTERM or SIGINT (or `atalaya detener`), which stop it gracefully
 * (src/server/shutdown.ts). The handlers are in place from the first moment, so a stop during the first-start demo
 * is graceful too. A second signal (3 s or more after the first) exits at once (the warehouse is crash-safe; the run
 * under way is rolled back).
 */
export async function serve(_a: string[], _o: unknown, config: Config): Promise<void> {
  const ac = new AbortController();
  let server: RunningServer | null = null;
  let firstAt = 0;
  const stop = (signal: string): void => {
    if (ac.signal.aborted) {
      // `npm start` forwards the signal its process group already got (Ctrl+C, kill -- -pgid): the same stop, twice.
      if (Date.now() - firstAt < 3000) return;
      console.log(`Recibí ${signal} otra vez: salida inmediata (la ejecución en curso se revierte al iniciar).`);
      process.exit(1);
    }
    firstAt = Date.now();
    console.log(`Recibí ${signal}; deteniendo con orden (se terminan o revierten las ejecuciones y se guardan los datos pendientes)…`);
    ac.abort();
    setTimeout(() => process.exit(1), stopWaitMs() + 40_000).unref();
    if (server) void finish(server);
  };
  const finish = async (s: RunningServer): Promise<void> => {
    try {
      await s.close();
      console.log('Servidor detenido; el almacén quedó cerrado.');
      process.exit(0);
    } catch (e) {
      console.error(`Error al detener: ${(e as Error).message}`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  try {
    server = await startServer(config, ac.signal);
  } catch (e) {
    if (e instanceof StartupCancelled) {
      console.log(`Servidor detenido: ${e.message}.`);
      process.exit(0);
    }
    throw e;
  }
  if (ac.signal.aborted) await finish(server);
}
