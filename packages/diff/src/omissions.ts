/**
 * Omissions: the elements of a task group that the directive or most other
 * plans carry and a plan does not. A group's elements are derived from the
 * corpus: terms (2–4 syllables) over-represented (G²) in the units labelled
 * with the group, carried by at least two plans or by the directive's text
 * for the group; terms found in the same units form one element. A plan
 * carries an element when any of its content units contains one of its terms.
 */
import type { Directive } from '@doichieu/core';
import { scanTerms, slotIds, slotText, type TermTable, termTable } from './grams.ts';
import { logLikelihood } from './keyness.ts';
import type { PreparedCorpus } from './prepare.ts';
import type { Omission } from './schema.ts';
import { passageRef } from './spans.ts';
import { gramKey, tokenize } from './tokens.ts';
import { round4 } from './types.ts';

export interface OmissionOptions {
  /** Share of the other plans that must carry an element for its absence to count (default 0.5). */
  minShare?: number;
  /** G² a term needs in the group's units (default 6.63, p < 0.01). */
  minG2?: number;
  /** Most terms per group (default 30). */
  maxTerms?: number;
  /** Jaccard of unit sets above which two terms are one element (default 0.8). */
  join?: number;
  /** Examples per omission (default 3). */
  examples?: number;
  /**
   * Specificity of a term to a group: the group's share of the term's rates (occurrences per
   * group size) over all groups; a term spread evenly scores 1/groups. Least specificity of a
   * 3–4-syllable term (default 0.5) and of a 2-syllable one (default 0.8), unless the directive's
   * text for the group has it.
   */
  minSpecificity?: number;
  minSpecificityWord?: number;
  /** List at most this many carriers per omission, with their count (large corpora; default all). */
  carriedByListed?: number;
}

export interface GroupElement {
  group: string;
  terms: { ids: number[]; text: string; g2: number }[];
  inDirective: boolean;
  /** Plan indices carrying the element. */
  carriers: Set<number>;
  /** Units (plan index, unit index) labelled with the group that carry it. */
  units: [number, number][];
}

