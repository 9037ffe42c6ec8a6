/**
 * Boilerplate among the reuse passages: runs that are mostly the directive's
 * citation formula ("Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị về
 * …") or whose wording occurs in most plans of the corpus (document
 * frequency), so that it says nothing about two plans in particular.
 */
import { type Directive, fold } from '@doichieu/core';
import type { PreparedCorpus } from './prepare.ts';
import type { PlanComparison } from './schema.ts';
import { gramKey, syllableOffsets, type Vocabulary } from './tokens.ts';

export interface BoilerplateOptions {
  /** Share of plans that makes wording common (default 0.8, and at least 3 plans). */
  minPlanShare?: number;
  /** Share of a run that must be common or citation for the run to be boilerplate (default 0.6). */
  minShare?: number;
}

const K = 6;

/** The directive's citation formula as plans write it: number, date, issuer and title. */
export function citationText(directive: Directive): string {
  const [y, m, d] = (directive.date ?? '').split('-');
  const date = y && m && d ? ` ngày ${Number(d)}/${Number(m)}/${y}` : '';
  return `Kết luận số ${directive.id}${date} của ${directive.issuer ?? ''} về ${directive.title.vi}`;
}

/** Folded ids of a text, without adding to the vocabulary (-1 for unknown syllables). */
function lookupIds(text: string, vocab: Vocabulary): Int32Array {
  return Int32Array.from(
    syllableOffsets(text).map(([a, b]) =>
      vocab.lookup(fold(text.slice(a, b).normalize('NFC').toLowerCase())),
    ),
  );
}

/**
 * The K-grams of eligible units that occur in at least `need` plans, exactly,
 * without counting every K-gram of the corpus: a K-gram first seen after
 * plan N − need can no longer reach `need`, so only the first plans add
 * K-grams, and those that fall behind are dropped as the count goes on.
 */
export function commonGrams(corpus: PreparedCorpus, need: number, k = K): Set<number> {
  const n = corpus.plans.length;
  const counts = new Map<number, number>();
  const lastNew = n - need;
  const pruneEvery = Math.max(1, Math.ceil(n / 16));
  corpus.plans.forEach((p, pi) => {
    const seen = new Set<number>();
    for (const u of p.units) {
      if (!u.eligible) continue;
      const ids = u.seq.ids;
      for (let i = 0; i + k <= ids.length; i++) seen.add(gramKey(ids, i, k));
    }
    for (const key of seen) {
      const c = counts.get(key);
      if (c !== undefined) counts.set(key, c + 1);
      else if (pi <= lastNew) counts.set(key, 1);
    }
    if (pi >= lastNew && (pi - lastNew) % pruneEvery === 0)
      for (const [key, c] of counts) if (c + (n - pi - 1) < need) counts.delete(key);
  });
  const out = new Set<number>();
  for (const [key, c] of counts) if (c >= need) out.add(key);
  return out;
}

/**
 * A function that sets `boilerplate: true` on the reuse passages of one
 * comparison that are boilerplate (in place): comparisons can then be
 * marked and written one at a time.
 */
export function boilerplateMarker(
  corpus: PreparedCorpus,
  directive: Directive,
  options: BoilerplateOptions = {},
): (comparison: PlanComparison) => void {
  const citation = new Set<number>();
  const cite = lookupIds(citationText(directive), corpus.vocab);
  for (let i = 0; i + 4 <= cite.length; i++) citation.add(gramKey(cite, i, 4));
  const need = Math.max(3, Math.ceil((options.minPlanShare ?? 0.8) * corpus.plans.length));
  let common: Set<number> | undefined;
  const minShare = options.minShare ?? 0.6;
  const isBoilerplate = (text: string): boolean => {
    const ids = lookupIds(text, corpus.vocab);
    const n = ids.length;
    if (n === 0) return false;
    common ??= commonGrams(corpus, need);
    const isCommon = new Uint8Array(n);
    const cited = new Uint8Array(n);
    for (let i = 0; i + K <= n; i++) if (common.has(gramKey(ids, i, K))) isCommon.fill(1, i, i + K);
    for (let i = 0; i + 4 <= n; i++) if (citation.has(gramKey(ids, i, 4))) cited.fill(1, i, i + 4);
    let c = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      c += isCommon[i]!;
      t += cited[i]!;
    }
    return c / n >= minShare || t / n >= minShare;
  };
  // The same passages recur across many pairs of a large corpus: each text is judged once
  // (the memo is emptied now and then, so that it stays small).
  const memo = new Map<string, boolean>();
  return (comparison) => {
    for (const r of comparison.reuse) {
      let b = memo.get(r.text);
      if (b === undefined) {
        if (memo.size >= 20_000) memo.clear();
        b = isBoilerplate(r.text);
        memo.set(r.text, b);
      }
      if (b) r.boilerplate = true;
    }
  };
}

/** Sets `boilerplate: true` on the reuse passages of `comparisons` that are boilerplate (in place). */
export function markBoilerplate(
  corpus: PreparedCorpus,
  directive: Directive,
  comparisons: PlanComparison[],
  options: BoilerplateOptions = {},
): void {
  const mark = boilerplateMarker(corpus, directive, options);
  for (const c of comparisons) mark(c);
}
