/** Parses codigos_ok ("200-399", "200,204,300-302") into inclusive ranges; null when malformed. */
export function parseCodigos(spec: string): Array<[number, number]> | null {
  const out: Array<[number, number]> = [];
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d{3})(?:\s*[-–]\s*(\d{3}))?$/.exec(part);
    if (!m) return null;
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    if (lo < 100 || hi > 599 || hi < lo) return null;
    out.push([lo, hi]);
  }
  return out.length ? out : null;
}

export function codigoOk(code: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([lo, hi]) => code >= lo && code <= hi);
}
