import type { MiddlewareHandler } from 'hono';

/** Features no page of Atalaya uses: denied to every frame, ours included. */
const PERMISSIONS_POLICY = [
  'accelerometer=()', 'autoplay=()', 'camera=()', 'display-capture=()', 'encrypted-media=()', 'fullscreen=(self)', 'geolocation=()',
  'gyroscope=()', 'hid=()', 'magnetometer=()', 'microphone=()', 'midi=()', 'payment=()', 'publickey-credentials-get=()',
  'screen-wake-lock=()', 'serial=()', 'usb=()', 'xr-spatial-tracking=()',
].join(', ');

/** What an API answer (JSON, CSV, a file) may do if a browser opens it as a page: nothing. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A printable HTML page the API serves (the evaluation report): its inline styles, no scripts, no requests. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Headers every response carries, API and dashboard alike (the dashboard's pages add their own CSP with the
 * script hashes and nonces SvelteKit computes). HSTS only when the public URL is https: over plain http a browser
 * ignores it, and a test server must not pin itself.
 */
export function securityHeaders(https: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (https) h['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return h;
}

/** The API's headers: the common ones and a CSP that lets an answer run nothing (a route may set a looser one). */
export function apiHeaders(https: boolean): MiddlewareHandler {
  const common = Object.entries(securityHeaders(https));
  return async (c, next) => {
    await next();
    for (const [k, v] of common) c.res.headers.set(k, v);
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', API_CSP);
  };
}
