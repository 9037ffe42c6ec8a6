/**
 * Test helper: the real corpus ingested and aligned as `analyse` does it
 * (by the shipped model), as DiffPlans. Cached per worker.
 */
import { createAligner, loadShippedModel } from '@doichieu/align';
import { type Directive, ingestPlan, loadLexicon } from '@doichieu/core';
import { planBytes, readDirective, readManifest } from '@doichieu/core/testing';
import type { DiffPlan } from './types.ts';

let cached: { directive: Directive; plans: DiffPlan[] } | undefined;

export function realCorpus(): { directive: Directive; plans: DiffPlan[] } {
  if (cached) return cached;
  const directive = readDirective();
  const manifest = readManifest();
  const lexicon = loadLexicon();
  const ingested = manifest.plans.map((meta) => ingestPlan(planBytes(meta), meta, { lexicon }));
  const aligner = createAligner(directive, loadShippedModel().model);
  const plans = ingested.map((p) => {
    return {
      id: p.id,
      source: p.source.text,
      units: p.units.map((u) => {
        const a = aligner.align(u);
        return {
          id: u.id,
          text: u.text,
          span: u.span,
          role: u.role,
          kind: u.kind,
          headingPath: u.headingPath,
          labels: a.labels,
          content: a.content,
        };
      }),
    };
  });
  cached = { directive, plans };
  return cached;
}
