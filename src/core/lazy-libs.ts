/**
 * Libraries a running server seldom needs, loaded on first use instead of at start: ExcelJS (an XLSX in an inbox,
 * a download) and nodemailer (a notice by e-mail). Loaded at start they held ~10 MB of heap and ~40 MB of the
 * server's resident memory that most of its life never touches.
 */
type ExcelJS = typeof import('exceljs');
type Nodemailer = typeof import('nodemailer');

/** A CommonJS module's exports, whether the loader hands them as the namespace or as its default. */
const exportsOf = <T>(m: T): T => (m as T & { default?: T }).default ?? m;

let excel: Promise<ExcelJS> | null = null;
let mailer: Promise<Nodemailer> | null = null;

export const loadExcel = (): Promise<ExcelJS> => (excel ??= import('exceljs').then(exportsOf));
export const loadNodemailer = (): Promise<Nodemailer> => (mailer ??= import('nodemailer').then(exportsOf));
