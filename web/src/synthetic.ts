/**
 * A large analysis made by replicating the real plans under new ids, for
 * measuring the viewer on hundreds of plans. The first copy of each plan
 * keeps its id, so the findings' comparisons stay valid; coverage shares are
 * jittered a little (deterministically) so that sorting has work to do.
 */
import type { Analysis, Plan } from './types.ts';

function rename(plan: Plan, id: string, copy: number): Plan {
  const swap = (s: string) => (s.startsWith(`${plan.id}:`) ? id + s.slice(plan.id.length) : s);
  return {
    ...plan,
    id,
    meta: {
      ...plan.meta,
      id,
      documentNumber: copy === 0 ? plan.meta.documentNumber : `${100 + copy}-KH/S${copy}`,
    },
    units: plan.units.map((u) => ({
      ...u,
      id: swap(u.id),
      ...(u.parentId ? { parentId: swap(u.parentId) } : {}),
    })),
    fields: plan.fields.map((f) => ({ ...f, unitId: swap(f.unitId) })),
    references: plan.references.map((r) => (r.unitId ? { ...r, unitId: swap(r.unitId) } : r)),
  };
}

/** An analysis with `count` plans cycling through `base.plans`; copies get ids `<id>-sN`. */
export function syntheticAnalysis(base: Analysis, count: number): Analysis {
  const n = base.plans.length;
  if (n === 0) return base;
  const plans: Plan[] = [];
  const coverage: Analysis['coverage'] = [];
  const origin: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = k % n;
    const copy = Math.floor(k / n);
    const src = base.plans[i]!;
    const id = copy === 0 ? src.id : `${src.id}-s${copy}`;
    plans.push(copy === 0 ? src : rename(src, id, copy));
    origin.push(i);
    const cells = base.coverage.find((c) => c.planId === src.id)?.cells ?? [];
    const swap = (u: string) => (copy === 0 ? u : id + u.slice(src.id.length));
    coverage.push({
      planId: id,
      cells: cells.map((c, gi) => ({
        ...c,
        units: c.units.map(swap),
        operationalUnits: c.operationalUnits.map(swap),
        share:
          copy === 0
            ? c.share
            : Math.min(1, +(c.share * (0.8 + (((k * 7 + gi * 13) % 41) / 40) * 0.4)).toFixed(4)),
      })),
    });
  }
  const out: Analysis = { ...base, plans, coverage };
  const f = base.findings;
  if (f) {
    const pos = new Map(f.plans.map((p, i) => [p, i]));
    const idx = origin.map((i) => pos.get(base.plans[i]!.id) ?? -1);
    out.findings = {
      ...f,
      plans: plans.map((p) => p.id),
      similarity: idx.map((a, r) =>
        idx.map((b, c) =>
          r === c ? 1 : a < 0 || b < 0 ? 0 : (f.similarity[a]?.[b] ?? 0) * (a === b ? 0.98 : 1),
        ),
      ),
      keyness: plans.map((p, k) => ({
        planId: p.id,
        terms: f.keyness.find((x) => x.planId === base.plans[origin[k]!]!.id)?.terms ?? [],
      })),
    };
  }
  return out;
}
