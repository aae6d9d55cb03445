import { AsyncLocalStorage } from 'node:async_hooks';

/** What the audit log records about the request a change came from. */
export interface RequestContext {
  direccion: string | null;
}

const store = new AsyncLocalStorage<RequestContext>();

/** Runs fn (a request's handling) with its context, so an audit row written anywhere below carries its address. */
export function withRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return store.run(ctx, fn);
}

/** The client address of the request being handled, or null outside a request (scheduler, CLI). */
export function currentAddress(): string | null {
  return store.getStore()?.direccion ?? null;
}
