import type nodemailer from 'nodemailer';
import { loadNodemailer } from '../../../core/lazy-libs.js';
import type { AlertsConfig } from '../config.js';
import { DeliveryError } from './errors.js';
import type { OutgoingMail } from './index.js';

const NOT_CONFIGURED = 'El correo no está configurado: defina ATALAYA_SMTP_URL (smtp://usuario:clave@host:puerto o smtps://…) y ATALAYA_SMTP_REMITENTE.';

/** The Spanish reason of an SMTP failure (nodemailer error codes). */
export function smtpReason(e: unknown, server: string): string {
  const err = e as Error & { code?: string; response?: string; responseCode?: number };
  const answer = err.response ? `: ${err.response.split('\n')[0]}` : '';
  switch (err.code) {
    case 'ECONNECTION':
    case 'ESOCKET':
      return `No se pudo conectar con el servidor de correo ${server}${/ECONNREFUSED/.test(err.message) ? ' (rechazó la conexión)' : ''}.`;
    case 'EDNS':
      return `No se encontró el servidor de correo ${server}.`;
    case 'ETIMEDOUT':
      return `El servidor de correo ${server} no respondió a tiempo.`;
    case 'ETLS':
      return `Falló la conexión cifrada (TLS) con el servidor de correo ${server}.`;
    case 'EAUTH':
    case 'ENOAUTH':
      return `El servidor de correo ${server} rechazó el usuario o la clave de ATALAYA_SMTP_URL${answer}.`;
    case 'EENVELOPE':
      return `El servidor de correo rechazó el remitente o el destinatario${answer || `: ${err.message}`}.`;
    case 'EMESSAGE':
      return `El servidor de correo rechazó el mensaje${answer}.`;
    default:
      return `El envío de correo falló${answer || `: ${err.message?.split('\n')[0] ?? ''}`}.`;
  }
}

function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return u.host;
  } catch {
    return '(dirección no válida)';
  }
}

/** Sends through the SMTP server of ATALAYA_SMTP_URL; one transporter per process, a connection per message. */
export function mailSender(cfg: Pick<AlertsConfig, 'smtpUrl' | 'remitente' | 'timeoutMs'>): (m: OutgoingMail) => Promise<void> {
  let transporter: ReturnType<typeof nodemailer.createTransport> | null = null;
  return async (m) => {
    if (!cfg.smtpUrl || !cfg.remitente) throw new DeliveryError(NOT_CONFIGURED);
    transporter ??= (await loadNodemailer()).createTransport({
      url: cfg.smtpUrl,
      connectionTimeout: cfg.timeoutMs,
      greetingTimeout: cfg.timeoutMs,
      socketTimeout: cfg.timeoutMs,
    });
    try {
      await transporter.sendMail({ from: cfg.remitente, to: m.para, subject: m.asunto, text: m.texto, html: m.html });
    } catch (e) {
      throw new DeliveryError(smtpReason(e, serverOf(cfg.smtpUrl)));
    }
  };
}
