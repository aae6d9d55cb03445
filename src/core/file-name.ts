/**
 * A piece of a download's file name that comes from the request (an area, a process key): only letters, digits,
 * underscores and dashes reach the Content-Disposition header. Accents are dropped (Organización → Organizacion),
 * everything else (quotes, slashes, control and bidirectional characters) is removed.
 */
export const fileNamePart = (s: string): string => s.normalize('NFD').replace(/[^\w-]/g, '');

/** `_<part>` when the part has something left after cleaning, '' otherwise. */
export const fileNameSuffix = (s: string | null | undefined): string => {
  const part = s ? fileNamePart(s) : '';
  return part ? `_${part}` : '';
};
