import { describe, expect, it } from 'vitest';
import { LoginThrottle, LIMIT_ADDRESS, LIMIT_USER_ADDRESS, WINDOW_MS } from '../../src/auth/throttle.js';

const T0 = 1_700_000_000_000;

describe('login throttle', () => {
  it('reserves before the check: the 6th attempt of a user at an address is refused, whatever the others did', () => {
    const t = new LoginThrottle();
    const got = Array.from({ length: 12 }, () => t.reserve('ana', '198.51.100.7', T0));
    expect(got.filter((r) => r.ok)).toHaveLength(LIMIT_USER_ADDRESS);
    expect(got.slice(5).every((r) => !r.ok && r.retryAfter === WINDOW_MS / 1000)).toBe(true);
    expect(got.filter((r) => r.ok && r.last)).toHaveLength(1);
  });

  it('a lockout at one address does not lock the user at another', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 5; i++) t.reserve('ana', '198.51.100.7', T0);
    expect(t.reserve('ana', '198.51.100.7', T0).ok).toBe(false);
    expect(t.reserve('ana', '203.0.113.9', T0).ok).toBe(true);
  });

  it('limits an address that sprays many users, and lets it try again once the window has passed', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < LIMIT_ADDRESS; i++) expect(t.reserve(`u${i}`, '198.51.100.7', T0 + i).ok).toBe(true);
    const r = t.reserve('otro', '198.51.100.7', T0 + 100);
    expect(r.ok).toBe(false);
    // The oldest failure leaves the window first.
    expect(!r.ok && r.retryAfter).toBe(Math.ceil((WINDOW_MS - 100) / 1000));
    expect(t.reserve('otro', '198.51.100.7', T0 + WINDOW_MS).ok).toBe(true);
  });

  it('a success gives its reservation back and clears the user-and-address count, not the address count', () => {
    const t = new LoginThrottle({ userAddress: 5, address: 6, windowMs: WINDOW_MS });
    for (let i = 0; i < 4; i++) t.reserve('ana', 'a', T0);
    const ok = t.reserve('ana', 'a', T0);
    if (!ok.ok) throw new Error('reservada');
    t.succeeded(ok);
    // ana starts over at «a»; the address keeps its 4 failures (the success is not one): 2 more reach 6.
    expect(t.reserve('ana', 'a', T0).ok).toBe(true);
    expect(t.reserve('luis', 'a', T0).ok).toBe(true);
    expect(t.reserve('maria', 'a', T0).ok).toBe(false);
  });
});
