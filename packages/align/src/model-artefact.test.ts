import { readFileSync } from 'node:fs';
import { ingestPlan, loadLexicon } from '@doichieu/core';
import { planBytes, readDirective, readManifest } from '@doichieu/core/testing';
import { describe, expect, it } from 'vitest';
import { createAligner, trainModel } from './engine.ts';
import {
  artefactHash,
  directiveFingerprint,
  fitsDirective,
  fromArtefact,
  ModelFormatError,
  serialiseArtefact,
  toArtefact,
} from './model-artefact.ts';
import { loadShippedModel } from './shipped-model.ts';

const directive = readDirective();
const SHIPPED = new URL('../data/model.json', import.meta.url);

describe('the shipped model artefact', () => {
  it('loads, fits the bundled directive and names itself by id, version and hash', () => {
    const shipped = loadShippedModel();
    expect(fitsDirective(shipped, directive)).toBe(true);
    expect(shipped.ref).toMatch(/^doichieu-align-57-kl-tw@\d+#[0-9a-f]{12}$/);
    expect(shipped.artefact.sha256.startsWith(shipped.ref.split('#')[1]!)).toBe(true);
    expect(shipped.model.featureNames.length).toBeGreaterThan(1000);
    expect(shipped.artefact.gold.map((g) => g.path)).toEqual(['corpus/gold/annotations.csv']);
    // The figures recorded with it are the leave-one-plan-out ones, at least today's.
    expect(shipped.artefact.evaluation?.engine.macroF1).toBeGreaterThanOrEqual(0.867);
  });

  it('is its own canonical serialisation: sorted keys, one weight row per line, newline at the end', () => {
    const text = readFileSync(SHIPPED, 'utf8');
    const shipped = loadShippedModel();
    const artefact = JSON.parse(text);
    expect(serialiseArtefact(artefact)).toBe(text);
    const keys = Object.keys(artefact);
    expect(keys).toEqual([...keys].sort());
    const rows = text.split('\n').filter((l) => l.startsWith('["'));
    expect(rows.length).toBe(shipped.model.featureNames.length);
    const names = shipped.model.featureNames;
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('labels a real unit as a trained model does (round trip through the file format)', () => {
    const lexicon = loadLexicon();
    const meta = readManifest().plans.find((m) => m.id === 'qnh-implementation')!;
    const plan = ingestPlan(planBytes(meta), meta, { lexicon });
    const examples = plan.units
      .filter((u) => u.kind === 'bullet')
      .slice(0, 12)
      .map((u, i) => ({ unit: u, labels: [i % 2 ? 'TG1' : 'TG4'] }));
    const model = trainModel(directive, examples);
    const artefact = toArtefact(model, { id: 'test', directive, gold: [], plans: [] });
    const loaded = fromArtefact(JSON.parse(serialiseArtefact(artefact)));
    const a = createAligner(directive, model);
    const b = createAligner(directive, loaded.model);
    for (const u of plan.units) expect(b.align(u)).toEqual(a.align(u));
  });

  it('refuses a file edited after it was built, or built with other settings', () => {
    const artefact = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    const edited = structuredClone(artefact);
    edited.weights[0][1] += 1;
    expect(() => fromArtefact(edited)).toThrow(/sha256 does not match/);
    expect(() => fromArtefact({ format: 'something else' })).toThrow(ModelFormatError);
    // A consistent file (rehashed) built with other feature settings is refused too.
    const { sha256: _sha, ...body } = structuredClone(artefact);
    body.settings.features.ngramMax = 2;
    expect(() => fromArtefact({ ...body, sha256: artefactHash(body) })).toThrow(
      /other feature or training settings/,
    );
    // A consistent file whose weight row is not a feature and one number per group.
    const { sha256: _sha2, ...short } = structuredClone(artefact);
    short.weights[3] = [short.weights[3][0], 0.5];
    expect(() => fromArtefact({ ...short, sha256: artefactHash(short) })).toThrow(/weight row 4/);
  });

  it('does not fit a directive whose task groups differ', () => {
    const shipped = loadShippedModel();
    const other = structuredClone(directive);
    other.taskGroups[0]!.phrases = [...other.taskGroups[0]!.phrases, 'một cụm từ khác'];
    expect(directiveFingerprint(other)).not.toBe(directiveFingerprint(directive));
    expect(fitsDirective(shipped, other)).toBe(false);
  });
});