/** Elements of each task group, derived from the corpus and the directive (`table`: a term table already built). */
export function groupElements(
  corpus: PreparedCorpus,
  directive: Directive,
  options: OmissionOptions = {},
  table?: TermTable,
): GroupElement[] {
  const vocab = corpus.vocab;
  const groupIds = directive.taskGroups.map((g) => g.id);
  const t = table ?? termTable(corpus, groupIds);
  const G = groupIds.length;
  const minG2 = options.minG2 ?? 6.63;
  const minSpec = options.minSpecificity ?? 0.5;
  const minSpecWord = options.minSpecificityWord ?? 0.8;
  const maxTerms = options.maxTerms ?? 30;
  interface Cand {
    s: number;
    key: number;
    g2: number;
    dir: boolean;
    plans?: Set<number>;
    units?: Set<number>;
  }
  // Pass 1: candidates per group from the counts alone, best G² first.
  const cands: Cand[][] = directive.taskGroups.map((g, gi) => {
    const dirGrams = new Set<number>();
    for (const text of [g.label.vi, g.description.vi, ...g.phrases]) {
      const sq = tokenize(text, vocab);
      for (let n = 2; n <= 4; n++)
        for (let i = 0; i + n <= sq.ids.length; i++) dirGrams.add(gramKey(sq.ids, i, n));
    }
    const tG = t.bigramsInGroup[gi]!;
    const tRest = t.bigrams - tG;
    const out: Cand[] = [];
    for (let s = 0; s < t.size; s++) {
      const inG = t.inGroup[s * G + gi]!;
      if (inG === 0) continue;
      const key = t.keys[s]!;
      const dir = dirGrams.has(key);
      if (t.planDf[s]! < 2 && !dir) continue;
      const inRest = t.total[s]! - inG;
      if (inG / Math.max(1, tG) <= inRest / Math.max(1, tRest)) continue;
      // Specificity: the group's share of the term's rate over all groups; terms spread evenly
      // across the groups (generic verbs and adverbs) score about 1/G.
      let rates = 0;
      for (let h = 0; h < G; h++) rates += t.inGroup[s * G + h]! / Math.max(1, t.bigramsInGroup[h]!);
      // A two-syllable term is one word: generic words ("phát huy", "tích cực") need to be more specific.
      const spec = inG / Math.max(1, tG) / rates;
      if (!dir && spec < ((t.firstPos[s]! & 7) === 2 ? minSpecWord : minSpec)) continue;
      const g2 = logLikelihood(inG, inRest, tG, tRest);
      if (g2 >= minG2 || (dir && g2 >= 3.84)) out.push({ s, key, g2, dir });
    }
    return out.sort((a, b) => b.g2 - a.g2 || a.key - b.key);
  });
  // Pass 2, in rounds: plans and units (of the group) only for the best candidates.
  const kept: Cand[][] = groupIds.map(() => []);
  const next = groupIds.map(() => 0);
  const done = groupIds.map(() => false);
  const batch = 200;
  while (done.some((d) => !d)) {
    const want = new Map<number, { gi: number; c: Cand }[]>();
    groupIds.forEach((_, gi) => {
      if (done[gi]) return;
      for (const c of cands[gi]!.slice(next[gi]!, next[gi]! + batch)) {
        c.plans = new Set();
        c.units = new Set();
        const list = want.get(c.key) ?? [];
        list.push({ gi, c });
        want.set(c.key, list);
      }
    });
    scanTerms(t, want, (ei, key) => {
      const { pi, gs } = t.units[ei]!;
      for (const { gi, c } of want.get(key)!)
        if (gs.includes(gi)) {
          c.plans!.add(pi);
          c.units!.add(ei);
        }
    });
    groupIds.forEach((_, gi) => {
      if (done[gi]) return;
      const list = kept[gi]!;
      for (const c of cands[gi]!.slice(next[gi]!, next[gi]! + batch)) {
        if (list.length >= maxTerms) break;
        if (!((c.plans!.size >= 2 && c.g2 >= minG2) || (c.dir && c.g2 >= 3.84))) continue;
        // Drop a term inside a longer kept term found in the same units.
        const ids = `,${slotIds(t, c.s).join(',')},`;
        const idsOf = (x: Cand) => `,${slotIds(t, x.s).join(',')},`;
        if (list.some((k) => idsOf(k).includes(ids) && k.units!.size >= c.units!.size * 0.8)) continue;
        const inner = list.findIndex((k) => ids.includes(idsOf(k)) && c.units!.size >= k.units!.size * 0.8);
        if (inner >= 0) list.splice(inner, 1);
        list.push(c);
      }
      next[gi]! += batch;
      if (list.length >= maxTerms || next[gi]! >= cands[gi]!.length) done[gi] = true;
    });
  }
  const out: GroupElement[] = [];
  directive.taskGroups.forEach((g, gi) => {
    const list = kept[gi]!;
    const parent = list.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i]!;
      return i;
    };
    const jac = (a: Set<number>, b: Set<number>) => {
      let inter = 0;
      for (const x of a) if (b.has(x)) inter++;
      return inter / (a.size + b.size - inter);
    };
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (jac(list[i]!.units!, list[j]!.units!) >= (options.join ?? 0.8)) parent[find(j)] = find(i);
    const byRoot = new Map<number, Cand[]>();
    list.forEach((c, i) => {
      byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), c]);
    });
    for (const members of byRoot.values()) {
      const units = new Set<number>();
      for (const c of members) for (const e of c.units!) units.add(e);
      out.push({
        group: g.id,
        terms: members.map((c) => {
          const ids = slotIds(t, c.s);
          return { ids, text: slotText(t, c.s), g2: c.g2 };
        }),
        inDirective: members.some((c) => c.dir),
        carriers: new Set<number>(),
        units: [...units].sort((a, b) => a - b).map((e) => [t.units[e]!.pi, t.units[e]!.u.index]),
      });
    }
  });
  carriersOf(corpus, out);
  return out;
}

