/**
 * The citation graph of a corpus (plan → cited document) and checks on it,
 * by method, not by list:
 * - number-differs: within one plan, citations of the same kind, issuer and
 *   date under different numbers (one document, two numbers: "16-KL/TW" and
 *   "126-KL/TW", both of 14/02/2012);
 * - date-differs: within one plan, one number cited with different dates;
 * - date-mismatch: a citation's date differs from the document's known date
 *   (the directive file, the documents it lists, the plans of the corpus);
 * - guidance-not-in-level-above: a guidance (Hướng dẫn) the plan cites that
 *   the plan of the level above, in its province, never mentions.
 */
import type { DocumentRefFound } from '@doichieu/core';
import type { ProfileBase } from './profile.ts';
import type { CitationCheck, CitationGraph, Evidence } from './schema.ts';
import type { DirectiveLike } from './types.ts';

const EVIDENCE_LISTED = 10;

function evidence(r: DocumentRefFound): Evidence {
  return { unitId: r.unitId ?? '', span: r.span, text: r.text.replace(/\s+/g, ' ') };
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The citations of one plan that count: not its own number, not OCR-garbled digits. */
function citationsOf(plan: Pick<CitingPlan, 'references'>): DocumentRefFound[] {
  return plan.references.filter((r) => !r.self && !r.garbled);
}

export interface CitingPlan {
  id: string;
  meta: { documentNumber: string; date: string };
  references: readonly DocumentRefFound[];
}

export function citationGraph(
  plans: readonly CitingPlan[],
  directive: DirectiveLike,
  profiles: readonly Pick<ProfileBase, 'planId' | 'guidance'>[] = [],
  levelAboveOf: (planId: string) => string | null = () => null,
): CitationGraph {
  const knownDates = new Map<
    string,
    { date: string; from: 'directive' | 'directive-related' | 'corpus'; planId?: string }
  >();
  knownDates.set(directive.id, { date: directive.date, from: 'directive' });
  for (const r of directive.related ?? [])
    if (r.date) knownDates.set(r.number, { date: r.date, from: 'directive-related' });
  for (const p of plans)
    if (
      p.meta.documentNumber !== 'unknown' &&
      p.meta.date !== 'unknown' &&
      !knownDates.has(p.meta.documentNumber)
    )
      knownDates.set(p.meta.documentNumber, { date: p.meta.date, from: 'corpus', planId: p.id });
  const planByNumber = new Map(
    plans.filter((p) => p.meta.documentNumber !== 'unknown').map((p) => [p.meta.documentNumber, p.id]),
  );

  const documents = new Map<string, { kind: string; issuer?: string; citedBy: Set<string> }>();
  const citations: CitationGraph['citations'] = [];
  const checks: CitationCheck[] = [];
  for (const plan of plans) {
    const refs = citationsOf(plan);
    const byNumber = new Map<string, DocumentRefFound[]>();
    for (const r of refs) byNumber.set(r.number, [...(byNumber.get(r.number) ?? []), r]);
    for (const [number, list] of [...byNumber].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const first = list[0]!;
      const doc = documents.get(number) ?? {
        kind: first.kind,
        ...(first.issuer ? { issuer: first.issuer } : {}),
        citedBy: new Set(),
      };
      doc.citedBy.add(plan.id);
      documents.set(number, doc);
      const dates = sortedUnique(list.flatMap((r) => (r.date ? [r.date] : [])));
      citations.push({
        from: plan.id,
        to: number,
        count: list.length,
        dates,
        evidence: list.slice(0, EVIDENCE_LISTED).map(evidence),
      });
      if (dates.length > 1)
        checks.push({
          planId: plan.id,
          check: 'date-differs',
          message: `${number} is cited with ${dates.length} different dates: ${dates.join(', ')}`,
          documents: [number],
          evidence: list.filter((r) => r.date).map(evidence),
        });
      const known = knownDates.get(number);
      if (known && known.planId !== plan.id)
        for (const date of dates.filter(
          (d) => d !== known.date && d.length === 10 && known.date.length === 10,
        ))
          checks.push({
            planId: plan.id,
            check: 'date-mismatch',
            message: `${number} is cited as of ${date}; its known date is ${known.date} (${known.from === 'corpus' ? `plan ${known.planId}` : 'the directive file'})`,
            documents: [number],
            evidence: list.filter((r) => r.date === date).map(evidence),
          });
    }
    // One document under several numbers: same kind, issuer and full date, different numbers.
    const byIdentity = new Map<string, DocumentRefFound[]>();
    for (const r of refs)
      if (r.date && r.date.length === 10 && r.issuer && !r.partial) {
        const key = `${r.kind}|${r.issuer}|${r.date}`;
        byIdentity.set(key, [...(byIdentity.get(key) ?? []), r]);
      }
    for (const list of byIdentity.values()) {
      const numbers = sortedUnique(list.map((r) => r.number));
      if (numbers.length > 1)
        checks.push({
          planId: plan.id,
          check: 'number-differs',
          message: `one ${list[0]!.kind} of ${list[0]!.date} by ${list[0]!.issuer} is cited under ${numbers.length} numbers: ${numbers.join(', ')}`,
          documents: numbers,
          evidence: list.map(evidence),
        });
    }
  }
  const guidanceOf = new Map(profiles.map((p) => [p.planId, new Set(p.guidance)]));
  const citesOf = new Map(plans.map((p) => [p.id, new Set(citationsOf(p).map((r) => r.number))]));
  for (const plan of plans) {
    const above = levelAboveOf(plan.id);
    if (!above) continue;
    const mentioned = citesOf.get(above) ?? new Set<string>();
    for (const g of guidanceOf.get(plan.id) ?? [])
      if (!mentioned.has(g))
        checks.push({
          planId: plan.id,
          check: 'guidance-not-in-level-above',
          message: `cites guidance ${g}, which the plan of the level above (${above}) never mentions`,
          documents: [g],
          evidence: citationsOf(plan)
            .filter((r) => r.number === g)
            .slice(0, EVIDENCE_LISTED)
            .map(evidence),
        });
  }
  return {
    documents: [...documents]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, d]) => {
        const known = knownDates.get(id);
        const planId = planByNumber.get(id);
        return {
          id,
          kind: d.kind,
          ...(d.issuer ? { issuer: d.issuer } : {}),
          ...(known ? { knownDate: known.date, knownFrom: known.from } : {}),
          ...(planId ? { planId } : {}),
          citedBy: [...d.citedBy].sort(),
        };
      }),
    citations,
    checks,
  };
}
