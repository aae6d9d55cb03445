import type { SessionUser } from './sessions.js';
import { HttpError } from '../core/errors.js';

/** Raised when a user asks for another area's data (403 with a Spanish message). */
export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, message);
  }
}

/**
 * The area a request may see: an `area` user only its own (asking for another is 403); other roles what they
 * ask for ('' = every area).
 */
export function areaScope(user: SessionUser, requested: string | undefined | null): string {
  const req = (requested ?? '').trim();
  if (user.rol !== 'area') return req;
  const own = user.area ?? '';
  if (!own) throw new ForbiddenError('Su usuario no tiene un área asignada; pida a la administración que se la asigne.');
  if (req && req !== own) throw new ForbiddenError(`Solo puede consultar la información de su área (${own}).`);
  return own;
}
