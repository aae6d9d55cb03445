import type { MiddlewareHandler } from 'hono';
import { withRequestContext } from '../../../audit/context.js';
import { clientAddress } from '../../input/client.js';
import type { Env } from '../../context.js';

/** The socket's remote address under @hono/node-server; none for in-process requests (tests). */
function socketAddress(env: unknown): string | undefined {
  const e = env as { incoming?: { socket?: { remoteAddress?: string } }; server?: { incoming?: { socket?: { remoteAddress?: string } } } } | undefined;
  return (e?.server ?? e)?.incoming?.socket?.remoteAddress;
}

/**
 * Resolves the client's address once (socket, or X-Forwarded-For behind ATALAYA_TRUST_PROXY proxies) and runs the
 * rest of the request inside its context, so audit rows written below carry it.
 */
export const requestContext: MiddlewareHandler<Env> = async (c, next) => {
  const { config } = c.get('ctx');
  const direccion = clientAddress(socketAddress(c.env), c.req.header('x-forwarded-for'), config.trustProxy);
  c.set('direccion', direccion);
  await withRequestContext({ direccion }, () => next());
};