/** Fills each element's carriers: one pass over every plan's tokens with the terms indexed by first syllable. */
function carriersOf(corpus: PreparedCorpus, elements: GroupElement[]): void {
  const byFirst = new Map<number, { ids: number[]; e: number }[]>();
  elements.forEach((el, e) => {
    for (const t of el.terms) {
      const list = byFirst.get(t.ids[0]!) ?? [];
      list.push({ ids: t.ids, e });
      byFirst.set(t.ids[0]!, list);
    }
  });
  corpus.plans.forEach((p, pi) => {
    for (const u of p.units) {
      if (!u.eligible) continue;
      const ids = u.seq.ids;
      for (let i = 0; i < ids.length; i++) {
        const list = byFirst.get(ids[i]!);
        if (!list) continue;
        for (const t of list) {
          if (elements[t.e]!.carriers.has(pi) || i + t.ids.length > ids.length) continue;
          let ok = true;
          for (let j = 1; j < t.ids.length && ok; j++) ok = ids[i + j] === t.ids[j];
          if (ok) elements[t.e]!.carriers.add(pi);
        }
      }
    }
  });
}

/** Omissions of every plan: elements carried by the directive or by `minShare` of the other plans, and not by the plan. */
export function findOmissions(
  corpus: PreparedCorpus,
  directive: Directive,
  options: OmissionOptions = {},
  table?: TermTable,
): Omission[] {
  return [...omissionsByPlan(corpus, directive, options, table)].flat();
}

/** The same, one plan's omissions at a time. */
export function* omissionsByPlan(
  corpus: PreparedCorpus,
  directive: Directive,
  options: OmissionOptions = {},
  table?: TermTable,
): Generator<Omission[]> {
  const elements = groupElements(corpus, directive, options, table);
  const n = corpus.plans.length;
  const need = Math.max(1, Math.ceil((options.minShare ?? 0.5) * (n - 1)));
  // What an element says is the same for every plan that omits it: built once and shared
  // (a corpus of 1,000 plans has thousands of omissions of the same few hundred elements).
  const shared = elements.map((e) => {
    const terms = [...e.terms].sort((a, b) => b.g2 - a.g2 || (a.text < b.text ? -1 : 1));
    const seen = new Set<number>();
    const examples = e.units
      .filter(([p]) => {
        if (seen.has(p)) return false;
        seen.add(p);
        return true;
      })
      .slice(0, options.examples ?? 3)
      .map(([p, u]) => passageRef(corpus.plans[p]!, corpus.plans[p]!.units[u]!));
    return {
      label: omissionLabel(terms),
      keyTerms: terms.map((t) => ({ term: t.text, weight: round4(t.g2) })),
      carriedBy: [...e.carriers].sort((a, b) => a - b).map((c) => corpus.plans[c]!.plan.id),
      examples,
    };
  });
  for (let pi = 0; pi < corpus.plans.length; pi++) {
    const plan = corpus.plans[pi]!;
    const out: Omission[] = [];
    elements.forEach((e, ei) => {
      if (e.carriers.has(pi)) return;
      const others = e.carriers.size;
      if (others < need && !(e.inDirective && others >= 1)) return;
      const s = shared[ei]!;
      const listed = options.carriedByListed;
      out.push({
        planId: plan.plan.id,
        group: e.group,
        label: s.label,
        keyTerms: s.keyTerms,
        ...(listed !== undefined && s.carriedBy.length > listed
          ? { carriedBy: s.carriedBy.slice(0, listed), carriedByCount: s.carriedBy.length }
          : { carriedBy: s.carriedBy }),
        inDirective: e.inDirective,
        examples: s.examples,
      });
    });
    yield out;
  }
}

/** A label from an element's terms (best G² first): up to three, longer terms first among near-equals, none inside another. */
function omissionLabel(terms: readonly { ids: number[]; text: string; g2: number }[]): string {
  const chosen: { ids: number[]; text: string }[] = [];
  const contains = (a: number[], b: number[]) => `,${a.join(',')},`.includes(`,${b.join(',')},`);
  for (const t of terms) {
    if (chosen.length >= 3) break;
    if (chosen.some((c) => contains(c.ids, t.ids) || contains(t.ids, c.ids))) continue;
    chosen.push(t);
  }
  return chosen.map((t) => t.text).join(' · ');
}
