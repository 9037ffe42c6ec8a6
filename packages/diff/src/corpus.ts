/**
 * The diff stage over a corpus. `corpusFindings` yields the findings piece by
 * piece (a similarity row, one plan's key terms, one addition cluster, one
 * omission, one comparison), so that a national corpus is written out as it
 * is found and never held whole; `compareCorpus` collects the same pieces
 * into one object, and `findingsJson` turns them into the JSON text of that
 * object, chunk by chunk.
 *
 * Plans are tokenised once. Small corpora compare every pair of plans and
 * keep the full plan × plan matrix. Larger ones compare each plan with the
 * plans of the level above in its province (a district with its province's
 * plans: what it took from them) and with its `peers` closest plans of its own
 * level (what it shares with its peers), found through MinHash/LSH without
 * enumerating every pair; above `denseBelow` plans the matrix gives way to
 * each plan's nearest plans with their exact similarity.
 */
import type { Directive } from '@doichieu/core';
import { type AdditionOptions, additionsByPlan } from './additions.ts';
import { boilerplateMarker } from './boilerplate.ts';
import { type CandidateOptions, lshNeighbours } from './candidates.ts';
import { type CompareOptions, comparePrepared, planShingles } from './compare.ts';
import { type TermTable, termTable } from './grams.ts';
import { termKeyness } from './keyness.ts';
import { estimateJaccard, minhash } from './minhash.ts';
import { type OmissionOptions, omissionsByPlan } from './omissions.ts';
import { type PreparedCorpus, prepareCorpus } from './prepare.ts';
import type { Findings, PlanComparison, PlanNeighbours } from './schema.ts';
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
  /** The full plan × plan matrix up to this many plans; above, each plan's nearest plans (default 200). */
  denseBelow?: number;
  /** Plans of the same level each plan is compared with, beyond the exhaustive size (default `candidates.neighbours`, 5). */
  peers?: number;
  /** Of those, how many of the closest get the full comparison (paired units, word diffs); the others reuse only (default all). */
  fullPeers?: number;
  /** Whether comparisons with the level above are full (default true) or reuse only. */
  fullVertical?: boolean;
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

/** One piece of the findings, in the order of the findings object's fields. */
export type FindingsPiece =
  | { kind: 'value'; field: 'plans' | 'method'; value: unknown }
  | {
      kind: 'open';
      field: 'similarity' | 'neighbours' | 'keyness' | 'additions' | 'omissions' | 'comparisons';
    }
  | { kind: 'item'; value: unknown }
  | { kind: 'close' };

const PARENT: Record<string, string> = { commune: 'district', district: 'province', province: 'central' };

/** Whether `upper` is a plan of the level above `lower` in its province (and district, for a commune). */
function isAbove(lower: DiffPlan, upper: DiffPlan): boolean {
  const known = (v: string | undefined) => v !== undefined && v !== 'unknown';
  if (!known(lower.level) || PARENT[lower.level!] !== upper.level) return false;
  if (upper.level === 'central') return true;
  if (!known(lower.province) || lower.province !== upper.province) return false;
  return upper.level !== 'district' || !known(lower.district) || lower.district === upper.district;
}

interface PairPlan {
  /** Pairs `i * n + j` (i < j) with what they are: peers or a plan and the level above. */
  relation: Map<number, 'peer' | 'vertical'>;
  full: Set<number>;
  /** Each plan's nearest plans, exact Jaccard (large corpora). */
  nearest: { j: number; s: number; relation: 'peer' | 'above' | 'below' }[][];
}

