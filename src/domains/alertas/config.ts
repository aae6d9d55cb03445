/**
 * Alert delivery settings (environment, read by the wiring at start):
 * - ATALAYA_SMTP_URL: `smtp://usuario:clave@host:puerto` (STARTTLS when the server offers it) or `smtps://…`
 *   (TLS from the start). Without it, e-mail channels report that e-mail is not configured.
 * - ATALAYA_SMTP_REMITENTE: the From address of every notice (required with ATALAYA_SMTP_URL).
 * - ATALAYA_PUBLIC_URL (Config.publicUrl): the base of the links in notices.
 */
export interface AlertsConfig {
  smtpUrl: string | null;
  remitente: string | null;
  publicUrl: string;
  /** How long a webhook or SMTP exchange may take before it counts as failed (ms). */
  timeoutMs: number;
}

export function alertsConfig(publicUrl: string, env: NodeJS.ProcessEnv = process.env): AlertsConfig {
  const url = env.ATALAYA_SMTP_URL?.trim() || null;
  if (url && !/^smtps?:\/\//i.test(url)) {
    throw new Error(`ATALAYA_SMTP_URL=«${url.replace(/\/\/[^@/]*@/, '//…@')}» no es válido: debe empezar con smtp:// o smtps://.`);
  }
  return {
    smtpUrl: url,
    remitente: env.ATALAYA_SMTP_REMITENTE?.trim() || null,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    timeoutMs: 15_000,
  };
}
