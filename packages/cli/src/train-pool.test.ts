import { readFileSync } from 'node:fs';
import { goldExamples, heldOutSets, parseGold } from '@doichieu/align';
import { ingestPlan, loadLexicon } from '@doichieu/core';
import { CORPUS_DIR, planBytes, readDirective, readManifest } from '@doichieu/core/testing';
import { describe, expect, it } from 'vitest';
import { trainModels } from './train-pool.ts';

describe('trainModels', () => {
  it('trains on worker threads exactly the models it trains in sequence', async () => {
    const directive = readDirective();
    const lexicon = loadLexicon();
    const plans = readManifest().plans.map((m) => ingestPlan(planBytes(m), m, { lexicon }));
    const gold = parseGold(
      readFileSync(`${CORPUS_DIR}gold/annotations.csv`, 'utf8'),
      directive.taskGroups.map((g) => g.id),
    );
    const planUnits = plans.map((p) => ({ planId: p.id, units: p.units }));
    // Small training sets keep the test quick: a third of each held-out set.
    const tasks = heldOutSets(planUnits, gold)
      .slice(0, 3)
      .map((s) => ({ key: s.planId, examples: s.examples.filter((_, i) => i % 3 === 0) }));
    expect(tasks.length).toBe(3);
    expect(goldExamples(planUnits, gold).size).toBe(plans.length);
    const parallel = await trainModels(directive, tasks, 2);
    const sequential = await trainModels(directive, tasks, 1);
    expect([...parallel.keys()]).toEqual(tasks.map((t) => t.key));
    expect(JSON.stringify([...parallel])).toBe(JSON.stringify([...sequential]));
  }, 180_000);
});
