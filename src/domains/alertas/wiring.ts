import type { AppContext } from '../../api/context.js';
import { alertsConfig } from './config.js';
import { createTransports, type Transports } from './transports/index.js';

/**
 * One set of transports per running server (the routes' «Probar» and the background service share them), made
 * from the environment (ATALAYA_SMTP_URL, ATALAYA_SMTP_REMITENTE) and the server's public URL. An invalid
 * ATALAYA_SMTP_URL is reported once and leaves e-mail unconfigured (channels say so when tested).
 */
const made = new WeakMap<AppContext, Transports>();

export function transportsOf(ctx: AppContext, env: NodeJS.ProcessEnv = process.env): Transports {
  let t = made.get(ctx);
  if (!t) {
    let cfg;
    try {
      cfg = alertsConfig(ctx.config.publicUrl, env);
    } catch (e) {
      console.error(`[alertas] ${(e as Error).message} El correo queda desactivado.`);
      cfg = alertsConfig(ctx.config.publicUrl, {});
    }
    t = createTransports(cfg);
    made.set(ctx, t);
  }
  return t;
}

/** The base of the links in notices: ATALAYA_PUBLIC_URL, or the server's own address. */
export const publicUrlOf = (ctx: AppContext): string => ctx.config.publicUrl.replace(/\/+$/, '');
