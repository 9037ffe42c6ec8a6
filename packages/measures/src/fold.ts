/**
 * What the profiles read of the diff stage's findings, folded plan by plan
 * while the findings stream, so that a national corpus's reuse passages and
 * additions are never all held at once. Per plan it keeps:
 * - the plans it was compared with;
 * - for each other plan it shares text with, per unit, the merged spans of
 *   that text (plain and boilerplate apart) and when the unit first came:
 *   the shares are sums over units in that order, so the figures are the
 *   same to the last bit as summing over every passage;
 * - per unit, up to two other plans sharing it (restatement: several do);
 * - per unit, its first passages and its first boilerplate passages, as many
 *   as a profile could still list after the plan's own restatements: the
 *   restated evidence it lists is drawn from them;
 * - its longest passages, as many as a profile lists;
 * - the spans of its additions (their texts are never printed).
 */
import type { Span } from '@doichieu/core';
import { union } from './text.ts';
import type { FindingsLike, PassageLike } from './types.ts';

/** Evidence a profile lists per share (restated, own). */
export const EVIDENCE_LISTED = 20;
/** Reuse passages a profile lists. */
export const PASSAGES_LISTED = 40;

/** A reuse passage of a plan, numbered in the order the findings gave it. */
export interface FoldedPassage {
  seq: number;
  from: string;
  unitId: string;
  span: Span;
  text: string;
  tokens: number;
  boilerplate: boolean;
}

/** Text of one unit shared with one other plan: its spans (merged now and then) and the first passage's number. */
export interface UnitCover {
  first: number;
  spans: Span[];
}

export interface SharedWithPlan {
  plain: Map<string, UnitCover>;
  boilerplate: Map<string, UnitCover>;
}

export interface PlanFold {
  comparedWith: Set<string>;
  /** Other plan → its shared text on this plan's units. */
  sharedWith: Map<string, SharedWithPlan>;
  /** Unit → the first two other plans sharing its text. */
  partners: Map<string, Set<string>>;
  /** Unit → its first passages, and its first boilerplate passages (`wanted` each). */
  evidence: Map<string, { wanted: number; any: FoldedPassage[]; boilerplate: FoldedPassage[] }>;
  /** The PASSAGES_LISTED longest passages, in the profile's order. */
  longest: FoldedPassage[];
  additions: { unitId: string; span: Span }[];
}

/** The profile's order of passages: longest first, then by position, other plan, and arrival. */
function listedBefore(a: FoldedPassage, b: FoldedPassage): boolean {
  if (a.tokens !== b.tokens) return a.tokens > b.tokens;
  if (a.span[0] !== b.span[0]) return a.span[0] < b.span[0];
  if (a.from !== b.from) return a.from < b.from;
  return a.seq < b.seq;
}

function addSpan(covers: Map<string, UnitCover>, unitId: string, span: Span, seq: number): void {
  const cover = covers.get(unitId);
  if (!cover) {
    covers.set(unitId, { first: seq, spans: [[span[0], span[1]]] });
    return;
  }
  cover.spans.push([span[0], span[1]]);
  // Merging keeps a unit compared with a plan many times small; the covered length is unchanged.
  if (cover.spans.length > 16) cover.spans = union(cover.spans);
}

/** How many restated passages of a unit a profile could list (at most EVIDENCE_LISTED). */
/** What a plan's fold holds before any comparison has reached it. */
export function emptyPlanFold(): PlanFold {
  return {
    comparedWith: new Set(),
    sharedWith: new Map(),
    partners: new Map(),
    evidence: new Map(),
    longest: [],
    additions: [],
  };
}

export type EvidenceWanted = (planId: string, unitId: string) => number;

export class FindingsFold {
  readonly plans = new Map<string, PlanFold>();
  private seq = 0;

  constructor(private readonly evidenceWanted: EvidenceWanted = () => EVIDENCE_LISTED) {}

  /** Everything at once (findings held in memory): the same fold as streaming them. */
  static of(findings: FindingsLike, evidenceWanted?: EvidenceWanted): FindingsFold {
    const fold = new FindingsFold(evidenceWanted);
    for (const c of findings.comparisons) fold.addComparison(c);
    for (const a of findings.additions) fold.addAdditions(a);
    return fold;
  }

