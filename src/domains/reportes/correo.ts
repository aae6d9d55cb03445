import { loadNodemailer } from '../../core/lazy-libs.js';

/**
 * E-mail with attachments for scheduled reports. The alerts' sender (src/domains/alertas) sends text and HTML only
 * and a domain does not import another's internals, so this small adapter uses the same settings:
 * ATALAYA_SMTP_URL (smtp://usuario:clave@host:puerto or smtps://…) and ATALAYA_SMTP_REMITENTE, read at each send.
 */
export interface CorreoReporte {
  para: string;
  asunto: string;
  texto: string;
  adjunto: { nombre: string; contenido: Buffer; tipo: string };
}

export type EnviarCorreo = (m: CorreoReporte) => Promise<void>;

/** A failed send; its message is the Spanish reason shown in the delivery log. */
export class CorreoError extends Error {}

const TIMEOUT_MS = 30_000;

function razon(e: unknown, servidor: string): string {
  const err = e as Error & { code?: string; response?: string };
  const respuesta = err.response ? `: ${err.response.split('\n')[0]}` : '';
  switch (err.code) {
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
      return `No se pudo conectar con el servidor de correo ${servidor}.`;
    case 'ETIMEDOUT':
      return `El servidor de correo ${servidor} no respondió a tiempo.`;
    case 'EAUTH':
      return `El servidor de correo ${servidor} rechazó el usuario o la clave de ATALAYA_SMTP_URL${respuesta}.`;
    case 'EENVELOPE':
      return `El servidor de correo rechazó el remitente o el destinatario${respuesta}.`;
    default:
      return `El envío de correo falló${respuesta || `: ${String(err.message ?? e).split('\n')[0]}`}.`;
  }
}

/** Sends through the server of ATALAYA_SMTP_URL (a connection per message: reports are few). */
export function correoSmtp(env: NodeJS.ProcessEnv = process.env): EnviarCorreo {
  return async (m) => {
    const url = env.ATALAYA_SMTP_URL?.trim();
    const de = env.ATALAYA_SMTP_REMITENTE?.trim();
    if (!url || !de || !/^smtps?:\/\//i.test(url)) {
      throw new CorreoError('El correo no está configurado: defina ATALAYA_SMTP_URL (smtp://usuario:clave@host:puerto o smtps://…) y ATALAYA_SMTP_REMITENTE.');
    }
    const servidor = (() => {
      try {
        return new URL(url).host;
      } catch {
        return '(dirección no válida)';
      }
    })();
    const t = (await loadNodemailer()).createTransport({ url, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
    try {
      await t.sendMail({
        from: de, to: m.para, subject: m.asunto, text: m.texto,
        attachments: [{ filename: m.adjunto.nombre, content: m.adjunto.contenido, contentType: m.adjunto.tipo }],
      });
    } catch (e) {
      throw new CorreoError(razon(e, servidor));
    } finally {
      t.close();
    }
  };
}