/** The pairs a large corpus compares: the level above in the province, and the closest peers. */
function planPairs(
  plans: readonly DiffPlan[],
  shingles: readonly Float64Array[],
  signatures: readonly Uint32Array[],
  options: CompareCorpusOptions,
): PairPlan {
  const n = plans.length;
  const peers = options.peers ?? options.candidates?.neighbours ?? 5;
  const fullPeers = options.fullPeers ?? peers;
  const fullVertical = options.fullVertical ?? true;
  const min = options.candidates?.minSimilarity ?? 0.05;
  const relation = new Map<number, 'peer' | 'vertical'>();
  const full = new Set<number>();
  const nearest: PairPlan['nearest'] = plans.map(() => []);
  const key = (i: number, j: number) => Math.min(i, j) * n + Math.max(i, j);

  const byLevel = new Map<string, number[]>();
  plans.forEach((p, i) => {
    const level = p.level ?? 'unknown';
    const list = byLevel.get(level);
    if (list) list.push(i);
    else byLevel.set(level, [i]);
  });
  for (const members of byLevel.values()) {
    // Few plans of a level: every pair, exactly. Many: the LSH index's best, re-ranked exactly.
    const pool =
      members.length <= 64
        ? members.map((i) => members.filter((j) => j !== i))
        : lshNeighbours(
            members.map((i) => signatures[i]!),
            Math.max(2 * peers, 10),
            options.candidates,
          ).map((list) => list.map((c) => members[c.j]!));
    members.forEach((i, x) => {
      const ranked = pool[x]!.map((j) => ({ j, s: jaccard(shingles[i]!, shingles[j]!) }))
        .filter((c) => c.s >= min)
        .sort((a, b) => b.s - a.s || a.j - b.j)
        .slice(0, peers);
      ranked.forEach((c, r) => {
        relation.set(key(i, c.j), 'peer');
        if (r < fullPeers) full.add(key(i, c.j));
        nearest[i]!.push({ j: c.j, s: c.s, relation: 'peer' });
      });
    });
  }
  // The level above: a handful of plans per plan (its province's), found by metadata.
  const byProvince = new Map<string, number[]>();
  plans.forEach((p, i) => {
    const list = byProvince.get(p.province ?? 'unknown');
    if (list) list.push(i);
    else byProvince.set(p.province ?? 'unknown', [i]);
  });
  plans.forEach((p, i) => {
    const candidates =
      PARENT[p.level ?? ''] === 'central' ? byLevel.get('central') : byProvince.get(p.province ?? '');
    for (const j of candidates ?? []) {
      if (j === i || !isAbove(p, plans[j]!)) continue;
      const s = jaccard(shingles[i]!, shingles[j]!);
      relation.set(key(i, j), 'vertical');
      if (fullVertical) full.add(key(i, j));
      nearest[i]!.push({ j, s, relation: 'above' });
      nearest[j]!.push({ j: i, s, relation: 'below' });
    }
  });
  return { relation, full, nearest };
}