  plan(planId: string): PlanFold | undefined {
    return this.plans.get(planId);
  }

  private planFold(planId: string): PlanFold {
    let fold = this.plans.get(planId);
    if (!fold) {
      fold = emptyPlanFold();
      this.plans.set(planId, fold);
    }
    return fold;
  }

  addComparison(c: FindingsLike['comparisons'][number]): void {
    this.planFold(c.a).comparedWith.add(c.b);
    this.planFold(c.b).comparedWith.add(c.a);
    for (const r of c.reuse) {
      this.addReuse(r.a, r.b.planId, r.tokens, r.boilerplate === true);
      this.addReuse(r.b, r.a.planId, r.tokens, r.boilerplate === true);
    }
  }

  addAdditions(a: FindingsLike['additions'][number]): void {
    const fold = this.planFold(a.planId);
    for (const p of a.passages) fold.additions.push({ unitId: p.unitId, span: p.span });
  }

  private addReuse(mine: PassageLike, from: string, tokens: number, boilerplate: boolean): void {
    const fold = this.planFold(mine.planId);
    const passage: FoldedPassage = {
      seq: this.seq++,
      from,
      unitId: mine.unitId,
      span: mine.span,
      text: mine.text,
      tokens,
      boilerplate,
    };
    let shared = fold.sharedWith.get(from);
    if (!shared) {
      shared = { plain: new Map(), boilerplate: new Map() };
      fold.sharedWith.set(from, shared);
    }
    addSpan(boilerplate ? shared.boilerplate : shared.plain, mine.unitId, mine.span, passage.seq);

    let partners = fold.partners.get(mine.unitId);
    if (!partners) {
      partners = new Set();
      fold.partners.set(mine.unitId, partners);
    }
    if (partners.size < 2) partners.add(from);

    let evidence = fold.evidence.get(mine.unitId);
    if (!evidence) {
      evidence = { wanted: this.evidenceWanted(mine.planId, mine.unitId), any: [], boilerplate: [] };
      fold.evidence.set(mine.unitId, evidence);
    }
    if (evidence.any.length < evidence.wanted) evidence.any.push(passage);
    if (boilerplate && evidence.boilerplate.length < evidence.wanted) evidence.boilerplate.push(passage);

    const longest = fold.longest;
    if (longest.length < PASSAGES_LISTED || listedBefore(passage, longest[longest.length - 1]!)) {
      let at = longest.length;
      while (at > 0 && listedBefore(passage, longest[at - 1]!)) at--;
      longest.splice(at, 0, passage);
      if (longest.length > PASSAGES_LISTED) longest.pop();
    }
  }
}

/** The restated passages of a plan in arrival order: boilerplate, or on a unit that several other plans share (at most EVIDENCE_LISTED per unit). */
export function restatedPassages(fold: PlanFold): FoldedPassage[] {
  const out: FoldedPassage[] = [];
  for (const [unitId, evidence] of fold.evidence)
    out.push(...((fold.partners.get(unitId)?.size ?? 0) >= 2 ? evidence.any : evidence.boilerplate));
  return out.sort((a, b) => a.seq - b.seq);
}

/**
 * The shared text of one or more other plans, per unit, in the order the units first came
 * (a share is a floating-point sum over units, so the order is kept).
 */
export function coversInOrder(maps: readonly ReadonlyMap<string, UnitCover>[]): [string, Span[]][] {
  const byUnit = new Map<string, { first: number; spans: Span[] }>();
  for (const map of maps)
    for (const [unitId, cover] of map) {
      const seen = byUnit.get(unitId);
      if (seen) {
        seen.first = Math.min(seen.first, cover.first);
        seen.spans.push(...cover.spans);
      } else byUnit.set(unitId, { first: cover.first, spans: [...cover.spans] });
    }
  return [...byUnit]
    .sort(([, a], [, b]) => a.first - b.first)
    .map(([unitId, cover]) => [unitId, cover.spans]);
}
