import net from 'node:net';
import { certificateExpiry } from './certificate.js';
import { codigoOk, parseCodigos, type Servicio } from '../../core/uptime.js';

/** What the engine needs of a catalogue entry. */
export type ServiceDef = Pick<Servicio, 'id' | 'nombre' | 'tipo' | 'destino' | 'intervalo_s' | 'timeout_ms' | 'palabra_clave' | 'codigos_ok'>;

export interface ProbeResult {
  ok: boolean;
  latencia_ms: number | null;
  codigo: number | null;
  error: string | null;
  /** HTTPS: the expiry of the certificate seen (ms since epoch); null unreadable; absent when not looked at. */
  certificado_vence?: number | null;
}

export type Probe = (s: ServiceDef, signal: AbortSignal) => Promise<ProbeResult>;

/**
 * Destinations may name the server itself with `{local}` (the demo catalogue does): resolved at probe time to the
 * public URL the server got after listen (http) or to its host:port (tcp).
 */
export function resolveDestino(destino: string, tipo: 'http' | 'tcp' | 'latido', publicUrl: string): string {
  if (!destino.includes('{local}')) return destino;
  if (tipo === 'http') return destino.replace('{local}', publicUrl.replace(/\/$/, ''));
  const u = new URL(publicUrl);
  return destino.replace('{local}', `${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`);
}

const TLS_CODES = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_SSL/i;

/** A Spanish, URL-free description of a network error (stored for UTSI; never shown on the public page). */
export function describeError(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string; name?: string } };
  const code = err?.cause?.code ?? err?.code ?? '';
  if (err?.name === 'TimeoutError' || err?.cause?.name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return `Tiempo de espera agotado (${timeoutMs} ms)`;
  }
  if (err?.name === 'AbortError') return 'Verificación cancelada';
  if (TLS_CODES.test(code) || TLS_CODES.test(err?.cause?.message ?? '')) return `Error de TLS/certificado: ${code || err?.cause?.message}`;
  switch (code) {
    case 'ECONNREFUSED': return 'Conexión rechazada';
    case 'ECONNRESET': case 'UND_ERR_SOCKET': return 'La conexión se cerró inesperadamente';
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'No se pudo resolver el nombre del servidor';
    case 'EHOSTUNREACH': case 'ENETUNREACH': return 'Servidor inalcanzable';
    default: return `Error de red${code ? ` (${code})` : ''}: ${err?.cause?.message ?? err?.message ?? String(e)}`;
  }
}

export async function probeHttp(s: ServiceDef, url: string, outer: AbortSignal): Promise<ProbeResult> {
  const ranges = parseCodigos(s.codigos_ok) ?? [[200, 399]];
  const signal = AbortSignal.any([outer, AbortSignal.timeout(s.timeout_ms)]);
  const t0 = performance.now();
  try {
    const res = await fetch(url, { signal, redirect: 'follow', headers: { 'user-agent': 'Atalaya-monitor/1 (OPLE Veracruz)' } });
    let body: string | null = null;
    if (s.palabra_clave) body = await res.text();
    else await res.body?.cancel().catch(() => undefined);
    const latencia_ms = Math.round((performance.now() - t0) * 10) / 10;
    if (!codigoOk(res.status, ranges)) return { ok: false, latencia_ms, codigo: res.status, error: `Código HTTP ${res.status} fuera de ${s.codigos_ok}` };
    if (s.palabra_clave && !(body ?? '').includes(s.palabra_clave)) {
      return { ok: false, latencia_ms, codigo: res.status, error: `La respuesta no contiene la palabra clave «${s.palabra_clave}»` };
    }
    return { ok: true, latencia_ms, codigo: res.status, error: null };
  } catch (e) {
    return { ok: false, latencia_ms: null, codigo: null, error: describeError(e, s.timeout_ms) };
  }
}

export function probeTcp(s: ServiceDef, hostPort: string, outer: AbortSignal): Promise<ProbeResult> {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(hostPort.replace(/^tcp:\/\//, ''));
  if (!m) return Promise.resolve({ ok: false, latencia_ms: null, codigo: null, error: 'Destino TCP inválido (se espera host:puerto)' });
  return new Promise((resolve) => {
    const t0 = performance.now();
    const sock = net.connect({ host: m[1], port: Number(m[2]) });
    let done = false;
    const finish = (r: ProbeResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      outer.removeEventListener('abort', onAbort);
      sock.destroy();
      resolve(r);
    };
    const onAbort = (): void => finish({ ok: false, latencia_ms: null, codigo: null, error: 'Verificación cancelada' });
    const timer = setTimeout(() => finish({ ok: false, latencia_ms: null, codigo: null, error: `Tiempo de espera agotado (${s.timeout_ms} ms)` }), s.timeout_ms);
    outer.addEventListener('abort', onAbort);
    sock.once('connect', () => finish({ ok: true, latencia_ms: Math.round((performance.now() - t0) * 10) / 10, codigo: null, error: null }));
    sock.once('error', (e) => finish({ ok: false, latencia_ms: null, codigo: null, error: describeError(e, s.timeout_ms) }));
  });
}

/** The real probe: HTTP(S) request or TCP connect, with `{local}` resolved against the server's URL. */
export function realProbe(publicUrl: () => string): Probe {
  return (s, signal) => {
    const dest = resolveDestino(s.destino, s.tipo, publicUrl());
    if (s.tipo === 'tcp') return probeTcp(s, dest, signal);
    return Promise.all([probeHttp(s, dest, signal), certificateExpiry(dest, s.timeout_ms)]).then(([r, vence]) =>
      vence === undefined ? r : { ...r, certificado_vence: vence });
  };
}
