/**
 * Layout invariance, as a user sees it: a plan re-wrapped at another width, or
 * with CRLF line ends, gets the same labels for its units (at least 98% of the
 * labelled units agree; by construction of the layout stage, all do on the
 * bundled plans). Labels come from the align package's public API, with the
 * shipped model, as analyze gives them.
 */
import { createAligner, isContentUnit, loadShippedModel } from '@doichieu/align';
import { type IngestedPlan, ingestText, loadLexicon } from '@doichieu/core';
import { planText, readDirective, readManifest, rewrap } from '@doichieu/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';

const directive = readDirective();
let plans: IngestedPlan[];
let labelsOf: (p: IngestedPlan) => Map<string, string>;
const lexicon = loadLexicon();
const ingest = (text: string, id: string) =>
  ingestText(text, readManifest().plans.find((m) => m.id === id)!, { lexicon });

beforeAll(() => {
  plans = readManifest().plans.map((m) => ingest(planText(m), m.id));
  const aligner = createAligner(directive, loadShippedModel().model);
  labelsOf = (p) =>
    new Map(
      p.units
        .filter(isContentUnit)
        .map((u) => [u.id, [...aligner.align(u).labels].sort().join(',')] as const),
    );
}, 300_000);

describe('labels do not depend on line wrapping', () => {
  it.each([
    [50, '\n'],
    [72, '\r\n'],
    [97, '\n'],
    [120, '\r\n'],
  ] as const)(
    're-wrapped at %i columns (%j line ends): at least 98 in 100 labelled units agree',
    (width, eol) => {
      let agree = 0;
      let total = 0;
      for (const p of plans) {
        const original = labelsOf(p);
        const copy = labelsOf(ingest(rewrap(p.source.text, width, eol), p.id));
        for (const [id, labels] of original) {
          total++;
          if (copy.get(id) === labels) agree++;
        }
      }
      expect(total).toBeGreaterThan(100);
      expect(agree / total).toBeGreaterThanOrEqual(0.98);
    },
    300_000,
  );
});
