/**
 * The baseline the engine must beat: plain TF-IDF cosine between a unit and
 * each group's description; the best group wins (one label, or none when
 * nothing is shared).
 */
import type { Directive } from '@doichieu/core';
// A static import of the CommonJS utility (types in wink-similarity.d.ts): unlike createRequire,
// esbuild bundles it into the built CLI.
import similarity from 'wink-nlp/utilities/similarity.js';
import { contentText } from './features.ts';
import { syllables } from './tokens.ts';

export interface BaselineScorer {
  scores(unit: { text: string; marker?: unknown }): Record<string, number>;
  label(unit: { text: string; marker?: unknown }): string[];
}

export function createBaseline(directive: Directive, corpusTexts: readonly string[]): BaselineScorer {
  const docs = corpusTexts.map((t) => new Set(syllables(t)));
  const idf = (term: string): number => {
    let df = 0;
    for (const d of docs) if (d.has(term)) df++;
    return Math.log((1 + docs.length) / (1 + df)) + 1;
  };
  const idfCache = new Map<string, number>();
  const cachedIdf = (t: string): number => {
    const cached = idfCache.get(t);
    if (cached !== undefined) return cached;
    const v = idf(t);
    idfCache.set(t, v);
    return v;
  };
  const vector = (text: string): Record<string, number> => {
    const bow: Record<string, number> = {};
    for (const t of syllables(text)) bow[t] = (bow[t] ?? 0) + 1;
    for (const t of Object.keys(bow)) bow[t] = bow[t]! * cachedIdf(t);
    return bow;
  };
  const groupVectors = directive.taskGroups.map((g) => ({ id: g.id, v: vector(g.description.vi) }));
  const scores = (unit: { text: string; marker?: unknown }) => {
    const v = vector(contentText(unit as { text: string }));
    return Object.fromEntries(
      groupVectors.map((g) => [g.id, Object.keys(v).length ? +similarity.bow.cosine(v, g.v).toFixed(4) : 0]),
    );
  };
  return {
    scores,
    label(unit) {
      const s = scores(unit);
      let best: string | undefined;
      for (const g of groupVectors) if (s[g.id]! > 0 && (!best || s[g.id]! > s[best]!)) best = g.id;
      return best ? [best] : [];
    },
  };
}
