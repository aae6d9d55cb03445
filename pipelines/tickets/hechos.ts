/**
 * The incident columns of core.tickets (migration 0790): what the incident figures read (src/domains/incidentes/sql.ts),
 * computed by the merge from each row's own dates (the contract's `derived`), so a load writes every ticket once.
 * This file holds ALL the SQL the incident figures add to a tickets load (issue 11: keep the load's budget visible).
 *
 * Instants are epoch microseconds as BIGINT: the exact TIMESTAMPTZ value (no rounding), compared and subtracted as
 * plain integers (TIMESTAMPTZ arithmetic goes through ICU's calendar; DOUBLE epochs are stored with ALP, several
 * times slower to scan, and an exact quantile over integers costs a third of one over doubles).
 */

/**
 * The Mexico City calendar day of an epoch (seconds). Since 30 Oct 2022 07:00 UTC Mexico City is always UTC−6, so
 * the day is plain arithmetic; earlier instants go through ICU's time-zone rules (the session zone).
 */
export const diaMexico = (e: string): string =>
  `CASE WHEN ${e} >= 1667113200 THEN DATE '1970-01-01' + CAST(floor((${e} - 21600) / 86400) AS INTEGER) ELSE CAST(to_timestamp(${e}) AS DATE) END`;

/** The incident columns, as SQL over the ticket's typed dates (the contract's `derived`: stored by every merge). */
export const TICKET_HECHOS: Readonly<Record<string, string>> = {
  apertura: 'epoch_us(fecha_apertura)',
  asignacion: 'epoch_us(fecha_asignacion)',
  solucion: 'epoch_us(fecha_solucion)',
  // when the ticket left the backlog
  fin: 'epoch_us(COALESCE(fecha_solucion, fecha_cierre))',
  // the deadline from the source (the configured hours by priority apply at read time)
  limite_fuente: 'epoch_us(fecha_limite_solucion)',
  // Mexico City days of opening and solution (weeks of the weekly chart)
  dia_apertura: diaMexico('epoch_us(fecha_apertura) / 1000000'),
  dia_solucion: diaMexico('epoch_us(fecha_solucion) / 1000000'),
};
