/**
 * Whether a text holds no space but the ASCII one. DuckDB's trim() removes every Unicode space separator (category
 * Zs: U+0020, U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000); when a file has none but U+0020 the loader
 * can skip trim() on values that neither start nor end with a plain space (see validate.ts), with the same result.
 */
const WIDE_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

/** The same test over UTF-8 bytes, by their lead bytes (memchr-fast: most files have few or none). */
export function hasWideSpaceUtf8(b: Buffer): boolean {
  const follows = (i: number, ...rest: number[]): boolean => rest.every((x, k) => b[i + 1 + k] === x);
  for (let i = b.indexOf(0xc2); i !== -1; i = b.indexOf(0xc2, i + 1)) if (b[i + 1] === 0xa0) return true;
  for (let i = b.indexOf(0xe1); i !== -1; i = b.indexOf(0xe1, i + 1)) if (follows(i, 0x9a, 0x80)) return true;
  for (let i = b.indexOf(0xe3); i !== -1; i = b.indexOf(0xe3, i + 1)) if (follows(i, 0x80, 0x80)) return true;
  for (let i = b.indexOf(0xe2); i !== -1; i = b.indexOf(0xe2, i + 1)) {
    const [x, y] = [b[i + 1], b[i + 2]];
    if (x === 0x80 && y !== undefined && ((y >= 0x80 && y <= 0x8a) || y === 0xaf)) return true;
    if (x === 0x81 && y === 0x9f) return true;
  }
  return false;
}

/** `content` is UTF-8 bytes, or text already decoded (a transcoded Windows-1252 file). */
export function onlyAsciiSpaces(content: Buffer | string): boolean {
  return typeof content === 'string' ? !WIDE_SPACES.test(content) : !hasWideSpaceUtf8(content);
}
