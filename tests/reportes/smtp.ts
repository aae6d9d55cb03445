import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the test SMTP server received it, with its attachments. */
export interface CorreoRecibido {
  para: string[];
  asunto: string;
  texto: string;
  adjuntos: Array<{ nombre: string; tipo: string; contenido: Buffer }>;
}

/**
 * A real SMTP server in the test process (smtp-server) that keeps the parsed messages with their attachments
 * (tests/alertas/helpers.ts keeps text and HTML only). `rechazar(n)` makes it refuse the next n messages with a
 * temporary error (451), as a relay that is overloaded would.
 */
export async function servidorSmtp(): Promise<{ url: string; correos: CorreoRecibido[]; rechazar: (n: number) => void; close: () => Promise<void> }> {
  const correos: CorreoRecibido[] = [];
  let rechazos = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _s, cb) {
      if (auth.username === 'atalaya' && auth.password === 'clave-smtp') cb(null, { user: auth.username });
      else cb(new Error('Credenciales no válidas'));
    },
    onData(stream, session, cb) {
      simpleParser(stream).then((m) => {
        if (rechazos > 0) {
          rechazos--;
          const e = new Error('Servidor ocupado, intente más tarde') as Error & { responseCode: number };
          e.responseCode = 451;
          return cb(e);
        }
        correos.push({
          para: session.envelope.rcptTo.map((r) => r.address), asunto: m.subject ?? '', texto: m.text ?? '',
          adjuntos: m.attachments.map((a) => ({ nombre: a.filename ?? '', tipo: a.contentType, contenido: a.content })),
        });
        cb();
      }, (e: Error) => cb(e));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://atalaya:clave-smtp@127.0.0.1:${port}`,
    correos,
    rechazar: (n) => (rechazos = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
