/**
 * GLPI REST API client (apirest.php): initSession with App-Token and `Authorization: user_token …`, search/Ticket
 * with forcedisplay fields and `range` pagination (200 or 206, Content-Range `start-end/total`), killSession.
 */
import type { RecordBatch, RunContext } from '../runner/types.js';
import { TransientError } from '../runner/types.js';

export interface GlpiConfig {
  /** Base URL of apirest.php, e.g. https://mesa.oplever.org.mx/apirest.php */
  url: string;
  appToken: string;
  userToken: string;
  /** Rows per search/Ticket page (GLPI's api_max_range caps it; default 200). */
  pageSize: number;
  timeoutMs: number;
  /** Seconds each read goes back before the previous read began (clock drift, one-second date_mod; default 120). */
  overlapS: number;
}

export function glpiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GlpiConfig | null {
  const url = env.ATALAYA_GLPI_URL?.trim();
  const appToken = env.ATALAYA_GLPI_APP_TOKEN?.trim();
  const userToken = env.ATALAYA_GLPI_USER_TOKEN?.trim();
  if (!url || !appToken || !userToken) return null;
  return {
    url: url.replace(/\/+$/, ''),
    appToken,
    userToken,
    pageSize: Math.max(1, Number(env.ATALAYA_GLPI_PAGE_SIZE ?? 200) || 200),
    timeoutMs: Math.max(100, Number(env.ATALAYA_GLPI_TIMEOUT_MS ?? 30_000) || 30_000),
    overlapS: Math.max(1, Number(env.ATALAYA_GLPI_TRASLAPE_S ?? 120) || 120),
  };
}

export const GLPI_NOT_CONFIGURED =
  'La API de GLPI no está configurada: defina ATALAYA_GLPI_URL, ATALAYA_GLPI_APP_TOKEN y ATALAYA_GLPI_USER_TOKEN.';

/** What quarantined rows name as their file. */
export const GLPI_LABEL = 'GLPI search/Ticket';
/**
 * app.configuracion key of the incremental watermark: when the last successful read began, as GLPI writes date_mod
 * (Mexico City wall time `aaaa-mm-dd hh:mm:ss`), as JSON.
 */
export const GLPI_WATERMARK_KEY = 'glpi.ultima_modificacion';
/** app.configuracion key that may override search option ids (JSON, e.g. {"servicio": 13}). */
export const GLPI_FIELDS_KEY = 'glpi.campos';

/** Search option ids of GLPI's Ticket (listSearchOptions/Ticket) for each contract column. */
export const DEFAULT_FIELDS = {
  id: 2,
  titulo: 1,
  estado: 12,
  prioridad: 3,
  urgencia: 10,
  impacto: 11,
  tipo: 14,
  categoria: 7,
  tecnico: 5,
  area_solicitante: 71,
  clave_odes: 83,
  servicio: null as number | null,
  fecha_apertura: 15,
  fecha_solucion: 17,
  fecha_cierre: 16,
  fecha_limite_solucion: 18,
  fecha_modificacion: 19,
  /** takeintoaccount_delay_stat: seconds from opening to being taken into account (assignment). */
  demora_asignacion_s: 150,
};
export type GlpiFields = typeof DEFAULT_FIELDS;

export const GLPI_STATUS: Record<string, string> = { '1': 'nuevo', '2': 'asignado', '3': 'planificado', '4': 'en espera', '5': 'resuelto', '6': 'cerrado' };
export const GLPI_TYPE: Record<string, string> = { '1': 'incidente', '2': 'solicitud' };

/** A GLPI error answer that is not worth retrying (bad credentials, bad request). */
export class GlpiError extends Error {}

type Json = Record<string, unknown>;

/** First value of a search cell: multi-valued cells come as arrays or joined with `$#$`. */
function cell(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return cell(v[0]);
  const s = String(v).split('$#$')[0]!.trim();
  return s === '' ? null : s;
}

const lastSegment = (s: string | null): string | null => (s === null ? null : s.split('>').pop()!.trim() || null);

