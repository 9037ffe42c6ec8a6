/**
 * Multi-label evaluation: per-group precision, recall and F1, micro and
 * macro F1, the exact-match rate, and a confusion table between gold and
 * predicted groups (with "none" for an empty label set).
 */
export interface LabelledPair {
  gold: readonly string[];
  predicted: readonly string[];
}

export interface GroupMetrics {
  group: string;
  support: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  units: number;
  perGroup: GroupMetrics[];
  microF1: number;
  macroF1: number;
  exactMatch: number;
  /** confusion[gold][predicted]: for each unit, every gold group (or none) against every predicted group (or none). */
  confusion: Record<string, Record<string, number>>;
}

const r4 = (x: number): number => +x.toFixed(4);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function evaluate(pairs: readonly LabelledPair[], groups: readonly string[]): Evaluation {
  const keys = [...groups, 'none'];
  const confusion: Record<string, Record<string, number>> = Object.fromEntries(
    keys.map((g) => [g, Object.fromEntries(keys.map((p) => [p, 0]))]),
  );
  let tpAll = 0;
  let predAll = 0;
  let goldAll = 0;
  let exact = 0;
  const perGroup = groups.map((group) => {
    let tp = 0;
    let predicted = 0;
    let support = 0;
    for (const { gold, predicted: pred } of pairs) {
      const g = gold.includes(group);
      const p = pred.includes(group);
      if (g) support++;
      if (p) predicted++;
      if (g && p) tp++;
    }
    tpAll += tp;
    predAll += predicted;
    goldAll += support;
    const precision = predicted ? tp / predicted : support ? 0 : 1;
    const recall = support ? tp / support : 1;
    return {
      group,
      support,
      predicted,
      truePositives: tp,
      precision: r4(precision),
      recall: r4(recall),
      f1: r4(f1(precision, recall)),
    };
  });
  for (const { gold, predicted } of pairs) {
    const gs = gold.length ? gold : ['none'];
    const ps = predicted.length ? predicted : ['none'];
    for (const g of gs) for (const p of ps) confusion[g]![p] = confusion[g]![p]! + 1;
    if (gold.length === predicted.length && gold.every((g) => predicted.includes(g))) exact++;
  }
  const microP = predAll ? tpAll / predAll : 1;
  const microR = goldAll ? tpAll / goldAll : 1;
  return {
    units: pairs.length,
    perGroup,
    microF1: r4(f1(microP, microR)),
    macroF1: r4(perGroup.reduce((s, g) => s + g.f1, 0) / (perGroup.length || 1)),
    exactMatch: r4(pairs.length ? exact / pairs.length : 1),
    confusion,
  };
}
