import { describe, expect, it } from 'vitest';
import { fileNamePart, fileNameSuffix } from '../../src/core/file-name.js';

describe('file names from the request', () => {
  it('keeps letters, digits, underscores and dashes; drops accents and everything else', () => {
    expect(fileNamePart('Organización Electoral')).toBe('OrganizacionElectoral');
    expect(fileNamePart('PELO_2024-2025')).toBe('PELO_2024-2025');
    expect(fileNamePart('a"b\\c/d\r\ne\u202ef;g')).toBe('abcdefg');
  });

  it('a suffix only when something is left', () => {
    expect(fileNameSuffix('DEOE')).toBe('_DEOE');
    expect(fileNameSuffix('"\u202e')).toBe('');
    expect(fileNameSuffix(null)).toBe('');
    expect(fileNameSuffix('')).toBe('');
  });
});
