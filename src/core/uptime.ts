/**
 * What the uptime probes, the pipeline that rolls their checks up, and the service catalogue share (DESIGN.md §3
 * Uptime): accepted status codes, latency histogram bins, and what a valid catalogue entry is.
 */
import { HttpError } from './errors.js';

/** Parses codigos_ok ("200-399", "200,204,300-302") into inclusive ranges; null when malformed. */
export function parseCodigos(spec: string): Array<[number, number]> | null {
  const out: Array<[number, number]> = [];
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d{3})(?:\s*[-–]\s*(\d{3}))?$/.exec(part);
    if (!m) return null;
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    if (lo < 100 || hi > 599 || hi < lo) return null;
    out.push([lo, hi]);
  }
  return out.length ? out : null;
}

export function codigoOk(code: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([lo, hi]) => code >= lo && code <= hi);
}

/** Latency histogram bins: bin = floor(ln(ms) / ln(1.1)); a bin's representative value is 1.1^(bin + 0.5) ms (±5 %). */
export const LAT_BASE = 1.1;
export const binOf = (ms: number): number => Math.floor(Math.log(Math.max(ms, 1)) / Math.log(LAT_BASE));
export const binValue = (bin: number): number => Math.round(LAT_BASE ** (bin + 0.5));

/** A catalogue entry as stored (core.servicios). */
export interface Servicio {
  id: string;
  nombre: string;
  /** `latido`: a heartbeat — up while something calls /api/publico/latido/<destino> at least every intervalo_s. */
  tipo: 'http' | 'tcp' | 'latido';
  destino: string;
  intervalo_s: number;
  timeout_ms: number;
  palabra_clave: string | null;
  codigos_ok: string;
  criticidad: 'alta' | 'media' | 'baja';
  publico: boolean;
  activo: boolean;
}

/** Invalid input, with the HTTP status the API answers. */
export class CatalogError extends HttpError {
  constructor(status: 400 | 404 | 409, message: string) {
    super(status, message);
  }
}

function bool(v: unknown, campo: string): boolean {
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (['si', 'sí', '1', 'true'].includes(s)) return true;
  if (['no', '0', 'false'].includes(s)) return false;
  throw new CatalogError(400, `«${campo}» debe ser sí o no.`);
}

function int(v: unknown, campo: string, lo: number, hi: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new CatalogError(400, `«${campo}» debe ser un entero entre ${lo} y ${hi}.`);
  return n;
}

/** A random secret for a heartbeat's URL (24 bytes, base64url). */
export function claveLatido(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Validates the whole entry (after merging a patch), returning a clean copy. */
export function validateServicio(x: Record<string, unknown>): Servicio {
  const id = String(x.id ?? '').trim();
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) throw new CatalogError(400, 'El id debe tener minúsculas, dígitos, guiones o guiones bajos (hasta 64).');
  const nombre = String(x.nombre ?? '').trim();
  if (!nombre) throw new CatalogError(400, 'Falta el nombre del servicio.');
  const tipo = String(x.tipo ?? 'http').trim().toLowerCase();
  if (tipo !== 'http' && tipo !== 'tcp' && tipo !== 'latido') throw new CatalogError(400, 'El tipo debe ser http, tcp o latido.');
  // A heartbeat's destino is the secret of its URL: generated when not given.
  const destino = String(x.destino ?? '').trim() || (tipo === 'latido' ? claveLatido() : '');
  if (tipo === 'latido' && !/^[A-Za-z0-9_-]{16,100}$/.test(destino)) throw new CatalogError(400, 'La clave de un latido debe tener de 16 a 100 letras, dígitos, guiones o guiones bajos (o déjela vacía para generarla).');
  if (!destino) throw new CatalogError(400, 'Falta el destino (URL o host:puerto).');
  if (tipo === 'http' && !/^(https?:\/\/|\{local\})/i.test(destino)) throw new CatalogError(400, 'El destino de un servicio http debe ser una URL http:// o https://.');
  if (tipo === 'tcp' && !/^(\{local\}|\[?[\w.:-]+\]?:\d{1,5})$/.test(destino)) throw new CatalogError(400, 'El destino de un servicio tcp debe ser host:puerto.');
  const codigos_ok = String(x.codigos_ok ?? '200-399').trim() || '200-399';
  if (!parseCodigos(codigos_ok)) throw new CatalogError(400, 'Los códigos aceptados deben ser como 200-399 o 200,204,301-302.');
  const criticidad = String(x.criticidad ?? 'media').trim().toLowerCase();
  if (!['alta', 'media', 'baja'].includes(criticidad)) throw new CatalogError(400, 'La criticidad debe ser alta, media o baja.');
  const pk = x.palabra_clave === null || x.palabra_clave === undefined ? '' : String(x.palabra_clave).trim();
  return {
    id, nombre, tipo: tipo as Servicio['tipo'], destino,
    intervalo_s: int(x.intervalo_s ?? 60, 'intervalo_s', 10, 86_400),
    timeout_ms: int(x.timeout_ms ?? 10_000, 'timeout_ms', 100, 120_000),
    palabra_clave: pk || null,
    codigos_ok,
    criticidad: criticidad as Servicio['criticidad'],
    publico: bool(x.publico ?? false, 'publico'),
    activo: bool(x.activo ?? true, 'activo'),
  };
}

