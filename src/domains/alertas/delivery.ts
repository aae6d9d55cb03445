import type { Warehouse } from '../../db/warehouse.js';
import { Mutex } from '../../db/mutex.js';
import { mailOf, webhookBodyOf, type NoticeItem } from './messages.js';
import { SQL_ACTUALIZAR_AVISOS, SQL_CANALES, SQL_LOTES, SQL_PENDIENTES, SQL_REGISTRAR_ENVIOS, SQL_USUARIOS } from './queries/delivery.js';
import { reasonOf, type Transports } from './transports/index.js';
import type { EventoAlerta, Severidad, TipoCanal } from './types.js';
import { canSee, type AccessTable } from './visibility.js';

/**
 * Delivery of queued notices (app.alertas_avisos), run every few seconds by the alerts service.
 *
 * Grouping: a recipient (a channel, or a subscribed user) gets at most one message per window (default 60 s): its
 * notices wait until the oldest has waited the window, then every pending notice of that recipient goes out in
 * one message. A flapping subject thus sends one message per minute per recipient, not one per change.
 *
 * Retries: a failed message is retried with exponential backoff (30 s, 1 min, 2 min … up to 30 min between tries)
 * up to `maxAttempts` tries per notice; then the notice is `fallido`. Every attempt is logged in
 * app.alertas_envios. Messages are sent outside the write lock; results are written in one transaction. Delivery
 * is at-least-once: a crash between sending and writing the result sends that message again after the restart.
 */
export interface DeliveryOptions {
  /** Now (ms since epoch): the injected clock. */
  ahora?: number;
  /** Grouping window (ms); default 60 000. */
  groupMs?: number;
  /** Tries per notice before it is given up; default 8. */
  maxAttempts?: number;
  /** Wait before the first retry (ms), doubled after each failure; default 30 000. */
  backoffMs?: number;
  /** Longest wait between tries (ms); default 30 min. */
  maxBackoffMs?: number;
  /** Base of the links in messages (ATALAYA_PUBLIC_URL). */
  publicUrl: string;
  /** Domain → roles: a subscriber gets only what its role may see (default: none, only admins). */
  acceso?: AccessTable;
}

export interface DeliveryResult {
  /** Messages attempted, and of them delivered. */
  mensajes: number;
  entregados: number;
  /** Notices delivered, failed in this round (to be retried or given up), discarded. */
  avisos_enviados: number;
  avisos_fallidos: number;
  avisos_descartados: number;
}

interface PendingRow {
  id: number;
  evento: EventoAlerta;
  intentos: number;
  creado_en: string;
  canal_id: number | null;
  usuario: string | null;
  destino: string | null;
  alerta_id: number;
  regla_id: number;
  tipo: string;
  sujeto: string;
  severidad: Severidad;
  inicio: string;
  fin: string | null;
  mensaje: string;
  mensaje_resuelta: string | null;
  enlace: string;
  dominio: string;
  area: string | null;
}

interface ChannelRow {
  id: number;
  tipo: TipoCanal;
  nombre: string;
  destino: string;
  secreto: string | null;
  activo: boolean;
}

interface UserRow {
  usuario: string;
  rol: string;
  area: string | null;
  activo: boolean;
}

interface NoticeUpdate {
  id: number;
  estado: 'pendiente' | 'enviado' | 'fallido' | 'descartado';
  intentos: number;
  proximo_intento: string | null;
  enviado_en: string | null;
  motivo: string | null;
}

interface AttemptLog {
  lote: number;
  aviso_id: number;
  alerta_id: number;
  evento: EventoAlerta;
  canal_id: number | null;
  usuario: string | null;
  destino: string;
  intento: number;
  ok: boolean;
  error: string | null;
  proximo_intento: string | null;
}

/** The wait after the n-th failed try of a notice. */
export function backoffAfter(n: number, o: Pick<DeliveryOptions, 'backoffMs' | 'maxBackoffMs'> = {}): number {
  return Math.min(o.maxBackoffMs ?? 30 * 60_000, (o.backoffMs ?? 30_000) * 2 ** Math.max(0, n - 1));
}

/** One delivery round at a time per warehouse: two rounds must not send the same notices. */
const rounds = new WeakMap<Warehouse, Mutex>();

export function itemOf(r: PendingRow): NoticeItem {
  const resuelta = r.evento === 'resuelta';
  return {
    evento: r.evento,
    cuando: r.creado_en,
    resuelta: r.mensaje_resuelta,
    alerta: {
      id: r.alerta_id,
      regla: r.regla_id,
      tipo: r.tipo,
      sujeto: r.sujeto,
      severidad: r.severidad,
      estado: resuelta ? 'resuelta' : 'activa',
      inicio: r.inicio,
      fin: resuelta ? r.fin : null,
      mensaje: r.mensaje,
      enlace: r.enlace,
    },
  };
}

interface Message {
  rows: PendingRow[];
  destino: string;
  send: () => Promise<void>;
}

/** Sends every due group of notices; returns what happened. */
export async function deliver(wh: Warehouse, transports: Transports, opts: DeliveryOptions): Promise<DeliveryResult> {
  let m = rounds.get(wh);
  if (!m) rounds.set(wh, (m = new Mutex()));
  return m.run(() => round(wh, transports, opts));
}

