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
  const x = Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
  const c = LIGHT.map((l, i) => Math.round(l + (DARK[i]! - l) * x));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Whether text on `ramp(t)` should be white for contrast. */
export function darkOnRamp(t: number): boolean {
  return t >= 0.5;
}
