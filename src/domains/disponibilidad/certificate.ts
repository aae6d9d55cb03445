import tls from 'node:tls';

/**
 * The expiry of the TLS certificate an HTTPS service presents (ms since epoch), or null when it cannot be read.
 * fetch() does not expose the peer certificate, so a separate TLS handshake reads it — at most once per `everyMs`
 * (default 6 h) per host and port: a certificate changes rarely, and a handshake per check would double the cost.
 * Verification is off for this handshake only: an expired or self-signed certificate must still be read (the
 * check itself, with verification, reports it as an error).
 */
const cache = new Map<string, { at: number; vence: number | null }>();

export async function certificateExpiry(url: string, timeoutMs: number, now = Date.now(), everyMs = 6 * 3_600_000): Promise<number | null | undefined> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:') return undefined;
  const port = Number(u.port || 443);
  const key = `${u.hostname}:${port}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < everyMs) return hit.vence;
  const vence = await new Promise<number | null>((resolve) => {
    const sock = tls.connect({ host: u.hostname, port, servername: u.hostname.match(/^[\d.]+$|:/) ? undefined : u.hostname, rejectUnauthorized: false });
    const done = (v: number | null): void => {
      clearTimeout(timer);
      sock.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    sock.once('secureConnect', () => {
      const t = Date.parse(sock.getPeerCertificate()?.valid_to ?? '');
      done(Number.isNaN(t) ? null : t);
    });
    sock.once('error', () => done(null));
  });
  cache.set(key, { at: now, vence });
  return vence;
}
