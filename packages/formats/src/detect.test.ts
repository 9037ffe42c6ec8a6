import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('detectFormat', () => {
  it('reads the format from the first bytes, not the name', () => {
    expect(detectFormat(new TextEncoder().encode('%PDF-1.4\n'), 'plan.txt')).toBe('pdf');
    expect(detectFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d), 'scan')).toBe('image');
    expect(detectFormat(bytes(0xff, 0xd8, 0xff, 0xe0), 'scan.bin')).toBe('image');
    expect(detectFormat(bytes(0x49, 0x49, 0x2a, 0x00), 'a.tif')).toBe('image');
    expect(detectFormat(bytes(0x50, 0x4b, 0x03, 0x04), 'a.docx')).toBe('docx');
    expect(detectFormat(new TextEncoder().encode('Kế hoạch'), 'plan.txt')).toBe('text');
  });

  it('names what is supported when it refuses a file', () => {
    expect(() => detectFormat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1), 'plan.doc')).toThrow(
      /legacy Word \.doc files are not supported.*supported: PDF/,
    );
    expect(() => detectFormat(new TextEncoder().encode('{\\rtf1'), 'a.rtf')).toThrow(/RTF is not supported/);
    expect(() => detectFormat(new TextEncoder().encode('hello'), 'a.pdf')).toThrow(
      /named \.pdf but is not a PDF/,
    );
    expect(() => detectFormat(new TextEncoder().encode('x'), 'a.odt')).toThrow(
      /\.odt files are not supported/,
    );
    expect(() => detectFormat(new Uint8Array(0), 'a.pdf')).toThrow(/empty/);
  });
});
