import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatState, parseState, patchState } from './state.ts';

describe('state', () => {
  it('parseState("") is the default state', () => {
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });
  it('parseState(formatState(s)) round-trips every field', () => {
    const s = {
      view: 'compare' as const,
      lang: 'en' as const,
      plan: 'qng-222-study',
      group: 'TG3',
      unit: 'qng-222-study:II/1',
      a: 'a',
      b: 'b',
      q: 'đối ngoại & co',
      sort: 'TG2',
      desc: true,
      original: true,
    };
    expect(parseState(formatState(s))).toEqual(s);
  });
  it('parseState(hash) ignores unknown views and languages', () => {
    expect(parseState('#view=nope&lang=fr&x=1')).toEqual(DEFAULT_STATE);
  });
  it('formatState(s) leaves out defaults', () => {
    expect(formatState({ view: 'coverage', lang: 'vi' })).toBe('#view=coverage');
  });
  it('patchState(s, patch) removes keys set to undefined', () => {
    expect(patchState({ view: 'reader', lang: 'vi', plan: 'x', unit: 'u' }, { unit: undefined })).toEqual({
      view: 'reader',
      lang: 'vi',
      plan: 'x',
    });
  });
});
