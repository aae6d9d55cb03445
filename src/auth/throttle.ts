/**
 * Login throttling. Each attempt reserves a failure *before* its password is checked — synchronously, so
 * concurrent attempts cannot all read the same count — against two limits over a 15-minute window: 5 per user
 * and address (guessing one account), 20 per address (spraying many). A success gives its reservation back and
 * clears the user-and-address count. A lockout at one address does not lock the user out at another.
 */
export const WINDOW_MS = 15 * 60_000;
export const LIMIT_USER_ADDRESS = 5;
export const LIMIT_ADDRESS = 20;

export type Reservation =
  | { ok: true; keys: [string, string]; at: number; /** this attempt used the last free one: if it fails, a lockout begins */ last: boolean }
  | { ok: false; retryAfter: number };

export class LoginThrottle {
  private attempts = new Map<string, number[]>();

  constructor(private readonly limits = { userAddress: LIMIT_USER_ADDRESS, address: LIMIT_ADDRESS, windowMs: WINDOW_MS }) {}

  private recent(key: string, now: number): number[] {
    const xs = (this.attempts.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
    if (xs.length) this.attempts.set(key, xs);
    else this.attempts.delete(key);
    return xs;
  }

  /** Reserves one failed attempt for `usuario` at `address`, or says how many seconds to wait. */
  reserve(usuario: string, address: string, now = Date.now()): Reservation {
    if (this.attempts.size > 50_000) for (const k of [...this.attempts.keys()]) this.recent(k, now);
    const ua = `u:${usuario}\u0000${address}`;
    const a = `a:${address}`;
    const xsUa = this.recent(ua, now);
    const xsA = this.recent(a, now);
    const blocked: number[] = [];
    if (xsUa.length >= this.limits.userAddress) blocked.push(xsUa[xsUa.length - this.limits.userAddress]!);
    if (xsA.length >= this.limits.address) blocked.push(xsA[xsA.length - this.limits.address]!);
    if (blocked.length) {
      return { ok: false, retryAfter: Math.max(1, Math.ceil((Math.max(...blocked) + this.limits.windowMs - now) / 1000)) };
    }
    this.attempts.set(ua, [...xsUa, now]);
    this.attempts.set(a, [...xsA, now]);
    const last = xsUa.length + 1 === this.limits.userAddress || xsA.length + 1 === this.limits.address;
    return { ok: true, keys: [ua, a], at: now, last };
  }

  /** The password was right: the attempt was no failure; the user's count at this address starts over. */
  succeeded(r: Extract<Reservation, { ok: true }>): void {
    this.attempts.delete(r.keys[0]);
    const xs = this.attempts.get(r.keys[1]);
    const i = xs?.indexOf(r.at) ?? -1;
    if (xs && i >= 0) xs.splice(i, 1);
  }
}
