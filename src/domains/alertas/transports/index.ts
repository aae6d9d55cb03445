import type { AlertsConfig } from '../config.js';
import { mailSender } from './mail.js';
import { webhookPoster } from './webhook.js';

export { DeliveryError, reasonOf } from './errors.js';

/** A message ready to go by e-mail. */
export interface OutgoingMail {
  /** One address, or several separated by commas. */
  para: string;
  asunto: string;
  texto: string;
  html: string;
}

/**
 * How notices leave the process. Each call resolves once the other end accepted the message and rejects with a
 * DeliveryError whose message is the Spanish reason (shown in the delivery log and by «Probar»).
 */
export interface Transports {
  sendMail: (m: OutgoingMail) => Promise<void>;
  postWebhook: (url: string, body: string, secreto: string | null) => Promise<void>;
}

export function createTransports(cfg: AlertsConfig): Transports {
  return { sendMail: mailSender(cfg), postWebhook: webhookPoster(cfg) };
}
