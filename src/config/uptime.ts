/**
 * Uptime settings (environment, read when used):
 * - ATALAYA_UPTIME=0 turns the probe engine off (the catalogue, rollups and pages keep working).
 * - ATALAYA_UPTIME_RETENCION_DIAS (30): days of raw checks kept; older ones live on in the rollups.
 * - ATALAYA_UPTIME_MINUTOS_DIAS (7): days of minute rollups kept (hour and day rollups are kept for years).
 * - ATALAYA_UPTIME_HISTOGRAMAS_DIAS (35): days of hourly latency histograms kept (daily ones are kept for years).
 * - ATALAYA_UPTIME_FALLOS_CAIDA (2): consecutive failed checks that make an outage. With a 60 s interval, 2 means
 *   a single lost check (a network blip) is not an outage, and a real one is detected within two minutes.
 * - ATALAYA_UPTIME_LOTE_MS (5000): how often buffered check results are written (one transaction per batch).
 */
export interface UptimeConfig {
  enabled: boolean;
  retencionDias: number;
  minutosDias: number;
  histogramasDias: number;
  fallosCaida: number;
  loteMs: number;
}

const int = (v: string | undefined, d: number, min = 1): number => {
  const n = Number(v);
  return Number.isFinite(n) && n >= min ? Math.floor(n) : d;
};

export function uptimeConfig(env: NodeJS.ProcessEnv = process.env): UptimeConfig {
  return {
    enabled: env.ATALAYA_UPTIME !== '0',
    retencionDias: int(env.ATALAYA_UPTIME_RETENCION_DIAS, 30),
    minutosDias: int(env.ATALAYA_UPTIME_MINUTOS_DIAS, 7),
    histogramasDias: int(env.ATALAYA_UPTIME_HISTOGRAMAS_DIAS, 35),
    fallosCaida: int(env.ATALAYA_UPTIME_FALLOS_CAIDA, 2),
    loteMs: int(env.ATALAYA_UPTIME_LOTE_MS, 5000, 50),
  };
}
