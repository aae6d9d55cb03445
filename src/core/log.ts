/**
 * Structured logs: one JSON object per line on standard output (errors on standard error), so a log collector
 * reads them as they are. `evento` names what happened (solicitud, ejecucion, error…); the rest are its fields.
 * ATALAYA_LOG=silencio turns off the per-request lines (errors and runs are always written).
 */
export type Nivel = 'info' | 'aviso' | 'error';

export function logEvent(evento: string, campos: Record<string, unknown> = {}, nivel: Nivel = 'info'): void {
  const line = JSON.stringify({ ts: new Date().toISOString(), nivel, evento, ...campos }, (_k, v: unknown) =>
    typeof v === 'bigint' ? Number(v) : v instanceof Error ? { mensaje: v.message, pila: v.stack?.split('\n').slice(0, 6).join('\n') } : v,
  );
  (nivel === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

/** An error's message for a log line (and its stack, shortened). */
export function errorFields(e: unknown): { error: string; pila?: string } {
  if (e instanceof Error) return { error: e.message, pila: e.stack?.split('\n').slice(1, 6).join('\n') };
  return { error: String(e) };
}

export const requestLogsOn = (): boolean => process.env.ATALAYA_LOG !== 'silencio';
