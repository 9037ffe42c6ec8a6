/**
 * The analysis the reading commands (diff, additions, omissions, export,
 * report) work on: an analysis.json written by `doichieu analyze`, or, when
 * there is none, the corpus analysed now.
 */
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatZodError } from '@doichieu/core';
import { Analysis, analyse } from '@doichieu/report';
import { ingestCorpusDir } from './commands/ingest.ts';
import { UserError } from './errors.ts';
import { loadGold, MAX_ANALYSIS_BYTES, readJsonFile } from './io.ts';

/**
 * An analysis.json parsed with its schema: a file from another version, edited
 * by hand or damaged gives one line naming the first bad path
 * (`analysis.json: plans[0].units: required`), not a crash further on.
 */
export function readAnalysisFile(path: string, shownAs = path): Analysis {
  const json = readJsonFile(path, 'analysis file', MAX_ANALYSIS_BYTES);
  if (!json || typeof json !== 'object' || !('plans' in json) || !('coverage' in json))
    throw new UserError(`${shownAs}: not an analysis.json (run "doichieu analyze" first)`);
  const parsed = Analysis.safeParse(json);
  if (!parsed.success) throw new UserError(formatZodError(parsed.error, shownAs));
  return parsed.data;
}

/** Reads --analysis FILE (or out/analysis.json), or analyses the corpus. */
export function loadOrAnalyse(values: { analysis?: unknown; corpus?: unknown }, command: string): Analysis {
  const corpusDir = values.corpus ? String(values.corpus) : undefined;
  if (corpusDir && values.analysis)
    throw new UserError(`${command}: give either --analysis or --corpus, not both`, 2);
  const given = values.analysis ? String(values.analysis) : 'out/analysis.json';
  const path = resolve(given);
  if (!corpusDir && (values.analysis || existsAsAnything(path))) return readAnalysisFile(path, given);
  const { corpus, plans } = ingestCorpusDir(corpusDir ?? 'corpus');
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
