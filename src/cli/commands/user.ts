import fs from 'node:fs';
import type { Config } from '../../config/index.js';
import { createUser } from '../../auth/users.js';
import { call } from '../remote.js';
import { fail, withTarget } from '../target.js';

function readPassword(): string {
  if (process.env.ATALAYA_PASSWORD) return process.env.ATALAYA_PASSWORD;
  if (process.stdin.isTTY) fail('defina ATALAYA_PASSWORD o pase la contraseña por la entrada estándar');
  const text = fs.readFileSync(0, 'utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

export async function userAdd(args: string[], opts: { rol?: string; area?: string }, config: Config): Promise<void> {
  const usuario = args[0] ?? fail('indique el usuario: atalaya user add <usuario> --rol <rol>');
  if (!opts.rol) fail('indique el rol con --rol (admin, direccion, utp, utvodes, utsi, utoe, uts, area)');
  const input = { usuario, password: readPassword(), rol: opts.rol, area: opts.area ?? null };
  await withTarget(
    config,
    async (wh) => {
      await createUser(wh, input, 'cli');
    },
    async (r) => {
      const { status, data } = await call<{ error?: string }>(r, 'POST', '/api/usuarios', input);
      if (status !== 201) fail(data.error ?? `el servidor respondió ${status}`);
    },
  );
  console.log(`Usuario «${usuario}» creado con rol ${opts.rol}.`);
}
