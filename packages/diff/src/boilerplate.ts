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

/** Sets `boilerplate: true` on the reuse passages of `comparisons` that are boilerplate (in place). */
export function markBoilerplate(
  corpus: PreparedCorpus,
  directive: Directive,
  comparisons: PlanComparison[],
  options: BoilerplateOptions = {},
): void {
  const runs = comparisons.flatMap((c) => c.reuse.map((r) => ({ r, ids: lookupIds(r.text, corpus.vocab) })));
  if (runs.length === 0) return;
  const citation = new Set<number>();
  const cite = lookupIds(citationText(directive), corpus.vocab);
  for (let i = 0; i + 4 <= cite.length; i++) citation.add(gramKey(cite, i, 4));
  // Plan frequency of the runs' k-grams only: one pass over the corpus.
  const df = new Map<number, number>();
  for (const { ids } of runs) for (let i = 0; i + K <= ids.length; i++) df.set(gramKey(ids, i, K), 0);
  corpus.plans.forEach((p) => {
    const seen = new Set<number>();
    for (const u of p.units) {
      if (!u.eligible) continue;
      const ids = u.seq.ids;
      for (let i = 0; i + K <= ids.length; i++) {
        const key = gramKey(ids, i, K);
        if (df.has(key) && !seen.has(key)) {
          seen.add(key);
          df.set(key, df.get(key)! + 1);
        }
      }
    }
  });
  const need = Math.max(3, Math.ceil((options.minPlanShare ?? 0.8) * corpus.plans.length));
  const minShare = options.minShare ?? 0.6;
  for (const { r, ids } of runs) {
    const n = ids.length;
    const common = new Uint8Array(n);
    const cited = new Uint8Array(n);
    for (let i = 0; i + K <= n; i++) if ((df.get(gramKey(ids, i, K)) ?? 0) >= need) common.fill(1, i, i + K);
    for (let i = 0; i + 4 <= n; i++) if (citation.has(gramKey(ids, i, 4))) cited.fill(1, i, i + 4);
    let c = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      c += common[i]!;
      t += cited[i]!;
    }
    if (n > 0 && (c / n >= minShare || t / n >= minShare)) r.boilerplate = true;
  }
}
