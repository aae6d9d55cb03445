import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.js';
import type { Warehouse } from '../db/warehouse.js';
import { createToken } from './tokens.js';

export const CLI_TOKEN_FILE = 'cli.token';

/**
 * The CLI on this machine talks to the running server with an API token of the internal account «cli», written
 * to the data folder readable by its owner alone (0600, also when the file existed with looser permissions).
 * Renewed at each start (the previous one revoked) and expiring like every token (ATALAYA_TOKEN_DIAS).
 */
export async function issueCliToken(wh: Warehouse, config: Config): Promise<void> {
  if (!(await wh.one("SELECT 1 FROM app.usuarios WHERE usuario = 'cli'"))) {
    // '!' is not a scrypt hash: this account can never log in with a password.
    await wh.exec("INSERT INTO app.usuarios (usuario, hash, rol) VALUES ('cli', '!', 'admin')");
  }
  await wh.exec("UPDATE app.tokens SET revocado = true WHERE usuario = 'cli' AND nombre = 'cli-local' AND NOT revocado");
  const token = await createToken(wh, 'cli', 'cli-local', null, config.tokenDays);
  const file = path.join(config.dataDir, CLI_TOKEN_FILE);
  // Written beside and renamed, so a CLI reading it never sees half a token; the new file is 0600 from birth.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, token, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}
