/** Test helpers: the bundled corpus analysed once, and a findings value shaped like the diff stage's. */
import { readFileSync } from 'node:fs';
import { parseGold } from '@doichieu/align';
import { ingestPlan, loadLexicon } from '@doichieu/core';
import { CORPUS_DIR, planBytes, readDirective, readManifest } from '@doichieu/core/testing';
import { analyse } from '../analyse.ts';
import type { Analysis } from '../analysis-schema.ts';
import type { FindingsView } from './findings.ts';

let cached: Analysis | undefined;

/** The bundled corpus analysed with its annotations (evaluation included, no findings). */
export function bundledAnalysis(): Analysis {
  if (cached) return cached;
  const manifest = readManifest();
  const directive = readDirective();
  const lexicon = loadLexicon();
  const plans = manifest.plans.map((m) => ingestPlan(planBytes(m), m, { lexicon }));
  const gold = parseGold(
    readFileSync(`${CORPUS_DIR}gold/annotations.csv`, 'utf8'),
    directive.taskGroups.map((g) => g.id),
  );
  // Without the diff stage: tests add findings (sample or real) where they need them.
  cached = analyse(directive, plans, { gold, diff: false });
  return cached;
}

export function goldGroups(analysis: Analysis): string[] {
  return analysis.directive.taskGroups.map((g) => g.id);
}

/** A small findings value over the real plans (shape of packages/diff/src/schema.ts). */
export function sampleFindings(analysis: Analysis): FindingsView {
  const qnh = analysis.plans.find((p) => p.id === 'qnh-implementation')!;
  const district = analysis.plans.find((p) => p.id === 'district-study')!;
  const qng = analysis.plans.find((p) => p.id === 'qng-222-study')!;
  const ref = (p: Analysis['plans'][number], i: number) => {
    const u = p.units.filter((x) => x.alignment.content)[i]!;
    return { planId: p.id, unitId: u.id, span: [u.span[0], u.span[1]] as [number, number], text: u.text };
  };
  const ids = analysis.plans.map((p) => p.id);
  return {
    plans: ids,
    similarity: ids.map((a, i) => ids.map((b, j) => (i === j ? 1 : a < b ? 0.25 : 0.25))),
    keyness: [{ planId: qnh.id, terms: [{ term: 'cửa khẩu', g2: 12.5, countInPlan: 4, countInRest: 0 }] }],
    additions: [
      {
        id: 'add-1',
        planId: qnh.id,
        group: 'TG3',
        label: 'cụm thông tin đối ngoại | cửa khẩu <biên giới>',
        keyTerms: [
          { term: 'cửa khẩu', weight: 3.2 },
          { term: 'biên giới', weight: 2.1 },
        ],
        passages: [ref(qnh, 3), ref(qnh, 4)],
        novelty: 0.82,
      },
    ],
    omissions: [
      {
        planId: 'lso-135-conference',
        group: 'TG5',
        label: 'đào tạo, bồi dưỡng cán bộ',
        keyTerms: [{ term: 'bồi dưỡng', weight: 1.5 }],
        carriedBy: ['qng-222-study', 'qnh-implementation'],
        inDirective: true,
        examples: [ref(qng, 2)],
      },
    ],
    method: {
      similarity: 'cosine of syllable n-gram vectors',
      candidates: 'shared n-grams',
      additions: 'passages with no counterpart, clustered',
      omissions: 'elements other plans carry',
      reuse: 'shared runs of syllables',
      keyness: 'log-likelihood G² <against> the rest',
    },
    comparisons: [
      {
        a: district.id,
        b: qng.id,
        similarity: 0.71,
        pairs: [
          {
            group: 'TG1',
            a: ref(district, 1),
            b: ref(qng, 1),
            similarity: 0.9,
            matchedTerms: ['quán triệt'],
            diff: [{ op: 'equal', text: 'quán triệt' }],
          },
        ],
        reuse: [
          { a: ref(district, 1), b: ref(qng, 1), tokens: 24, text: '=HYPERLINK("x") nghiên cứu, học tập' },
        ],
        onlyInA: [],
        onlyInB: [ref(qng, 5)],
      },
    ],
  };
}

/** A copy of `analysis` in which plan `index` cites Resolution 57-NQ/TW instead of the directive. */
export function withPlanNotCiting(analysis: Analysis, index = 0): Analysis {
  const copy = structuredClone(analysis);
  const plan = copy.plans[index]!;
  plan.directiveCheck = {
    directive: copy.directive.id,
    status: 'cites-confusable',
    evidence: [],
    citesInstead: [
      {
        number: '57-NQ/TW',
        kind: 'nghi-quyet',
        date: '2024-12-22',
        confusable: true,
        count: 2,
        spans: [[0, 8]],
      },
    ],
  };
  copy.coverage = copy.coverage.map((c) =>
    c.planId === plan.id ? { ...c, directive: 'cites-confusable' } : c,
  );
  return copy;
}
