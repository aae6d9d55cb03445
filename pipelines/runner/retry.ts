import { TransientError } from './types.js';

export interface RetryOptions {
  retries: number;
  baseMs: number;
  onRetry?: (attempt: number, error: Error, waitMs: number) => void;
}

const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EAI_AGAIN', 'EBUSY', 'EAGAIN', 'EPIPE', 'UND_ERR_SOCKET']);

export function isTransient(e: unknown): boolean {
  if (e instanceof TransientError) return true;
  const err = e as { code?: string; name?: string; cause?: { code?: string } };
  return TRANSIENT_CODES.has(err?.code ?? '') || TRANSIENT_CODES.has(err?.cause?.code ?? '') || err?.name === 'TimeoutError';
}

/** Runs fn, retrying transient errors with exponential backoff (base, 2×base, 4×base …). */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (attempt >= opts.retries || !isTransient(e)) throw e;
      const wait = opts.baseMs * 2 ** attempt;
      opts.onRetry?.(attempt + 1, e as Error, wait);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
