import type http from 'node:http';

/**
 * A request whose handler threw: logged, answered 500 (when nothing was sent yet) or cut off (when a response had
 * started), and the process goes on serving everyone else.
 */
export function failRequest(req: http.IncomingMessage, res: http.ServerResponse, e: unknown): void {
  console.error(`[servidor] ${req.method} ${(req.url ?? '').slice(0, 200)}:`, e);
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
