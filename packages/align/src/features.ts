/**
 * What the engine sees of a unit: its own syllable n-grams (the content
 * decides), how strongly it and its enclosing heading use each group's
 * directive phrases (the heading is evidence, not proof), its role and kind.
 */
import type { Unit } from '@doichieu/core';
import {
  type DirectiveLexicon,
  type DirectiveScore,
  scoreTokens,
  scoreWithDirective,
} from './directive-scorer.ts';
import { syllables } from './tokens.ts';

export type FeatureBag = Map<string, number>;

/**
 * The feature settings. A model artefact records them and is refused by code whose settings differ,
 * so a change here needs `pnpm model` (the artefact's check in CI says so).
 */
export const FEATURE_SETTINGS = {
  /** Syllable n-grams of the unit, 1..ngramMax. */
  ngramMax: 3,
  /** Occurrences of one gram counted at most this often. */
  countCap: 3,
  /** A gram occurrence weighs gramScale / sqrt(grams in the unit). */
  gramScale: 3,
  /** The unit's directive-phrase score of a group, divided by this and capped. */
  directiveScoreDivisor: 3,
  directiveScoreCap: 2,
  /** Units with fewer grams get the "short" feature. */
  shortUnitGrams: 12,
} as const;

/** Headings repeat across a plan's units: score each once per lexicon. */
const headingCache = new WeakMap<DirectiveLexicon, Map<string, Record<string, number>>>();
function headingScores(lexicon: DirectiveLexicon, heading: string): Record<string, number> {
  let cache = headingCache.get(lexicon);
  if (!cache) {
    cache = new Map();
    headingCache.set(lexicon, cache);
  }
  let scores = cache.get(heading);
  if (!scores) {
    scores = scoreWithDirective(lexicon, heading).scores;
    if (cache.size > 10_000) cache.clear();
    cache.set(heading, scores);
  }
  return scores;
}

/** The unit's words without its list marker ("1.", "- ", "(3)"). */
const LIST_MARKER = /^\s*(?:\(?[0-9a-zđIVXL.]{1,8}[.)\-–:]|[-–—+•·])\s*/u;

/** A text without its leading list marker ("1.", "- ", "(3)", "II-"). */
export function stripListMarker(text: string): string {
  return text.replace(LIST_MARKER, '');
}

export function contentText(unit: Pick<Unit, 'text' | 'marker'>): string {
  return unit.marker ? stripListMarker(unit.text) : unit.text;
}

export function unitFeatures(
  unit: Pick<Unit, 'text' | 'marker' | 'role' | 'kind' | 'headingPath'>,
  lexicon: DirectiveLexicon,
  tokens: readonly string[] = syllables(contentText(unit)),
  directiveScore: DirectiveScore = scoreTokens(lexicon, tokens),
): FeatureBag {
  const bag: FeatureBag = new Map();
  // Syllable 1-3-grams, each built from the shorter one (no slicing and joining per gram).
  let grams = 0;
  for (let i = 0; i < tokens.length; i++) {
    let gram = tokens[i]!;
    for (let n = 1; n <= FEATURE_SETTINGS.ngramMax && i + n <= tokens.length; n++) {
      if (n > 1) gram = `${gram} ${tokens[i + n - 1]}`;
      const key = `w:${gram}`;
      bag.set(key, Math.min(FEATURE_SETTINGS.countCap, (bag.get(key) ?? 0) + 1));
      grams++;
    }
  }
  const norm = gramNorm(grams);
  for (const [k, v] of bag) bag.set(k, v * norm);
  for (const [k, v] of contextFeatures(unit, lexicon, directiveScore, grams)) bag.set(k, v);
  return bag;
}

/** The weight of one occurrence of a gram: counts are capped at 3 and scaled by the unit's length. */
export function gramNorm(grams: number): number {
  return (1 / Math.sqrt(Math.max(1, grams))) * FEATURE_SETTINGS.gramScale;
}

/** Number of syllable 1..ngramMax-grams in a unit of `n` syllables. */
export function gramCount(n: number): number {
  let count = 0;
  for (let k = 0; k < FEATURE_SETTINGS.ngramMax; k++) count += Math.max(0, n - k);
  return count;
}

/** The features that are not terms: directive scores of the unit and its heading, role, kind, length. */
export function contextFeatures(
  unit: Pick<Unit, 'role' | 'kind' | 'headingPath'>,
  lexicon: DirectiveLexicon,
  directiveScore: DirectiveScore,
  grams: number,
): FeatureBag {
  const bag: FeatureBag = new Map();
  const own = directiveScore.scores;
  const { directiveScoreCap, directiveScoreDivisor } = FEATURE_SETTINGS;
  for (const g of lexicon.groups)
    if (own[g]! > 0) bag.set(`d:${g}`, Math.min(directiveScoreCap, own[g]! / directiveScoreDivisor));
  const heading = unit.headingPath[unit.headingPath.length - 1];
  if (heading) {
    const hs = headingScores(lexicon, heading);
    const best = Math.max(...lexicon.groups.map((g) => hs[g]!));
    for (const g of lexicon.groups) if (hs[g]! > 0 && hs[g] === best) bag.set(`h:${g}`, 1);
  }
  bag.set(`r:${unit.role}`, 1);
  bag.set(`k:${unit.kind}`, 1);
  if (grams < FEATURE_SETTINGS.shortUnitGrams) bag.set('short', 1);
  return bag;
}

/** Maps feature names to indices; grows while training, frozen for prediction. */
export class FeatureIndex {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];
  frozen = false;

  vectorise(bag: FeatureBag): { indices: number[]; values: number[] } {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [name, value] of [...bag.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      let i = this.index.get(name);
      if (i === undefined) {
        if (this.frozen) continue;
        i = this.names.length;
        this.index.set(name, i);
        this.names.push(name);
      }
      indices.push(i);
      values.push(value);
    }
    return { indices, values };
  }

  get size(): number {
    return this.names.length;
  }
}
