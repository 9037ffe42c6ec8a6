import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DecodeError, decode, encodeLegacy } from './index.ts';

const PLANS_DIR = new URL('../../../../corpus/plans/', import.meta.url);
const plans = readdirSync(PLANS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, bytes: readFileSync(new URL(name, PLANS_DIR)) }));

const nfc = (text: string) => text.normalize('NFC');
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
/** Legacy bytes shown as Latin-1, then saved as UTF-8: how mojibake reaches us. */
const asMojibake = (bytes: Uint8Array) => utf8(Buffer.from(bytes).toString('latin1'));
/** TCVN3 has no curly quotes, dashes or ½: a plan typed in TCVN3 would not contain them. */
const inTcvn3Repertoire = (text: string) => nfc(text).replace(/[^\x00-\x7f\p{L}]/gu, '?');

function decodeError(bytes: Uint8Array, options?: { maxBytes?: number }): DecodeError {
  try {
    decode(bytes, options);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('expected a DecodeError');
}

function expectOneLine(error: DecodeError): void {
  expect(error.message).not.toMatch(/\n/);
  expect(error.message.length).toBeGreaterThan(0);
}

describe('real plans in UTF-8', () => {
  it('finds the five corpus plans', () => {
    expect(plans.length).toBe(5);
  });

  for (const { name, bytes } of plans) {
    it(`${name} decodes as utf-8, byte for byte the same text, with no messages`, () => {
      const source = decode(bytes);
      expect(source.encoding).toBe('utf-8');
      expect(source.text).toBe(bytes.toString('utf8'));
      expect(source.messages).toEqual([]);
    });
  }
});

describe('real plans in legacy encodings', () => {
  for (const { name, bytes } of plans) {
    const text = bytes.toString('utf8');

    it(`${name} in TCVN3 decodes back and is detected as tcvn3`, () => {
      const expected = inTcvn3Repertoire(text);
      const source = decode(encodeLegacy(expected, 'tcvn3'));
      expect(source.encoding).toBe('tcvn3');
      expect(nfc(source.text)).toBe(expected);
      expect(source.messages).toContainEqual({
        ruleId: 'decode:legacy-encoding',
        severity: 'info',
        reason: 'decoded as TCVN3 (ABC)',
      });
    });

    it(`${name} in VNI decodes back, curly quotes included, and is detected as vni`, () => {
      const source = decode(encodeLegacy(text, 'vni'));
      expect(source.encoding).toBe('vni');
      expect(nfc(source.text)).toBe(nfc(text));
      expect(source.messages).toContainEqual(
        expect.objectContaining({ ruleId: 'decode:legacy-encoding', severity: 'info' }),
      );
    });

    it(`${name} in Windows-1258 decodes back and is detected as windows-1258`, () => {
      const source = decode(encodeLegacy(text, 'windows-1258'));
      expect(source.encoding).toBe('windows-1258');
      expect(nfc(source.text)).toBe(nfc(text));
      expect(source.messages[0]).toMatchObject({ ruleId: 'decode:legacy-encoding', severity: 'info' });
    });

    it(`${name} as TCVN3 mojibake is repaired`, () => {
      const expected = inTcvn3Repertoire(text);
      const source = decode(asMojibake(encodeLegacy(expected, 'tcvn3')));
      expect(source.encoding).toBe('tcvn3-mojibake');
      expect(nfc(source.text)).toBe(expected);
      expect(source.messages.map((m) => [m.ruleId, m.severity])).toEqual([
        ['decode:mojibake', 'info'],
        ['decode:legacy-encoding', 'info'],
      ]);
    });

    it(`${name} as VNI mojibake is repaired`, () => {
      const expected = inTcvn3Repertoire(text);
      const source = decode(asMojibake(encodeLegacy(expected, 'vni')));
      expect(source.encoding).toBe('vni-mojibake');
      expect(nfc(source.text)).toBe(expected);
    });
  }

  it('keeps Windows-1258 text precomposed where Unicode has the letter', () => {
    const source = decode(encodeLegacy('Tổ chức thực hiện Kết luận số 57 của Bộ Chính trị', 'windows-1258'));
    expect(source.text).toBe('Tổ chức thực hiện Kết luận số 57 của Bộ Chính trị');
  });

  it('writes Windows-1258 tones as separate bytes, as Windows does', () => {
    expect([...encodeLegacy('ế', 'windows-1258')]).toEqual([0xea, 0xec]);
    expect([...encodeLegacy('á', 'windows-1258')]).toEqual([0xe1]);
  });

  it('writes characters an encoding lacks as "?"', () => {
    expect(Buffer.from(encodeLegacy('“Hà Nội”', 'tcvn3')).toString('latin1')).toBe('?Hµ Néi?');
  });
});

describe('mojibake in valid UTF-8', () => {
  it('repairs TCVN3 mojibake copied from a .VnTime document', () => {
    const source = decode(utf8('Tæ chøc thùc hiÖn KÕt luËn sè 57-KL/TW cña Bé ChÝnh trÞ'));
    expect(source).toMatchObject({
      encoding: 'tcvn3-mojibake',
      text: 'Tổ chức thực hiện Kết luận số 57-KL/TW của Bộ Chính trị',
    });
    expect(source.messages[0]).toMatchObject({ ruleId: 'decode:mojibake', severity: 'info' });
  });

  it('repairs VNI mojibake, keeping Windows-1252 curly quotes', () => {
    const source = decode(utf8('“Xin chaøo caùc baïn” – VIEÄT NAM'));
    expect(source.encoding).toBe('vni-mojibake');
    expect(source.text).toBe('“Xin chào các bạn” – VIỆT NAM');
  });

  it('leaves correct Vietnamese that shares letters with mojibake untouched', () => {
    const text = 'Ông bà đã về. Công tác thông tin: “Hà Nội” ½ ngày, 25°C, § 3 – ô ê â à';
    expect(decode(utf8(text))).toEqual({ text, encoding: 'utf-8', messages: [] });
  });

  it('warns about, but keeps, a few mojibake lines inside a Unicode plan', () => {
    const plan = plans[0]!.bytes.toString('utf8');
    const pasted = 'Tæ chøc thùc hiÖn KÕt luËn';
    const text = `${plan}\n${pasted}\n`;
    const source = decode(utf8(text));
    expect(source.encoding).toBe('utf-8');
    expect(source.text).toBe(text);
    expect(source.messages).toHaveLength(1);
    const [warning] = source.messages;
    expect(warning).toMatchObject({
      ruleId: 'decode:mojibake',
      severity: 'warning',
      actual: pasted,
      expected: 'Tổ chức thực hiện Kết luận',
    });
    expect(text.slice(warning!.start, warning!.end)).toBe(pasted);
  });
});

describe('Unicode encodings', () => {
  const text = 'Kế hoạch thông tin đối ngoại\r\nnăm 2024\r\n';

  it('keeps CRLF line endings as they are', () => {
    expect(decode(utf8(text))).toEqual({ text, encoding: 'utf-8', messages: [] });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decode(bytes)).toMatchObject({ text, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE and UTF-16BE with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    expect(decode(le)).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decode(be)).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a byte-order mark from its zero bytes', () => {
    const plan = plans[1]!.bytes.toString('utf8');
    const le = Buffer.from(plan, 'utf16le');
    const be = Buffer.from(plan, 'utf16le').swap16();
    expect(decode(le)).toMatchObject({ text: plan, encoding: 'utf-16le' });
    expect(decode(be)).toMatchObject({ text: plan, encoding: 'utf-16be' });
  });

  it('replaces a stray invalid byte in a UTF-8 plan and warns, rather than guessing a legacy encoding', () => {
    const plan = plans[2]!.bytes;
    const corrupted = Buffer.concat([plan.subarray(0, 500), Buffer.from([0xff]), plan.subarray(500)]);
    const source = decode(corrupted);
    expect(source.encoding).toBe('utf-8');
    expect(source.text).toContain('\ufffd');
    expect(source.messages[0]).toMatchObject({ ruleId: 'decode:invalid-utf8', severity: 'warning' });
    expect(source.messages[0]!.reason).toContain('byte offset 500');
  });
});

describe('refusals', () => {
  it('refuses an empty file', () => {
    const error = decodeError(new Uint8Array());
    expect(error.code).toBe('empty');
    expect(error.message).toBe('file is empty');
  });

  it('refuses a file of whitespace or a lone byte-order mark as empty', () => {
    expect(decodeError(utf8(' \r\n\t \n')).code).toBe('empty');
    expect(decodeError(new Uint8Array([0xef, 0xbb, 0xbf])).code).toBe('empty');
    expect(decodeError(new Uint8Array([0xff, 0xfe, 0x20, 0x00])).code).toBe('empty');
  });

  it('refuses a text with a NUL byte as binary, saying where', () => {
    const bytes = utf8('Kế hoạch số 57\0 của Tỉnh ủy');
    const error = decodeError(bytes);
    expect(error.code).toBe('binary');
    expect(error.message).toBe(`file looks binary (NUL byte at offset ${bytes.indexOf(0)}), not a text plan`);
    expectOneLine(error);
  });

  it('refuses random bytes as binary', () => {
    let seed = 57;
    const random = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    });
    const error = decodeError(random);
    expect(error.code).toBe('binary');
    expectOneLine(error);
  });

  it('refuses text full of control characters as binary', () => {
    const error = decodeError(utf8('ab\x03\x07\x08\x0e\x0fcd\x10\x18\x1c'));
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/^file looks binary \(\d+% control characters\), not a text plan$/);
  });

  it('refuses a file over the size limit, naming both sizes', () => {
    const error = decodeError(new Uint8Array(Math.round(25.3 * 1024 * 1024)), { maxBytes: 20 * 1024 * 1024 });
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('file is 25.3 MB, over the 20 MB limit (use --max-size)');
  });

  it('refuses bytes that read as no Vietnamese encoding at all', () => {
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => 0x80 + ((i * 37) % 0x80));
    const error = decodeError(bytes);
    expect(error.code).toBe('undecodable');
    expectOneLine(error);
  });

  it('is a DecodeError and an Error', () => {
    const error = decodeError(new Uint8Array());
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DecodeError');
  });
});

describe('large files', () => {
  const corpus = plans.map((plan) => plan.bytes.toString('utf8')).join('\n');
  const big = corpus.repeat(Math.ceil(20_000_000 / Buffer.byteLength(corpus)));

  // Speed is measured by `pnpm bench`, not asserted here: this checks that a 20 MB plan decodes whole.
  it('decodes a 20 MB UTF-8 plan', () => {
    const bytes = utf8(big);
    const source = decode(bytes);
    expect(source.encoding).toBe('utf-8');
    expect(source.text.length).toBe(big.length);
  });

  it('accepts a file exactly at the limit and refuses one byte more', () => {
    const bytes = utf8('Kế hoạch 57');
    expect(decode(bytes, { maxBytes: bytes.length }).text).toBe('Kế hoạch 57');
    expect(decodeError(bytes, { maxBytes: bytes.length - 1 }).code).toBe('too-large');
  });

  it('decodes a 20 MB TCVN3 plan', () => {
    const text = inTcvn3Repertoire(big);
    const source = decode(encodeLegacy(text, 'tcvn3'));
    expect(source.encoding).toBe('tcvn3');
    expect(source.text.length).toBe(text.length);
  });
});