async function round(wh: Warehouse, transports: Transports, o: DeliveryOptions): Promise<DeliveryResult> {
  const ahora = o.ahora ?? Date.now();
  const iso = new Date(ahora).toISOString();
  const result: DeliveryResult = { mensajes: 0, entregados: 0, avisos_enviados: 0, avisos_fallidos: 0, avisos_descartados: 0 };
  const pending = await wh.all<PendingRow>(SQL_PENDIENTES, { ahora: iso, limite: new Date(ahora - (o.groupMs ?? 60_000)).toISOString() });
  if (!pending.length) return result;

  const channels = new Map((await wh.all<ChannelRow>(SQL_CANALES)).map((c) => [c.id, c]));
  const userNames = [...new Set(pending.flatMap((p) => (p.usuario ? [p.usuario] : [])))];
  const users = new Map(
    userNames.length ? (await wh.all<UserRow>(SQL_USUARIOS, { usuarios: JSON.stringify(userNames) })).map((u) => [u.usuario, u]) : [],
  );

  const groups = new Map<string, PendingRow[]>();
  for (const p of pending) {
    const key = p.canal_id !== null ? `c${p.canal_id}` : `u${p.usuario}\u0000${p.destino}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }

  const updates: NoticeUpdate[] = [];
  const discard = (rows: PendingRow[], motivo: string): void => {
    for (const r of rows) updates.push({ id: r.id, estado: 'descartado', intentos: r.intentos, proximo_intento: null, enviado_en: null, motivo });
    result.avisos_descartados += rows.length;
  };
  const messages: Message[] = [];
  for (const rows of groups.values()) {
    const first = rows[0]!;
    if (first.canal_id !== null) {
      const ch = channels.get(first.canal_id);
      if (!ch || !ch.activo) {
        discard(rows, ch ? 'El canal está desactivado' : 'El canal ya no existe');
        continue;
      }
      const items = rows.map(itemOf);
      messages.push({
        rows,
        destino: ch.destino,
        send: ch.tipo === 'webhook'
          ? () => transports.postWebhook(ch.destino, webhookBodyOf(items, o.publicUrl), ch.secreto)
          : () => transports.sendMail(mailOf(ch.destino, items, o.publicUrl)),
      });
      continue;
    }
    // A subscriber: only what the user may see today (role or area may have changed since the notice was queued).
    const u = users.get(first.usuario!);
    if (!u || !u.activo) {
      discard(rows, 'El usuario ya no está activo');
      continue;
    }
    const visible = rows.filter((r) => canSee(u, { dominio: r.dominio, area: r.area }, o.acceso ?? {}));
    discard(rows.filter((r) => !visible.includes(r)), 'El usuario ya no puede ver esta alerta');
    if (!visible.length) continue;
    const items = visible.map(itemOf);
    messages.push({ rows: visible, destino: first.destino!, send: () => transports.sendMail(mailOf(first.destino!, items, o.publicUrl)) });
  }

  const outcomes = await sendAll(messages);
  const logs: AttemptLog[] = [];
  const lotes = messages.length ? await wh.all<{ lote: number }>(SQL_LOTES, { n: messages.length }) : [];
  messages.forEach((msg, i) => {
    const error = outcomes[i]!;
    result.mensajes++;
    if (!error) result.entregados++;
    for (const r of msg.rows) {
      const intento = r.intentos + 1;
      const giveUp = error !== null && intento >= (o.maxAttempts ?? 8);
      const proximo = error === null || giveUp ? null : new Date(ahora + backoffAfter(intento, o)).toISOString();
      updates.push({
        id: r.id,
        estado: error === null ? 'enviado' : giveUp ? 'fallido' : 'pendiente',
        intentos: intento,
        proximo_intento: proximo,
        enviado_en: error === null ? iso : null,
        motivo: error,
      });
      logs.push({ lote: lotes[i]!.lote, aviso_id: r.id, alerta_id: r.alerta_id, evento: r.evento, canal_id: r.canal_id, usuario: r.usuario, destino: msg.destino, intento, ok: error === null, error, proximo_intento: proximo });
      if (error === null) result.avisos_enviados++;
      else result.avisos_fallidos++;
    }
  });
  await wh.transaction(async (c) => {
    if (updates.length) await c.run(SQL_ACTUALIZAR_AVISOS, { filas: JSON.stringify(updates) });
    if (logs.length) await c.run(SQL_REGISTRAR_ENVIOS, { ahora: iso, filas: JSON.stringify(logs) });
  }, 'alertas');
  return result;
}

/** Sends the messages, four at a time; each outcome is null (delivered) or the Spanish reason it failed. */
async function sendAll(messages: Message[], parallel = 4): Promise<Array<string | null>> {
  const out: Array<string | null> = new Array(messages.length).fill(null);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < messages.length) {
      const i = next++;
      try {
        await messages[i]!.send();
      } catch (e) {
        out[i] = reasonOf(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, messages.length) }, worker));
  return out;
}
