/**
 * Agreement between two annotators of the same units: how often they agree
 * on which units to label at all, and, on the units both labelled, the
 * per-group F1 of one against the other, exact match and Cohen's kappa.
 * The engine's figures are best read against this ceiling.
 */
import { type Evaluation, evaluate } from './evaluate.ts';
import type { GoldRow } from './gold.ts';

export interface Agreement {
  /** Units in both files. */
  shared: number;
  /** Share of shared units given the same status (unit / skip). */
  statusAgreement: number;
  /** B scored against A on the units both labelled. */
  labels: Evaluation;
  /** Cohen's kappa per group (presence / absence of the group), on the units both labelled. */
  kappa: Record<string, number>;
}

const r4 = (x: number): number => +x.toFixed(4);

/** Cohen's kappa for two binary raters; 1 when both agree on everything. */
export function cohensKappa(a: readonly boolean[], b: readonly boolean[]): number {
  const n = a.length;
  if (n === 0) return 1;
  let agree = 0;
  let aYes = 0;
  let bYes = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    if (a[i]) aYes++;
    if (b[i]) bYes++;
  }
  const observed = agree / n;
  const expected = (aYes / n) * (bYes / n) + (1 - aYes / n) * (1 - bYes / n);
  return expected === 1 ? 1 : r4((observed - expected) / (1 - expected));
}

export function agreement(
  a: readonly GoldRow[],
  b: readonly GoldRow[],
  groups: readonly string[],
): Agreement {
  const bById = new Map(b.map((row) => [row.unitId, row]));
  const shared = a.filter((row) => bById.has(row.unitId));
  const sameStatus = shared.filter((row) => bById.get(row.unitId)!.status === row.status).length;
  const both = shared.filter((row) => row.status === 'unit' && bById.get(row.unitId)!.status === 'unit');
  const pairs = both.map((row) => ({ gold: row.labels, predicted: bById.get(row.unitId)!.labels }));
  const kappa = Object.fromEntries(
    groups.map((g) => [
      g,
      cohensKappa(
        pairs.map((p) => p.gold.includes(g)),
        pairs.map((p) => p.predicted.includes(g)),
      ),
    ]),
  );
  return {
    shared: shared.length,
    statusAgreement: r4(shared.length ? sameStatus / shared.length : 1),
    labels: evaluate(pairs, groups),
    kappa,
  };
}
