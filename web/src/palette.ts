/**
 * Colours: the Okabe-Ito palette (safe for the common colour-vision
 * deficiencies) for task groups, and one blue ramp for quantities.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

const GROUP_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.vermillion,
  OKABE_ITO.purple,
  OKABE_ITO.sky,
  OKABE_ITO.yellow,
];

/** Colour of the i-th task group (cycles after seven). */
export function groupColour(index: number): string {
  return GROUP_COLOURS[((index % GROUP_COLOURS.length) + GROUP_COLOURS.length) % GROUP_COLOURS.length]!;
}

const LIGHT = [247, 251, 255];
const DARK = [8, 48, 107];

/** Sequential ramp from near-white (0) to dark blue (1); values outside 0..1 are clamped. */
export function ramp(t: number): string {
  const c = rampRgb(t);
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** The ramp's colour as 0–255 channels (for canvas pixels). */
export function rampRgb(t: number): number[] {
  const x = Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
  return LIGHT.map((l, i) => Math.round(l + (DARK[i]! - l) * x));
}

/** WCAG relative luminance of an sRGB colour given as 0–255 channels. */
export function luminance(rgb: readonly number[]): number {
  const lin = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}

/** WCAG contrast ratio of two luminances. */
export function contrast(l1: number, l2: number): number {
  const [hi, lo] = l1 > l2 ? [l1, l2] : [l2, l1];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Whether text on `ramp(t)` should be white rather than black: whichever
 * contrasts more. Black, not the softer ink colour: at mid-ramp only black
 * or white reaches 4.5:1 (any background has ≥ 4.58:1 with one of them).
 */
export function darkOnRamp(t: number): boolean {
  const bg = luminance(rampRgb(t));
  return contrast(1, bg) > contrast(0, bg);
}
