/**
 * The diff stage at scale: the whole-corpus comparison (`compareCorpus`) on
 * 100 and 1,000 synthetic plans made from the real ones (units shuffled, some
 * dropped, tone-mark style changed, OCR-like character noise), and one
 * comparison of two 20,000-character plans. Medians over BENCH_RUNS runs
 * (default 3; the 1,000-plan corpus runs BENCH_RUNS_LARGE times, default 1),
 * peak heap sampled after each run, peak RSS of the process.
 */
import { getHeapStatistics } from 'node:v8';
import { compareCorpus, comparePlans, type DiffPlan, diffUnits } from '@doichieu/diff';
import { realCorpus } from '../packages/diff/src/test-support.ts';
import { median, report } from './corpus.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const runsLarge = Number(process.env.BENCH_RUNS_LARGE ?? 1);
const { directive, plans: real } = realCorpus();

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TONE: [RegExp, string][] = [
  [/hóa/g, 'hoá'],
  [/ủy/g, 'uỷ'],
  [/thủy/g, 'thuỷ'],
  [/hòa/g, 'hoà'],
];
const OCR: [string, string][] = [
  ['ư', 'u'],
  ['ơ', 'o'],
  ['ộ', 'ô'],
  ['m', 'rn'],
  ['ế', 'ê'],
  ['đ', 'd'],
  ['ạ', 'a'],
];

function perturbText(text: string, r: () => number): string {
  let t = r() < 0.5 ? TONE.reduce((s, [re, to]) => s.replace(re, to), text) : text;
  t = t.replace(/[\p{L}]+/gu, (w) => {
    if (r() >= 0.03) return w;
    const [from, to] = OCR[Math.floor(r() * OCR.length)]!;
    return w.includes(from) ? w.replace(from, to) : w;
  });
  return t;
}

function perturb(p: DiffPlan, id: string, r: () => number): DiffPlan {
  const units = p.units
    .filter((u) => !(u.content && r() < 0.1))
    .map((u) => ({ ...u, id: `${id}:${u.id.split(':')[1]}`, text: perturbText(u.text, r) }));
  for (let i = units.length - 1; i > 0; i--) {
    if (r() < 0.7) continue;
    const j = Math.floor(r() * (i + 1));
    [units[i], units[j]] = [units[j]!, units[i]!];
  }
  return { id, units };
}

function synthetic(n: number, seed: number): DiffPlan[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) =>
    perturb(real[i % real.length]!, `${real[i % real.length]!.id}-${i}`, r),
  );
}

let heapPeak = 0;
const sampleHeap = () => {
  heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
};

for (const [n, k] of [
  [100, runs],
  [1000, runsLarge],
] as const) {
  const plans = synthetic(n, n);
  heapPeak = 0;
  const seconds: number[] = [];
  let comparisons = 0;
  let additions = 0;
  for (let i = 0; i < k; i++) {
    const t0 = performance.now();
    const f = compareCorpus(directive, plans);
    seconds.push((performance.now() - t0) / 1000);
    comparisons = f.comparisons.length;
    additions = f.additions.length;
    sampleHeap();
  }
  report({
    bench: 'diff-corpus',
    plans: n,
    runs: k,
    candidatePairs: comparisons,
    allPairs: (n * (n - 1)) / 2,
    additionClusters: additions,
    medianSeconds: +median(seconds).toFixed(2),
    peakHeapMb: +(heapPeak / 2 ** 20).toFixed(1),
  });
}

// Two 20,000-character plans: the real plans' units in turn until 20,000 characters, and a perturbed copy.
const r = rng(7);
const units: DiffPlan['units'] = [];
let chars = 0;
for (let i = 0; chars < 20_000; i++) {
  const p = real[i % real.length]!;
  for (const u of p.units) {
    if (chars >= 20_000) break;
    units.push({ ...u, id: `big:${units.length}` });
    chars += u.text.length + 1;
  }
}
const big: DiffPlan = { id: 'big', units };
const other = perturb(big, 'big2', r);
const pairMs: number[] = [];
const flatMs: number[] = [];
let pairs = 0;
let flat = '';
const textA = big.units.map((u) => u.text).join('\n');
const textB = other.units.map((u) => u.text).join('\n');
for (let i = 0; i < Math.max(5, runs); i++) {
  let t0 = performance.now();
  pairs = comparePlans(big, other).pairs.length;
  pairMs.push(performance.now() - t0);
  t0 = performance.now();
  flat = diffUnits(textA, textB).status;
  flatMs.push(performance.now() - t0);
}
report({
  bench: 'diff-two-plans',
  charsA: textA.length,
  charsB: textB.length,
  pairedUnits: pairs,
  comparePlansMedianMs: +median(pairMs).toFixed(1),
  wholeTextDiffMedianMs: +median(flatMs).toFixed(1),
  wholeTextDiff: flat,
});
