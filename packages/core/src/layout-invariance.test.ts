/**
 * Layout invariance: a document hard-wrapped again at any width from 50 to 120
 * columns, with LF or CRLF line ends, gives the same units (same ids, roles,
 * kinds, and text up to whitespace). Checked on the bundled plans and, when
 * present, on every real document of ../shared/realdocs (wrapped table rows,
 * padded cells, markdown headings and emphasis, inline enumerations).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from './ingest.ts';
import { type Lexicon, loadLexicon } from './lexicon/index.ts';
import type { IngestedPlan } from './plan-schema.ts';
import { planMeta, planText, readManifest } from './testing/corpus.ts';
import { REALDOCS_DIR, realDocs, realDocsPresent } from './testing/realdocs.ts';
import { rewrap } from './testing/rewrap.ts';

if (!realDocsPresent)
  console.warn(
    `real documents not found at ${REALDOCS_DIR}: layout invariance is checked on the bundled plans only`,
  );

let lexicon: Lexicon;
const documents: { id: string; text: string; units: string[] }[] = [];
const meta = planMeta('qnh-implementation');
const unitsOf = (p: IngestedPlan): string[] =>
  p.units.map((u) => `${u.id} ${u.role} ${u.kind} ${u.text.replace(/\s+/g, ' ').trim()}`);
const ingestAt = (doc: { id: string; text: string }, width: number, eol: '\n' | '\r\n') =>
  ingestText(rewrap(doc.text, width, eol), { ...meta, id: doc.id }, { lexicon });

beforeAll(() => {
  lexicon = loadLexicon();
  const texts: [string, string][] = [
    ...readManifest().plans.map((m): [string, string] => [m.id, planText(m)]),
    ...realDocs().map(([id, text]): [string, string] => [`real-${id}`, text]),
  ];
  for (const [id, text] of texts)
    documents.push({ id, text, units: unitsOf(ingestText(text, { ...meta, id }, { lexicon })) });
}, 120_000);

describe('layout invariance', () => {
  it('the wrapping helper wraps as a tool does: no line longer than the width unless one word is', () => {
    const text = rewrap(documents[0]!.text, 50);
    for (const line of text.split('\n')) expect(line.length <= 50 || !/\s/.test(line.trim())).toBe(true);
    expect(rewrap('một hai ba', 5, '\r\n')).toBe('một\r\nhai\r\nba');
  });

  it('reads every document, bundled and real, with tables and annexes to re-wrap', () => {
    expect(documents.length).toBe(readManifest().plans.length + realDocs().length);
    if (realDocsPresent) expect(documents.some((d) => /^\|.*\|\s*$/m.test(d.text))).toBe(true);
  });

  it('gives the same units at any width from 50 to 120, LF or CRLF (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: documents.length - 1 }),
        fc.integer({ min: 50, max: 120 }),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        (d, width, eol) => {
          const doc = documents[d]!;
          expect(unitsOf(ingestAt(doc, width, eol)), `${doc.id} at ${width} columns`).toEqual(doc.units);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  }, 600_000);

  // The widths where a real document's wrapped table rows, headings and lists once came apart.
  it.skipIf(!realDocsPresent)(
    'gives every real document the same units at the widths that once split its rows and headings',
    () => {
      for (const doc of documents.filter((d) => d.id.startsWith('real-')))
        for (const [width, eol] of [
          [50, '\n'],
          [60, '\r\n'],
          [72, '\n'],
          [97, '\r\n'],
          [110, '\n'],
        ] as const)
          expect(unitsOf(ingestAt(doc, width, eol)), `${doc.id} at ${width} columns`).toEqual(doc.units);
    },
    600_000,
  );
});
