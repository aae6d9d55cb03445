import net from 'node:net';
import { parse as parseCookies } from 'hono/utils/cookie';

/** An address as the socket gives it, without the IPv4-mapped IPv6 prefix; null when it is not an IP. */
export function normalizeIp(s: string | undefined | null): string | null {
  if (!s) return null;
  const t = s.trim().replace(/^\[(.*)\]$/, '$1');
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(t);
  const ip = v4 ? v4[1]! : t;
  return net.isIP(ip) ? ip : null;
}

/**
 * The client's address. With `trustProxy` = 0 it is the socket's. Behind N trusted proxies
 * (ATALAYA_TRUST_PROXY=N) each proxy appends the address it received the request from to X-Forwarded-For, so the
 * N-th entry from the right is the one the outermost trusted proxy saw: anything further left was written by the
 * client and is ignored. A malformed entry there, or a shorter list, falls back to the socket's address.
 */
export function clientAddress(socket: string | undefined, xForwardedFor: string | undefined, trustProxy: number): string {
  const fromSocket = normalizeIp(socket) ?? 'local';
  if (trustProxy <= 0 || !xForwardedFor) return fromSocket;
  const hops = xForwardedFor.split(',').map((x) => x.trim()).filter(Boolean);
  if (hops.length < trustProxy) return fromSocket;
  return normalizeIp(hops[hops.length - trustProxy]) ?? fromSocket;
}

/** A session token as the server issues it (32 random bytes, base64url); anything else is no session at all. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** The session token of a Cookie header, or null (a malformed header or value reads as no session, never an error). */
export function sessionTokenOf(cookieHeader: string | undefined | null, name: string): string | null {
  if (!cookieHeader || cookieHeader.length > 16_384) return null;
  let value: string | undefined;
  try {
    value = parseCookies(cookieHeader, name)[name];
  } catch {
    return null;
  }
  return value && TOKEN_RE.test(value) ? value : null;
}
