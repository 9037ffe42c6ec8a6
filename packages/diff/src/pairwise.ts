/** Two plans on their own (notebooks, the CLI): reuse and the full comparison without a corpus. */
import { type CompareOptions, comparePrepared, planShingles } from './compare.ts';
import { prepareCorpus } from './prepare.ts';
import type { ReuseOptions } from './reuse.ts';
import type { PlanComparison, ReusePassage } from './schema.ts';
import { jaccard } from './similarity.ts';
import type { DiffPlan } from './types.ts';

/** Compares two plans (IDF from the two plans alone). */
export function comparePlans(a: DiffPlan, b: DiffPlan, options: CompareOptions = {}): PlanComparison {
  const corpus = prepareCorpus([a, b]);
  const [pa, pb] = corpus.plans as [(typeof corpus.plans)[0], (typeof corpus.plans)[0]];
  return comparePrepared(corpus, pa, pb, jaccard(planShingles(pa), planShingles(pb)), options);
}

/** Passages two plans share word for word, regardless of order. */
export function findReuse(a: DiffPlan, b: DiffPlan, options: ReuseOptions = {}): ReusePassage[] {
  return comparePlans(a, b, { reuse: options }).reuse;
}
