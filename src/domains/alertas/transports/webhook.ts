import { createHmac } from 'node:crypto';
import type { AlertsConfig } from '../config.js';
import { DeliveryError } from './errors.js';

/** `sha256=<hex HMAC-SHA256 of the exact body>`: the X-Atalaya-Firma header a receiver checks with the shared secret. */
export function signature(body: string, secreto: string): string {
  return `sha256=${createHmac('sha256', secreto).update(body, 'utf8').digest('hex')}`;
}

const NET_REASON: Record<string, string> = {
  ECONNREFUSED: 'rechazó la conexión',
  ENOTFOUND: 'no se encontró el nombre del servidor',
  EAI_AGAIN: 'no se pudo resolver el nombre del servidor',
  ECONNRESET: 'cortó la conexión',
  EHOSTUNREACH: 'no se puede alcanzar el servidor',
  ENETUNREACH: 'no hay ruta de red al servidor',
  CERT_HAS_EXPIRED: 'su certificado TLS venció',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'su certificado TLS es autofirmado',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'su certificado TLS no se pudo verificar',
};

/** One JSON POST; any 2xx answer is a delivery, anything else (redirects included) a failure with its reason. */
export function webhookPoster(cfg: Pick<AlertsConfig, 'timeoutMs'>): (url: string, body: string, secreto: string | null) => Promise<void> {
  return async (url, body, secreto) => {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Atalaya (avisos de alertas)' };
    if (secreto) headers['x-atalaya-firma'] = signature(body, secreto);
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(cfg.timeoutMs) });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        throw new DeliveryError(`El webhook no respondió en ${Math.round(cfg.timeoutMs / 1000)} s.`);
      }
      const code = err.cause?.code ?? '';
      const host = safeHost(url);
      throw new DeliveryError(`No se pudo entregar el webhook a ${host}: ${NET_REASON[code] ?? (code || err.message)}.`);
    }
    // The answer's body is not needed; drain it so the connection is released.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status < 200 || res.status > 299) {
      throw new DeliveryError(`El webhook respondió ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${res.status >= 300 && res.status < 400 ? ' (una redirección: configure la dirección final)' : ''}.`);
    }
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'la dirección configurada';
  }
}
