/**
 * Test helper: the real corpus ingested and aligned as `analyse` does it
 * (each annotated plan labelled by a model trained on the other plans'
 * annotations), as DiffPlans. Cached per worker.
 */
import { readFileSync } from 'node:fs';
import { createAligner, goldExamples, parseGold, trainModel } from '@doichieu/align';
import { type Directive, ingestPlan, loadLexicon } from '@doichieu/core';
import { CORPUS_DIR, planBytes, readDirective, readManifest } from '@doichieu/core/testing';
import type { DiffPlan } from './types.ts';

let cached: { directive: Directive; plans: DiffPlan[] } | undefined;

export function realCorpus(): { directive: Directive; plans: DiffPlan[] } {
  if (cached) return cached;
  const directive = readDirective();
  const manifest = readManifest();
  const lexicon = loadLexicon();
  const ingested = manifest.plans.map((meta) => ingestPlan(planBytes(meta), meta, { lexicon }));
  const gold = parseGold(
    readFileSync(`${CORPUS_DIR}${manifest.gold ?? 'gold/annotations.csv'}`, 'utf8'),
    directive.taskGroups.map((g) => g.id),
  );
  const examples = goldExamples(
    ingested.map((p) => ({ planId: p.id, units: p.units })),
    gold,
  );
  const plans = ingested.map((p) => {
    const others = [...examples.entries()].filter(([id]) => id !== p.id).flatMap(([, e]) => e);
    const aligner = createAligner(directive, trainModel(directive, others));
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
