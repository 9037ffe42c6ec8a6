/**
 * The analysis the reading commands (diff, additions, omissions, export,
 * report) work on: an analysis.json written by `doichieu analyze`, or, when
 * there is none, the corpus analysed now.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Analysis, analyse } from '@doichieu/report';
import { ingestCorpusDir } from './commands/ingest.ts';
import { UserError } from './errors.ts';
import { loadGold } from './io.ts';

/** Reads --analysis FILE (or out/analysis.json), or analyses the corpus. */
export function loadOrAnalyse(values: { analysis?: unknown; corpus?: unknown }, command: string): Analysis {
  const corpusDir = values.corpus ? String(values.corpus) : undefined;
  if (corpusDir && values.analysis)
    throw new UserError(`${command}: give either --analysis or --corpus, not both`, 2);
  const path = resolve(values.analysis ? String(values.analysis) : 'out/analysis.json');
  if (!corpusDir) {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (values.analysis || code !== 'ENOENT')
        throw new UserError(
          code === 'ENOENT'
            ? `analysis file not found: ${path}`
            : `cannot read ${path}: ${code ?? String(e)}`,
        );
    }
    if (text !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch (e) {
        throw new UserError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
      }
      if (!json || typeof json !== 'object' || !('plans' in json) || !('coverage' in json))
        throw new UserError(`${path}: not an analysis.json (run "doichieu analyze" first)`);
      return json as Analysis;
    }
  }
  const { corpus, plans } = ingestCorpusDir(corpusDir ?? 'corpus');
  const gold = loadGold(corpus);
  return analyse(corpus.directive, plans, gold ? { gold: gold.rows } : {});
}
