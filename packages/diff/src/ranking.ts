/**
 * The order in which every consumer (CLI `additions`, CSV, report, viewer)
 * lists a plan's addition clusters: the diff stage writes them most
 * specific first (see additions.ts), so the order is the array's; these
 * helpers only read it. Pure and dependency-free, so that the viewer's
 * bundle can use it.
 */
import type { AdditionCluster } from './schema.ts';

type Ranked = Pick<AdditionCluster, 'planId'>;

/** Each cluster with its rank within its plan (1 = most specific), in the stored order. */
export function rankedAdditions<T extends Ranked>(clusters: readonly T[]): { cluster: T; rank: number }[] {
  const seen = new Map<string, number>();
  return clusters.map((cluster) => {
    const rank = (seen.get(cluster.planId) ?? 0) + 1;
    seen.set(cluster.planId, rank);
    return { cluster, rank };
  });
}

/** The clusters of one plan in rank order. */
export function planAdditions<T extends Ranked>(clusters: readonly T[], planId: string): T[] {
  return clusters.filter((c) => c.planId === planId);
}

/** The first `n` clusters of each plan (the rest belong in the CSV), in the stored order. */
export function topAdditions<T extends Ranked>(clusters: readonly T[], n: number): T[] {
  return rankedAdditions(clusters)
    .filter((x) => x.rank <= n)
    .map((x) => x.cluster);
}