/** Adds seconds to a GLPI naive local datetime text (`aaaa-mm-dd hh:mm:ss`), keeping it naive. */
export function addSeconds(naive: string, seconds: number): string {
  const d = new Date(`${naive.replace(' ', 'T')}Z`);
  if (Number.isNaN(d.getTime())) return naive;
  return new Date(d.getTime() + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** One row of search/Ticket (keyed by search option id) as text by contract column. */
export function mapTicket(row: Json, f: GlpiFields = DEFAULT_FIELDS): Record<string, string | null> {
  const get = (id: number | null): string | null => (id === null ? null : cell(row[String(id)]));
  const apertura = get(f.fecha_apertura);
  const demora = Number(get(f.demora_asignacion_s) ?? 0);
  const estado = get(f.estado);
  const tipo = get(f.tipo);
  const odes = lastSegment(get(f.clave_odes));
  return {
    id: get(f.id),
    titulo: get(f.titulo),
    tipo: tipo === null ? null : (GLPI_TYPE[tipo] ?? tipo),
    categoria: lastSegment(get(f.categoria)),
    servicio: get(f.servicio),
    urgencia: get(f.urgencia),
    impacto: get(f.impacto),
    prioridad: get(f.prioridad),
    estado: estado === null ? null : (GLPI_STATUS[estado] ?? estado),
    area_solicitante: lastSegment(get(f.area_solicitante)),
    // A location is a council when it names one (D01…D30, M001…M212); other locations are not councils.
    clave_odes: odes && /^(D\d{2}|M\d{3})$/i.test(odes) ? odes.toUpperCase() : null,
    tecnico: get(f.tecnico),
    fecha_apertura: apertura,
    fecha_asignacion: apertura && Number.isFinite(demora) && demora > 0 ? addSeconds(apertura, demora) : null,
    fecha_solucion: get(f.fecha_solucion),
    fecha_cierre: get(f.fecha_cierre),
    fecha_limite_solucion: get(f.fecha_limite_solucion),
    fecha_modificacion: get(f.fecha_modificacion),
  };
}

/** Parses `Content-Range: 0-49/1234` → {start, end, total}. */
export function parseContentRange(h: string | null): { start: number; end: number; total: number } | null {
  const m = /(\d+)\s*-\s*(\d+)\s*\/\s*(\d+)/.exec(h ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]), total: Number(m[3]) } : null;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/** GLPI answers errors as ["ERROR_CODE", "message"]. */
function errorCode(body: unknown): string {
  return Array.isArray(body) ? String(body[0] ?? '') : typeof body === 'object' && body ? String((body as Json).error ?? '') : String(body ?? '');
}

export class GlpiClient {
  private session: string | null = null;

  constructor(private cfg: GlpiConfig, private signal?: AbortSignal) {}

  private async call(path: string, headers: Record<string, string>): Promise<{ res: Response; body: unknown }> {
    const timeout = AbortSignal.timeout(this.cfg.timeoutMs);
    const signal = this.signal ? AbortSignal.any([this.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(`${this.cfg.url}/${path}`, {
        headers: { 'Content-Type': 'application/json', 'App-Token': this.cfg.appToken, ...headers },
        signal,
      });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      if (err.name === 'TimeoutError') throw new TransientError(`GLPI no respondió en ${this.cfg.timeoutMs} ms (${path.split('?')[0]})`);
      throw new TransientError(`No se pudo conectar con GLPI (${err.cause?.code ?? err.message})`);
    }
    const body = await readJson(res);
    if (res.status >= 500) throw new TransientError(`GLPI respondió ${res.status} en ${path.split('?')[0]}`);
    return { res, body };
  }

  async initSession(): Promise<string> {
    const { res, body } = await this.call('initSession', { Authorization: `user_token ${this.cfg.userToken}` });
    const token = (body as Json | null)?.session_token;
    if (res.status !== 200 || typeof token !== 'string') {
      throw new GlpiError(`GLPI rechazó el inicio de sesión (${res.status} ${errorCode(body) || 'sin detalle'}); revise ATALAYA_GLPI_APP_TOKEN y ATALAYA_GLPI_USER_TOKEN.`);
    }
    this.session = token;
    return token;
  }

  async killSession(): Promise<void> {
    if (!this.session) return;
    const token = this.session;
    this.session = null;
    await this.call('killSession', { 'Session-Token': token }).catch(() => undefined);
  }

  /**
   * GET with the session; an expired or invalid session (401 ERROR_SESSION_TOKEN_INVALID) opens a new one once
   * per request.
   */
  async get(path: string): Promise<{ res: Response; body: unknown }> {
    if (!this.session) await this.initSession();
    let out = await this.call(path, { 'Session-Token': this.session! });
    if (out.res.status === 401 && errorCode(out.body) === 'ERROR_SESSION_TOKEN_INVALID') {
      await this.initSession();
      out = await this.call(path, { 'Session-Token': this.session! });
    }
    return out;
  }
}

/** search/Ticket query string: forced columns, optional date_mod watermark, one range window, sorted by id. */
export function searchQuery(f: GlpiFields, start: number, end: number, since: string | null): string {
  const u = new URLSearchParams();
  if (since) {
    u.set('criteria[0][field]', String(f.fecha_modificacion));
    u.set('criteria[0][searchtype]', 'morethan');
    u.set('criteria[0][value]', since);
  }
  const ids = [...new Set(Object.values(f).filter((x): x is number => typeof x === 'number'))];
  ids.forEach((id, i) => u.set(`forcedisplay[${i}]`, String(id)));
  u.set('sort', String(f.id));
  u.set('order', 'ASC');
  u.set('range', `${start}-${end}`);
  return `search/Ticket?${u.toString()}`;
}

/**
 * What a read asks for: tickets modified after the watermark minus the overlap (GLPI's `morethan` is strict,
 * date_mod has one-second resolution, and the two servers' clocks may drift a little). Re-reading the overlap
 * changes nothing: the merge is by ticket id.
 */
export function sinceWithMargin(watermark: string | null, overlapS = 120): string | null {
  if (!watermark) return null;
  return addSeconds(watermark, -overlapS);
}

/** An instant as GLPI writes date_mod: Mexico City wall time, `aaaa-mm-dd hh:mm:ss`. */
export function glpiLocalTime(d: Date): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * Reads every ticket modified since the stored watermark, page by page. Errors worth retrying are TransientError
 * (the runner retries the whole read with backoff, so nothing partial is loaded).
 */
export async function* fetchGlpiTickets(ctx: RunContext): AsyncIterable<RecordBatch> {
  const cfg = glpiConfigFromEnv();
  if (!cfg) throw new GlpiError(GLPI_NOT_CONFIGURED);
  const wm = await ctx.wh.one<{ valor: string }>('SELECT valor FROM app.configuracion WHERE clave = $1', [GLPI_WATERMARK_KEY]);
  const over = await ctx.wh.one<{ valor: string }>('SELECT valor FROM app.configuracion WHERE clave = $1', [GLPI_FIELDS_KEY]);
  let fields: GlpiFields = DEFAULT_FIELDS;
  if (over) {
    try {
      fields = { ...DEFAULT_FIELDS, ...(JSON.parse(over.valor) as Partial<GlpiFields>) };
    } catch {
      throw new GlpiError(`La configuración «${GLPI_FIELDS_KEY}» no es JSON válido.`);
    }
  }
  let since: string | null = null;
  if (wm) {
    try {
      since = sinceWithMargin(JSON.parse(wm.valor) as string, cfg.overlapS);
    } catch {
      since = null;
    }
  }
  const client = new GlpiClient(cfg, ctx.signal);
  try {
    await client.initSession();
    let start = 0;
    for (;;) {
      const { res, body } = await client.get(searchQuery(fields, start, start + cfg.pageSize - 1, since));
      if (res.status === 400 && errorCode(body) === 'ERROR_RANGE_EXCEED_TOTAL') break;
      if (res.status !== 200 && res.status !== 206) {
        throw new GlpiError(`GLPI respondió ${res.status} a search/Ticket (${errorCode(body) || 'sin detalle'}).`);
      }
      const data = ((body as Json | null)?.data ?? []) as Json[] | Record<string, Json>;
      const rows = Array.isArray(data) ? data : Object.values(data);
      if (rows.length) yield rows.map((r) => mapTicket(r, fields));
      const range = parseContentRange(res.headers.get('Content-Range'));
      const total = range?.total ?? Number((body as Json | null)?.totalcount ?? 0);
      const end = range?.end ?? start + rows.length - 1;
      if (rows.length === 0 || end + 1 >= total) break;
      start = end + 1;
    }
  } finally {
    await client.killSession();
  }
}
