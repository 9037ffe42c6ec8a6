/**
 * Omissions: the elements of a task group that the directive or most other
 * plans carry and a plan does not. A group's elements are derived from the
 * corpus: terms (2–4 syllables) over-represented (G²) in the units labelled
 * with the group, carried by at least two plans or by the directive's text
 * for the group; terms found in the same units form one element. A plan
 * carries an element when any of its content units contains one of its terms.
 */
import type { Directive } from '@doichieu/core';
import { logLikelihood } from './keyness.ts';
import type { PreparedCorpus, PreparedUnit } from './prepare.ts';
import type { Omission } from './schema.ts';
import { passageRef } from './spans.ts';
import { isFunctionWord, wordAcross } from './terms.ts';
import { gramKey, type TokenSeq, tokenize } from './tokens.ts';
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

/** Elements of each task group, derived from the corpus and the directive. */
export function groupElements(
  corpus: PreparedCorpus,
  directive: Directive,
  options: OmissionOptions = {},
): GroupElement[] {
  const vocab = corpus.vocab;
  const eligible: { pi: number; u: PreparedUnit }[] = [];
  corpus.plans.forEach((p, pi) => {
    for (const u of p.units) if (u.eligible) eligible.push({ pi, u });
  });
  const out: GroupElement[] = [];
  const groupIds = directive.taskGroups.map((g) => g.id);
  const G = groupIds.length;
  interface Stat {
    ids: number[];
    text: string;
    total: number;
    inG: Float64Array;
    plans: (Set<number> | undefined)[];
    units: (Set<number> | undefined)[];
  }
  const stats = new Map<number, Stat>();
  const totalG = new Float64Array(G);
  let total = 0;
  eligible.forEach(({ pi, u }, ei) => {
    const gs = u.unit.labels.map((l) => groupIds.indexOf(l)).filter((x) => x >= 0);
    const ids = u.seq.ids;
    for (let n = 2; n <= 4; n++)
      for (let i = 0; i + n <= ids.length; i++) {
        if (isFunctionWord(vocab.key(ids[i]!)) || isFunctionWord(vocab.key(ids[i + n - 1]!))) continue;
        if (/[;.:!?()]/.test(u.seq.text.slice(u.seq.ends[i]!, u.seq.starts[i + n - 1]!))) continue;
        if (wordAcross(u.seq, i - 1) || wordAcross(u.seq, i + n - 1)) continue;
        if (n === 2) {
          total++;
          for (const g of gs) totalG[g]!++;
        }
        const key = gramKey(ids, i, n);
        let st = stats.get(key);
        if (!st) {
          st = {
            ids: Array.from(ids.subarray(i, i + n)),
            text: u.seq.text.slice(u.seq.starts[i]!, u.seq.ends[i + n - 1]!).toLowerCase(),
            total: 0,
            inG: new Float64Array(G),
            plans: [],
            units: [],
          };
          stats.set(key, st);
        }
        st.total++;
        for (const g of gs) {
          st.inG[g]!++;
          const plansOf = st.plans[g] ?? new Set<number>();
          const unitsOf = st.units[g] ?? new Set<number>();
          plansOf.add(pi);
          unitsOf.add(ei);
          st.plans[g] = plansOf;
          st.units[g] = unitsOf;
        }
      }
  });
  directive.taskGroups.forEach((g, gi) => {
    const dirSeqs: TokenSeq[] = [g.label.vi, g.description.vi, ...g.phrases].map((t) => tokenize(t, vocab));
    const dirGrams = new Set<number>();
    for (const sq of dirSeqs)
      for (let n = 2; n <= 4; n++)
        for (let i = 0; i + n <= sq.ids.length; i++) dirGrams.add(gramKey(sq.ids, i, n));
    const tG = totalG[gi]!;
    const tRest = total - tG;
    const terms = [...stats.entries()]
      .filter(([, st]) => st.inG[gi]! > 0)
      .map(([key, st]) => {
        const inG = st.inG[gi]!;
        const inRest = st.total - inG;
        return {
          key: st.ids.join(','),
          ids: st.ids,
          text: st.text,
          inG,
          inRest,
          plans: st.plans[gi]!,
          units: st.units[gi]!,
          g2: logLikelihood(inG, inRest, tG, tRest),
          dir: dirGrams.has(key),
        };
      })
      .filter((t) => t.inG / Math.max(1, tG) > t.inRest / Math.max(1, tRest))
      .filter((t) => (t.plans.size >= 2 && t.g2 >= (options.minG2 ?? 6.63)) || (t.dir && t.g2 >= 3.84))
      .sort((a, b) => b.g2 - a.g2 || (a.key < b.key ? -1 : 1));
    // Drop a term inside a longer kept term found in the same units.
    const kept: typeof terms = [];
    for (const t of terms) {
      const k = `,${t.key},`;
      if (kept.some((c) => `,${c.key},`.includes(k) && c.units.size >= t.units.size * 0.8)) continue;
      const inner = kept.findIndex((c) => k.includes(`,${c.key},`) && t.units.size >= c.units.size * 0.8);
      if (inner >= 0) kept.splice(inner, 1);
      kept.push(t);
      if (kept.length >= (options.maxTerms ?? 30)) break;
    }
    const parent = kept.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i]!;
      return i;
    };
    const jac = (a: Set<number>, b: Set<number>) => {
      let inter = 0;
      for (const x of a) if (b.has(x)) inter++;
      return inter / (a.size + b.size - inter);
    };
    for (let i = 0; i < kept.length; i++)
      for (let j = i + 1; j < kept.length; j++)
        if (jac(kept[i]!.units, kept[j]!.units) >= (options.join ?? 0.8)) parent[find(j)] = find(i);
    const byRoot = new Map<number, typeof kept>();
    kept.forEach((t, i) => {
      byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), t]);
    });
    for (const members of byRoot.values()) {
      const carriers = new Set<number>();
      const units = new Set<number>();
      for (const t of members) for (const e of t.units) units.add(e);
      out.push({
        group: g.id,
        terms: members.map((t) => ({ ids: t.ids, text: t.text, g2: t.g2 })),
        inDirective: members.some((t) => t.dir),
        carriers,
        units: [...units].sort((a, b) => a - b).map((e) => [eligible[e]!.pi, eligible[e]!.u.index]),
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
): Omission[] {
  const elements = groupElements(corpus, directive, options);
  const n = corpus.plans.length;
  const need = Math.max(1, Math.ceil((options.minShare ?? 0.5) * (n - 1)));
  const out: Omission[] = [];
  corpus.plans.forEach((plan, pi) => {
    for (const e of elements) {
      if (e.carriers.has(pi)) continue;
      const others = e.carriers.size;
      if (others < need && !(e.inDirective && others >= 1)) continue;
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
      out.push({
        planId: plan.plan.id,
        group: e.group,
        label: terms
          .slice(0, 3)
          .map((t) => t.text)
          .join(' · '),
        keyTerms: terms.map((t) => ({ term: t.text, weight: round4(t.g2) })),
        carriedBy: [...e.carriers].sort((a, b) => a - b).map((c) => corpus.plans[c]!.plan.id),
        inDirective: e.inDirective,
        examples,
      });
    }
  });
  return out;
}
