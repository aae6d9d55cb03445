import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/** A mail as the test SMTP server received it: envelope recipients and the parsed message. */
export interface ReceivedMail {
  para: string[];
  de: string;
  asunto: string;
  texto: string;
  html: string;
}

/**
 * A real SMTP server in the test process (smtp-server), with AUTH (user «atalaya», password «clave-smtp») over a
 * plain connection, as an institution's relay on the local network would be. Messages are parsed with mailparser.
 */
export async function startSmtp(): Promise<{ url: string; port: number; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'atalaya' && auth.password === 'clave-smtp') cb(null, { user: auth.username });
      else cb(new Error('Credenciales no válidas'));
    },
    onData(stream, session, cb) {
      simpleParser(stream).then(
        (m) => {
          mails.push({
            para: session.envelope.rcptTo.map((r) => r.address),
            de: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            asunto: m.subject ?? '',
            texto: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
          });
          cb();
        },
        (e: Error) => cb(e),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://atalaya:clave-smtp@127.0.0.1:${port}`,
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedHook {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The raw body, exactly as sent (the HMAC is over these bytes). */
  raw: string;
  json: Record<string, unknown> & { evento: string; texto: string; alerta: Record<string, unknown> | null; eventos: Array<Record<string, unknown>> };
}

/** A real HTTP receiver for webhooks; `status` is what it answers (change it to make deliveries fail). */
export async function startReceiver(): Promise<{ url: string; hooks: ReceivedHook[]; answer: { status: number }; close: () => Promise<void> }> {
  const hooks: ReceivedHook[] = [];
  const answer = { status: 200 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      hooks.push({ path: req.url ?? '', headers: req.headers, raw, json: JSON.parse(raw) as ReceivedHook['json'] });
      res.writeHead(answer.status, { 'content-type': 'text/plain' });
      res.end(answer.status === 200 ? 'ok' : 'error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/aviso`,
    hooks,
    answer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, read, released). */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export const MIN = 60_000;
export const HOUR = 3_600_000;
