/** A notice that could not be delivered; its message is the Spanish reason (delivery log, «Probar»). */
export class DeliveryError extends Error {}

/** The Spanish reason of a failed delivery, whatever was thrown. */
export function reasonOf(e: unknown): string {
  if (e instanceof DeliveryError) return e.message;
  const m = String((e as Error)?.message ?? e).split('\n')[0] ?? '';
  return `Error inesperado al enviar: ${m}`.slice(0, 500);
}
