/**
 * Layout invariance, as a user sees it: a plan re-wrapped at any width from 50
 * to 120 columns, or with CRLF line ends, gets the same labels for every unit.
 * Checked on the bundled plans and, when present, on the real documents of
 * ../shared/realdocs. Labels come from the align package's public API, with
 * the shipped model, as analyze gives them.
 */
import { createAligner, isContentUnit, loadShippedModel } from '@doichieu/align';
import { type IngestedPlan, ingestText, loadLexicon } from '@doichieu/core';
import {
  planText,
  REALDOCS_DIR,
  readDirective,
  readManifest,
  realDocs,
  realDocsPresent,
  rewrap,
} from '@doichieu/core/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

if (!realDocsPresent)
  console.warn(`real documents not found at ${REALDOCS_DIR}: labels are checked on the bundled plans only`);

const directive = readDirective();
const lexicon = loadLexicon();
const manifest = readManifest();
interface Document {
  id: string;
  text: string;
  labels: Map<string, string>;
}
const documents: Document[] = [];
let labelsOf: (p: IngestedPlan) => Map<string, string>;
const ingest = (text: string, id: string) => {
  const meta = manifest.plans.find((m) => m.id === id) ?? { ...manifest.plans[0]!, id };
  return ingestText(text, meta, { lexicon });
};

beforeAll(() => {
  const aligner = createAligner(directive, loadShippedModel().model);
  labelsOf = (p) =>
    new Map(
      p.units
        .filter(isContentUnit)
        .map((u) => [u.id, [...aligner.align(u).labels].sort().join(',')] as const),
    );
  const texts: [string, string][] = [
    ...manifest.plans.map((m): [string, string] => [m.id, planText(m)]),
    ...realDocs().map(([id, text]): [string, string] => [`real-${id}`, text]),
  ];
  for (const [id, text] of texts) documents.push({ id, text, labels: labelsOf(ingest(text, id)) });
}, 300_000);

const expectSameLabels = (doc: Document, width: number, eol: '\n' | '\r\n'): void => {
  const copy = labelsOf(ingest(rewrap(doc.text, width, eol), doc.id));
  expect(copy, `${doc.id} at ${width} columns`).toEqual(doc.labels);
};

describe('labels do not depend on line wrapping', () => {
  it('has more than 100 labelled units to compare', () => {
    let labelled = 0;
    for (const doc of documents) for (const labels of doc.labels.values()) if (labels) labelled++;
    expect(labelled).toBeGreaterThan(100);
  });

  it.each([
    [50, '\n'],
    [72, '\r\n'],
    [97, '\n'],
    [120, '\r\n'],
  ] as const)(
    're-wrapped at %i columns (%j line ends): every unit of every document keeps its labels',
    (width, eol) => {
      for (const doc of documents) expectSameLabels(doc, width, eol);
    },
    300_000,
  );

  it('keeps every label at any width from 50 to 120, LF or CRLF (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: documents.length - 1 }),
        fc.integer({ min: 50, max: 120 }),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        (d, width, eol) => expectSameLabels(documents[d]!, width, eol),
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 30) },
    );
  }, 600_000);
});
