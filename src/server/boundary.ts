import type http from 'node:http';
import { errorFields, logEvent } from '../core/log.js';

/**
 * A request whose handler threw: logged, answered 500 (when nothing was sent yet) or cut off (when a response had
 * started), and the process goes on serving everyone else.
 */
export function failRequest(req: http.IncomingMessage, res: http.ServerResponse, e: unknown): void {
  logEvent('error', { origen: 'servidor', metodo: req.method, ruta_real: (req.url ?? '').slice(0, 200), ...errorFields(e) }, 'error');
  try {
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ error: 'Error interno del servidor. El detalle quedó en el registro del servidor.' }));
    } else res.destroy();
  } catch {
    res.destroy();
  }
}

/** A request listener whose handler may throw or reject: each failure is that request's alone (failRequest). */
export function guarded(handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>): http.RequestListener {
  return (req, res) => {
    let p: Promise<void>;
    try {
      p = handle(req, res);
    } catch (e) {
      failRequest(req, res, e);
      return;
    }
    p.catch((e: unknown) => failRequest(req, res, e));
  };
}

/** True when the path of a request target decodes (a malformed %-sequence does not). */
export function decodablePath(url: string): boolean {
  const q = url.indexOf('?');
  try {
    decodeURIComponent(q < 0 ? url : url.slice(0, q));
    return true;
  } catch {
    return false;
  }
}

let logging = false;
/**
 * The last net: a promise rejected inside a library (the dashboard's renderer, a driver) with nobody to catch it
 * would end the process — every user's, for one request. It is logged instead; the request's own boundary has
 * already answered or will time out.
 */
export function logStrayRejections(): void {
  if (logging) return;
  logging = true;
  process.on('unhandledRejection', (e) => logEvent('error', { origen: 'servidor', mensaje: 'promesa rechazada sin manejar', ...errorFields(e) }, 'error'));
}
