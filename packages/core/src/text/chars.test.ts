import { describe, expect, it } from 'vitest';
import { isJsSpace } from './chars.ts';

describe('isJsSpace', () => {
  it('is what \\s matches, for every code unit', () => {
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code++)
      if (isJsSpace(code) !== /\s/.test(String.fromCharCode(code))) differing.push(code);
    expect(differing).toEqual([]);
  });
});
