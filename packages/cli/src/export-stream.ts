/**
 * export's CSV files written while analysis.json streams past: each file's
 * rows come from the same functions as for a whole analysis
 * (exportCsvFiles), called on a batch of plans, comparisons or omissions at
 * a time, and appended (the header once). A national analysis's CSV files
 * (7,000 plans: units.csv alone is hundreds of MB) are never held whole, nor
 * the analysis they come from.
 */
import { type Analysis, exportCsvFiles, similarityCsv, type TidyTable, tidyCsv } from '@doichieu/report';
import type { AnalysisView } from './analysis-stream.ts';
import { planWithoutText } from './analysis-views.ts';
import type { AtomicWriter } from './io.ts';

type Plan = Analysis['plans'][number];
type Findings = NonNullable<Analysis['findings']>;
type CsvName = string;

const NO_FINDINGS = {
  plans: [],
  similarity: [],
  keyness: [],
  additions: [],
  omissions: [],
  comparisons: [],
} as unknown as Findings;

/** The file names of the CSV export (exportCsvFiles's keys), known before any analysis is read. */
export function csvFileNames(): string[] {
  const empty = { directive: { taskGroups: [] }, plans: [], coverage: [], findings: NO_FINDINGS };
  return Object.keys(exportCsvFiles(empty as unknown as Analysis));
}

/** Items per batch: a few MB of rows each. */
export const BATCH = { plans: 100, coverage: 1000, findings: 500, matrixCells: 250_000 };

/** One CSV file appended batch by batch: the first batch with its BOM and header, the others without. */
class CsvStream {
  private started = false;
  constructor(private readonly writer: AtomicWriter) {}

  append(text: string): void {
    if (this.started) {
      const body = text.slice(text.indexOf('\r\n') + 2);
      if (body) this.writer.write(body);
      return;
    }
    this.started = true;
    this.writer.write(text);
  }

  /** A file with no rows at all still gets its header (the CSV of an empty batch). */
  end(empty: () => string): void {
    if (!this.started) this.append(empty());
  }
}

export interface StreamedCsv {
  view: AnalysisView;
  /** After the reading (`read`: what it kept, the similarity matrix): writes what is left. */
  finish(read: Analysis): void;
}

/**
 * A view that writes the CSV files to `writers` (one per file name of exportCsvFiles) as the
 * pieces come, keeping only the plans' metadata and the similarity rows.
 */
export function streamCsvFiles(
  writers: ReadonlyMap<string, AtomicWriter>,
  batch: typeof BATCH = BATCH,
): StreamedCsv {
  let head: Pick<Analysis, 'directive'> & Record<string, unknown> = {} as never;
  const stubs: Plan[] = [];
  const streams = new Map([...writers].map(([name, w]) => [name, new CsvStream(w)]));
  const analysisOf = (part: Partial<Analysis>, findings: Partial<Findings> = {}): Analysis =>
    ({
      ...head,
      plans: [],
      coverage: [],
      ...part,
      findings: { ...NO_FINDINGS, ...findings },
    }) as Analysis;
  const emit = (names: readonly CsvName[], analysis: Analysis): void => {
    const files = exportCsvFiles(analysis);
    for (const name of names) streams.get(name)!.append(files[name]!);
  };
  const batcher = <T>(size: number, flush: (items: T[]) => void, boundary?: (a: T, b: T) => boolean) => {
    let items: T[] = [];
    return {
      add(item: T) {
        // A batch ends between two plans' items where the rows depend on the plan's other items (ranks).
        if (items.length >= size && (!boundary || boundary(items[items.length - 1]!, item))) {
          flush(items);
          items = [];
        }
        items.push(item);
      },
      end() {
        if (items.length > 0) flush(items);
        items = [];
      },
    };
  };
  const plans = batcher<Plan>(batch.plans, (batch) =>
    emit(['units.csv', 'annotations.csv'], analysisOf({ plans: batch })),
  );
  const coverage = batcher<Analysis['coverage'][number]>(batch.coverage, (batch) =>
    emit(['coverage.csv', 'coverage-matrix.csv'], analysisOf({ plans: stubs, coverage: batch })),
  );
  const keyness = batcher<Findings['keyness'][number]>(batch.findings, (batch) =>
    emit(['keyness.csv'], analysisOf({}, { keyness: batch })),
  );
  const additions = batcher<Findings['additions'][number]>(
    batch.findings,
    (batch) => emit(['additions.csv'], analysisOf({}, { additions: batch })),
    (a, b) => a.planId !== b.planId,
  );
  const omissions = batcher<Findings['omissions'][number]>(batch.findings, (batch) =>
    emit(['omissions.csv'], analysisOf({}, { omissions: batch })),
  );
  const comparisons = batcher<Findings['comparisons'][number]>(batch.findings, (batch) =>
    emit(['reuse.csv', 'pairs.csv'], analysisOf({}, { comparisons: batch })),
  );
  // Each list ends where the next part of the file begins: coverage follows the plans.
  const view: AnalysisView = {
    onHead: (key, value) => {
      head = { ...head, [key]: value };
    },
    plans: (p) => {
      stubs.push({ ...planWithoutText(p), units: [] });
      plans.add(p);
      return undefined;
    },
    coverage: (row) => {
      plans.end();
      coverage.add(row);
      return undefined;
    },
    similarity: true,
    keyness: (k) => {
      keyness.add(k);
      return undefined;
    },
    additions: (a) => {
      additions.add(a);
      return undefined;
    },
    omissions: (o) => {
      omissions.add(o);
      return undefined;
    },
    comparisons: (c) => {
      comparisons.add(c);
      return undefined;
    },
    neighbours: false,
    profiles: false,
    citations: false,
  };
  return {
    view,
    finish(read) {
      for (const b of [plans, coverage, keyness, additions, omissions, comparisons]) b.end();
      // The matrix is held (a dense one exists up to 200 plans only).
      const f = read.findings;
      const matrix = streams.get('similarity.csv');
      // A row per plan, a column per plan (empty above 200 plans): a few rows at a time.
      if (f && matrix) {
        const rows = Math.max(1, Math.floor(batch.matrixCells / Math.max(1, f.plans.length)));
        const all = analysisOf({}, { plans: f.plans, similarity: f.similarity });
        for (let i = 0; i < f.plans.length; i += rows) matrix.append(similarityCsv(all, i, i + rows));
      }
      const empty = exportCsvFiles(analysisOf({}));
      for (const [name, stream] of streams) stream.end(() => empty[name]!);
    },
  };
}

/** Rows of a tidy table per CSV batch. */
const TIDY_ROWS = 20_000;

/** A tidy table's CSV written batch by batch (a national unit-level table is a million rows, past a string's limit). */
export function writeTidyCsv(writer: AtomicWriter, table: TidyTable, rowsPerBatch = TIDY_ROWS): void {
  const stream = new CsvStream(writer);
  for (let i = 0; i < table.rows.length; i += rowsPerBatch)
    stream.append(tidyCsv({ ...table, rows: table.rows.slice(i, i + rowsPerBatch) }));
  stream.end(() => tidyCsv({ ...table, rows: [] }));
}