/** Every finding of the diff stage, piece by piece (see the module comment). */
export function* corpusFindings(
  directive: Directive,
  plans: readonly DiffPlan[],
  options: CompareCorpusOptions = {},
): Generator<FindingsPiece> {
  const corpus: PreparedCorpus = prepareCorpus(plans);
  const n = plans.length;
  const directiveSeqs = directiveTexts(directive).map((t) => tokenize(t, corpus.vocab));
  const exhaustive = n <= (options.candidates?.exhaustiveBelow ?? 12);
  const dense = n <= (options.denseBelow ?? 200);
  const exact = n <= (options.exactMatrixBelow ?? 200);

  let shingles: Float64Array[] | undefined = corpus.plans.map(planShingles);
  const signatures = exact && exhaustive ? [] : shingles.map((s) => minhash(s, options.hashes ?? 128));
  const pairPlan = exhaustive ? undefined : planPairs(plans, shingles, signatures, options);
  const pairs: [number, number][] = [];
  if (pairPlan)
    for (const p of [...pairPlan.relation.keys()].sort((a, b) => a - b))
      pairs.push([Math.floor(p / n), p % n]);
  else for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  const pairSimilarity = new Map<number, number>();
  for (const [i, j] of pairs) pairSimilarity.set(i * n + j, jaccard(shingles[i]!, shingles[j]!));

  yield { kind: 'value', field: 'plans', value: plans.map((p) => p.id) };
  yield { kind: 'open', field: 'similarity' };
  if (dense) {
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(n);
      for (let j = 0; j < n; j++) {
        const [a, b] = i < j ? [i, j] : [j, i];
        const known = pairSimilarity.get(a * n + b);
        row[j] =
          i === j
            ? 1
            : round4(
                known ??
                  (exact
                    ? jaccard(shingles[a]!, shingles[b]!)
                    : estimateJaccard(signatures[a]!, signatures[b]!)),
              );
      }
      yield { kind: 'item', value: row };
    }
  }
  yield { kind: 'close' };
  shingles = undefined;
  if (!dense && pairPlan) {
    yield { kind: 'open', field: 'neighbours' };
    for (let i = 0; i < n; i++) {
      const value: PlanNeighbours = {
        planId: plans[i]!.id,
        plans: pairPlan.nearest[i]!.sort((a, b) => b.s - a.s || a.j - b.j).map((c) => ({
          planId: plans[c.j]!.id,
          similarity: round4(c.s),
          relation: c.relation,
        })),
      };
      yield { kind: 'item', value };
    }
    yield { kind: 'close' };
  }

  // One count of every candidate term, shared by keyness, the omissions and the addition labels.
  let table: TermTable | undefined = termTable(
    corpus,
    directive.taskGroups.map((g) => g.id),
  );
  // Distinctive terms on whole terms (no fragments such as "nội dung kết"), function words left out.
  yield { kind: 'open', field: 'keyness' };
  let i = 0;
  for (const terms of termKeyness(corpus, table.isFn, table.places, { limit: options.keynessTerms ?? 20 }))
    yield { kind: 'item', value: { planId: plans[i++]!.id, terms } };
  yield { kind: 'close' };

  // The directive's group descriptions and phrases were compiled from the plans themselves (the
  // Conclusion's text is not in the corpus), so only its title counts as a counterpart for additions.
  yield { kind: 'open', field: 'additions' };
  for (const clusters of additionsByPlan(
    corpus,
    [tokenize(directive.title.vi, corpus.vocab)],
    options.additions,
    table,
  ))
    for (const c of clusters) yield { kind: 'item', value: c };
  yield { kind: 'close' };
  yield { kind: 'open', field: 'omissions' };
  for (const list of omissionsByPlan(corpus, directive, options.omissions, table))
    for (const o of list) yield { kind: 'item', value: o };
  yield { kind: 'close' };
  // The term table counts every term of the corpus: not kept while the comparisons run.
  table = undefined;

  const reuseIgnore = new Set<number>();
  const seed = options.compare?.reuse?.seed ?? 8;
  // The directive's own wording (its title above all) is quoted by every plan: not reuse between plans.
  for (const s of directiveSeqs)
    for (let k = 0; k + seed <= s.ids.length; k++) reuseIgnore.add(gramKey(s.ids, k, seed));
  const markBoilerplate = boilerplateMarker(corpus, directive);
  yield { kind: 'open', field: 'comparisons' };
  for (const [a, b] of pairs) {
    const key = a * n + b;
    const full = !pairPlan || pairPlan.full.has(key);
    const comparison: PlanComparison = comparePrepared(
      corpus,
      corpus.plans[a]!,
      corpus.plans[b]!,
      pairSimilarity.get(key)!,
      { ...options.compare, reuse: { ...options.compare?.reuse, ignore: reuseIgnore }, reuseOnly: !full },
    );
    if (pairPlan) comparison.relation = pairPlan.relation.get(key)!;
    markBoilerplate(comparison);
    yield { kind: 'item', value: comparison };
  }
  yield { kind: 'close' };

  yield {
    kind: 'value',
    field: 'method',
    value: {
      similarity: dense
        ? exact
          ? 'Jaccard of the plans’ sets of accent-folded syllable 3-grams (content units only), exact.'
          : 'Jaccard of the plans’ sets of accent-folded syllable 3-grams: exact for compared pairs, MinHash estimate (128 hashes) elsewhere.'
        : 'Jaccard of the plans’ sets of accent-folded syllable 3-grams, exact, for each plan’s compared plans (`neighbours`); no full matrix at this size.',
      candidates: exhaustive
        ? 'All pairs (small corpus).'
        : 'Each plan against the plans of the level above in its province (`relation: vertical`) and its closest plans of the same level (`relation: peer`: exact Jaccard over the MinHash/LSH candidates, bands of 4 rows, oversized buckets split by further bands); comparisons marked `reuseOnly` have shared passages only.',
      additions:
        'Syllables not inside any 4-gram of the directive’s title or of another plan’s content; mostly-new runs snapped to clause boundaries, clustered by average linkage over new wording and section, labelled by whole 2–4-syllable terms frequent in the cluster and rare in the other plans (place names of the headers left out).',
      omissions:
        'Elements = terms over-represented (G²) in the units labelled with the group, specific to it (not spread evenly over the groups) and carried by ≥ 2 plans or the directive’s text, joined when found in the same units; omitted when the directive or half the other plans carry one of its terms and the plan does not.',
      reuse:
        'Shared 8-syllable seeds between any two units (order ignored), extended to maximal exact matches and chained across gaps ≤ 4; ≥ 12 matched syllables; runs made only of the directive’s own wording are ignored; runs mostly of the directive’s citation formula or of wording in most plans (6-gram plan frequency ≥ 80 %) are marked boilerplate.',
      keyness:
        'Log-likelihood G² of whole terms (2–4 syllables that cut no word, no function word at either end, and single syllables that stand alone as words) in the plan against the rest of the corpus.',
    },
  };
}

/** Every finding of the diff stage in one object (small corpora, notebooks, tests). */
export function compareCorpus(
  directive: Directive,
  plans: readonly DiffPlan[],
  options: CompareCorpusOptions = {},
): Findings {
  const out: Record<string, unknown> = {};
  let list: unknown[] | undefined;
  for (const piece of corpusFindings(directive, plans, options)) {
    if (piece.kind === 'value') out[piece.field] = piece.value;
    else if (piece.kind === 'open') {
      list = [];
      out[piece.field] = list;
    } else if (piece.kind === 'item') list!.push(piece.value);
    else list = undefined;
  }
  return out as Findings;
}

/** The JSON text of the findings object, in chunks of about `chunk` characters (never the whole). */
export function* findingsJson(pieces: Iterable<FindingsPiece>, chunk = 1 << 16): Generator<string> {
  let buffer = '{';
  let fields = 0;
  let items = 0;
  for (const piece of pieces) {
    if (piece.kind === 'value' || piece.kind === 'open') {
      buffer += `${fields++ > 0 ? ',' : ''}${JSON.stringify(piece.field)}:`;
      if (piece.kind === 'value') buffer += JSON.stringify(piece.value);
      else {
        buffer += '[';
        items = 0;
      }
    } else if (piece.kind === 'item') buffer += `${items++ > 0 ? ',' : ''}${JSON.stringify(piece.value)}`;
    else buffer += ']';
    if (buffer.length >= chunk) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}}`;
}
