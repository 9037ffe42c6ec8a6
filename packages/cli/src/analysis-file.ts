/**
 * The analysis the reading commands (diff, additions, omissions, export,
 * report, profile, sql, passim) work on: an analysis.json written by `doichieu analyze`, or, when
 * there is none, the corpus analysed now.
 */
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Analysis, analyse } from '@doichieu/report';
import { type AnalysisView, applyView, readAnalysisStream } from './analysis-stream.ts';
import { ingestCorpusDir } from './commands/ingest.ts';
import { UserError } from './errors.ts';
import { loadGold } from './io.ts';

/**
 * An analysis.json read piece by piece and checked with its schema (analysis-stream.ts), keeping
 * what `view` says: a file from another version, edited by hand or damaged gives one line naming
 * the first bad path (`analysis.json: plans[0].units: required`), not a crash further on.
 */
export function readAnalysisFile(path: string, shownAs = path, view: AnalysisView = {}): Analysis {
  return readAnalysisStream(path, shownAs, view);
}

/**
 * Reads the analysis as often as a command needs, each time keeping what `view` says: from the
 * file (streamed again each time), or analysed once from the corpus and held.
 */
export function analysisReader(
  values: { analysis?: unknown; corpus?: unknown },
  command: string,
): (view: AnalysisView) => Analysis {
  const fromFile = analysisFileOf(values, command);
  if (fromFile) return (view) => readAnalysisFile(fromFile.path, fromFile.given, view);
  const analysis = analyseCorpus(values);
  return (view) => applyView(analysis, view);
}

function analysisFileOf(
  values: { analysis?: unknown; corpus?: unknown },
  command: string,
): { path: string; given: string } | undefined {
  if (values.corpus && values.analysis)
    throw new UserError(`${command}: give either --analysis or --corpus, not both`, 2);
  if (values.corpus) return undefined;
  const given = values.analysis ? String(values.analysis) : 'out/analysis.json';
  const path = resolve(given);
  return values.analysis || existsAsAnything(path) ? { path, given } : undefined;
}

/** Reads --analysis FILE (or out/analysis.json), or analyses the corpus. */
export function loadOrAnalyse(
  values: { analysis?: unknown; corpus?: unknown },
  command: string,
  view: AnalysisView = {},
): Analysis {
  const fromFile = analysisFileOf(values, command);
  return fromFile ? readAnalysisFile(fromFile.path, fromFile.given, view) : analyseCorpus(values);
}

/** The corpus of --corpus DIR (or corpus/), analysed now. */
function analyseCorpus(values: { corpus?: unknown }): Analysis {
  const { corpus, plans } = ingestCorpusDir(values.corpus ? String(values.corpus) : 'corpus');
  const gold = loadGold(corpus);
  return analyse(corpus.directive, plans, gold ? { gold: gold.rows } : {});
}

function existsAsAnything(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
