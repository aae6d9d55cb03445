import type { Config } from '../../config/index.js';
import { startServer } from '../../server/main.js';

export async function serve(_a: string[], _o: unknown, config: Config): Promise<void> {
  const server = await startServer(config);
  const stop = (signal: string): void => {
    console.log(`Recibí ${signal}; cerrando…`);
    server.close().then(() => process.exit(0), () => process.exit(1));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
