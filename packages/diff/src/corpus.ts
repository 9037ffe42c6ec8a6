/**
 * `compareCorpus`: every finding of the diff stage in one pure call. Plans are
 * tokenised once; candidate pairs come from the MinHash/LSH index, so a large
 * corpus never runs every pairwise comparison.
 */
import type { Directive } from '@doichieu/core';
import { type AdditionOptions, findAdditions } from './additions.ts';
import { markBoilerplate } from './boilerplate.ts';
import { type CandidateOptions, candidatePairs } from './candidates.ts';
import { type CompareOptions, comparePrepared, planShingles } from './compare.ts';
import { termTable } from './grams.ts';
import { keyness } from './keyness.ts';
import { estimateJaccard, minhash } from './minhash.ts';
import { findOmissions, type OmissionOptions } from './omissions.ts';
import { prepareCorpus } from './prepare.ts';
import type { Findings } from './schema.ts';
import { jaccard } from './similarity.ts';
import { gramKey, tokenize } from './tokens.ts';
import { type DiffPlan, round4 } from './types.ts';

export interface CompareCorpusOptions {
  candidates?: CandidateOptions;
  compare?: CompareOptions;
  additions?: AdditionOptions;
  omissions?: OmissionOptions;
  /** MinHash functions per signature (default 128). */
  hashes?: number;
  /** Exact Jaccard for every matrix cell up to this many plans; MinHash estimates above (default 200). */
  exactMatrixBelow?: number;
  /** Keyness terms per plan (default 20). */
  keynessTerms?: number;
}

/** The directive's own text, as token sequences: title, group labels, descriptions, phrases. */
export function directiveTexts(directive: Directive): string[] {
  return [
    directive.title.vi,
    ...directive.taskGroups.flatMap((g) => [g.label.vi, g.short.vi, g.description.vi, ...g.phrases]),
  ];
}

export function compareCorpus(
  directive: Directive,
  plans: readonly DiffPlan[],
  options: CompareCorpusOptions = {},
): Findings {
  const corpus = prepareCorpus(plans);
  const n = plans.length;
  const directiveSeqs = directiveTexts(directive).map((t) => tokenize(t, corpus.vocab));

  const shingles = corpus.plans.map(planShingles);
  const signatures = shingles.map((s) => minhash(s, options.hashes ?? 128));
  const pairs = candidatePairs(signatures, options.candidates);
  const exact = n <= (options.exactMatrixBelow ?? 200);
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const cell = (i: number, j: number, v: number) => {
    matrix[i]![j] = round4(v);
    matrix[j]![i] = round4(v);
  };
  for (let i = 0; i < n; i++) {
    matrix[i]![i] = 1;
    for (let j = i + 1; j < n; j++)
      cell(
        i,
        j,
        exact ? jaccard(shingles[i]!, shingles[j]!) : estimateJaccard(signatures[i]!, signatures[j]!),
      );
  }
  const pairSimilarity = (i: number, j: number) =>
    exact ? matrix[i]![j]! : jaccard(shingles[i]!, shingles[j]!);
  if (!exact) for (const [i, j] of pairs) cell(i, j, pairSimilarity(i, j));

  const key = keyness(
    corpus.plans.map((p) => p.units.filter((u) => u.eligible).map((u) => u.seq.ids)),
    corpus.vocab,
    { limit: options.keynessTerms ?? 20 },
  );

  // One count of every candidate term, shared by the omissions and the addition labels.
  const table = termTable(
    corpus,
    directive.taskGroups.map((g) => g.id),
  );

  const reuseIgnore = new Set<number>();
  const seed = options.compare?.reuse?.seed ?? 8;
  // The directive's own wording (its title above all) is quoted by every plan: not reuse between plans.
  for (const s of directiveSeqs)
    for (let i = 0; i + seed <= s.ids.length; i++) reuseIgnore.add(gramKey(s.ids, i, seed));
  const comparisons = pairs.map(([i, j]) =>
    comparePrepared(corpus, corpus.plans[i]!, corpus.plans[j]!, pairSimilarity(i, j), {
      ...options.compare,
      reuse: { ...options.compare?.reuse, ignore: reuseIgnore },
    }),
  );

  markBoilerplate(corpus, directive, comparisons);

  return {
    plans: plans.map((p) => p.id),
    similarity: matrix,
    keyness: key.map((terms, i) => ({ planId: plans[i]!.id, terms })),
    // The directive's group descriptions and phrases were compiled from the plans themselves (the
    // Conclusion's text is not in the corpus), so only its title counts as a counterpart for additions.
    additions: findAdditions(corpus, [tokenize(directive.title.vi, corpus.vocab)], options.additions, table),
    omissions: findOmissions(corpus, directive, options.omissions, table),
    comparisons,
    method: {
      similarity: exact
        ? 'Jaccard of the plans’ sets of accent-folded syllable 3-grams (content units only), exact.'
        : 'Jaccard of the plans’ sets of accent-folded syllable 3-grams: exact for compared pairs, MinHash estimate (128 hashes) elsewhere.',
      candidates:
        n <= (options.candidates?.exhaustiveBelow ?? 12)
          ? 'All pairs (small corpus).'
          : 'MinHash/LSH (bands of 4 rows): each plan keeps its most similar bucket neighbours.',
      additions:
        'Syllables not inside any 4-gram of the directive’s title or of another plan’s content; mostly-new runs snapped to clause boundaries, clustered by average linkage over new wording and section, labelled by whole 2–4-syllable terms frequent in the cluster and rare in the other plans (place names of the headers left out).',
      omissions:
        'Elements = terms over-represented (G²) in the units labelled with the group, specific to it (not spread evenly over the groups) and carried by ≥ 2 plans or the directive’s text, joined when found in the same units; omitted when the directive or half the other plans carry one of its terms and the plan does not.',
      reuse:
        'Shared 8-syllable seeds between any two units (order ignored), extended to maximal exact matches and chained across gaps ≤ 4; ≥ 12 matched syllables; runs made only of the directive’s own wording are ignored; runs mostly of the directive’s citation formula or of wording in most plans (6-gram plan frequency ≥ 80 %) are marked boilerplate.',
      keyness: 'Log-likelihood G² of syllable 1–3-grams in the plan against the rest of the corpus.',
    },
  };
}
