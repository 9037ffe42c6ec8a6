import { describe, expect, it } from 'vitest';
import { boxShares } from './page-image.ts';

describe('the outline of a unit on its page image', () => {
  it('is the box as shares of the page, padded a little and kept on the page', () => {
    const s = boxShares([100, 200, 300, 250], { width: 500, height: 1000 });
    expect(s.left).toBeCloseTo(0.194);
    expect(s.top).toBeCloseTo(0.197);
    expect(s.width).toBeCloseTo(0.412);
    expect(s.height).toBeCloseTo(0.056);
    const edge = boxShares([0, 0, 500, 1000], { width: 500, height: 1000 });
    expect(edge).toEqual({ left: 0, top: 0, width: 1, height: 1 });
  });
});
