import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;

const LIST = path.join(path.dirname(fileURLToPath(import.meta.url)), 'contrasenas-comunes.txt');
const fold = (s: string): string => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(fs.readFileSync(LIST, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map(fold));
  return common;
}

/** Why a password is not acceptable (a Spanish predicate), or null: at least 12 characters and not a common one. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD) return `debe tener al menos ${MIN_PASSWORD} caracteres`;
  if (password.length > MAX_PASSWORD) return `admite a lo más ${MAX_PASSWORD} caracteres`;
  const f = fold(password);
  if (commonPasswords().has(f) || /^(.)\1+$/.test(f)) return 'es una contraseña común; elija otra';
  return null;
}
