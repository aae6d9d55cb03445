import type { Config } from '../../config/index.js';
import { CatalogError, createServicio, deleteServicio, listServicios, type Servicio } from '../../domains/disponibilidad/catalog.js';
import { call } from '../remote.js';
import { fail, withTarget } from '../target.js';

const KEYS = new Set(['intervalo_s', 'timeout_ms', 'palabra_clave', 'codigos_ok', 'criticidad', 'publico', 'activo']);

function print(rows: Servicio[]): void {
  if (rows.length === 0) {
    console.log('No hay servicios en el catálogo.');
    return;
  }
  const table = rows.map((s) => [s.id, s.nombre, s.tipo, s.destino, `${s.intervalo_s} s`, s.criticidad, s.publico ? 'sí' : 'no', s.activo ? 'sí' : 'no']);
  const head = ['id', 'nombre', 'tipo', 'destino', 'intervalo', 'criticidad', 'público', 'activo'];
  const w = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(w[i]!)).join('  ').trimEnd();
  console.log(line(head));
  for (const r of table) console.log(line(r));
}

/** atalaya servicio list */
export async function servicioList(_args: string[], _opts: unknown, config: Config): Promise<void> {
  const rows = await withTarget(
    config,
    (wh) => listServicios(wh),
    async (r) => {
      const { status, data } = await call<Servicio[] | { error?: string }>(r, 'GET', '/api/disponibilidad/catalogo');
      if (status !== 200) fail((data as { error?: string }).error ?? `el servidor respondió ${status}`);
      return data as Servicio[];
    },
  );
  print(rows);
}

/** atalaya servicio add <id> <http|tcp> <destino> <nombre…> [clave=valor …] */
export async function servicioAdd(args: string[], _opts: unknown, config: Config): Promise<void> {
  const extra = args.filter((a) => /^[a-z_]+=/.test(a) && KEYS.has(a.split('=')[0]!));
  const pos = args.filter((a) => !extra.includes(a));
  const [id, tipo, destino, ...nombre] = pos;
  if (!id || !tipo || !destino || nombre.length === 0) {
    fail('uso: atalaya servicio add <id> <http|tcp> <destino> <nombre> [intervalo_s=60] [timeout_ms=10000] [palabra_clave=…] [codigos_ok=200-399] [criticidad=alta|media|baja] [publico=si|no]');
  }
  const input: Record<string, unknown> = { id, tipo, destino, nombre: nombre.join(' ') };
  for (const kv of extra) {
    const i = kv.indexOf('=');
    input[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const s = await withTarget(
    config,
    async (wh) => {
      try {
        return await createServicio(wh, input, 'cli');
      } catch (e) {
        if (e instanceof CatalogError) fail(e.message);
        throw e;
      }
    },
    async (r) => {
      const { status, data } = await call<Servicio & { error?: string }>(r, 'POST', '/api/disponibilidad/catalogo', input);
      if (status !== 201) fail(data.error ?? `el servidor respondió ${status}`);
      return data;
    },
  );
  console.log(`Servicio «${s.nombre}» (${s.id}) agregado: ${s.tipo} ${s.destino}, cada ${s.intervalo_s} s.`);
}

/** atalaya servicio rm <id> */
export async function servicioRm(args: string[], _opts: unknown, config: Config): Promise<void> {
  const id = args[0] ?? fail('indique el servicio: atalaya servicio rm <id>');
  await withTarget(
    config,
    async (wh) => {
      try {
        await deleteServicio(wh, id, 'cli');
      } catch (e) {
        if (e instanceof CatalogError) fail(e.message);
        throw e;
      }
    },
    async (r) => {
      const { status, data } = await call<{ error?: string }>(r, 'DELETE', `/api/disponibilidad/catalogo/${encodeURIComponent(id)}`);
      if (status !== 200) fail(data.error ?? `el servidor respondió ${status}`);
    },
  );
  console.log(`Servicio «${id}» eliminado del catálogo (su historial se conserva).`);
}
