import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureCorpus, PassimAlignment, PassimRecord, passimExport, passimImport } from '@doichieu/measures';
import { Analysis, findingsOf } from '@doichieu/report';
import type { z } from 'zod';
import { loadOrAnalyse } from '../analysis-file.ts';
import { PASSIM_EXPORT_VIEW } from '../analysis-views.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { MAX_ANALYSIS_BYTES, writeFileAtomic } from '../io.ts';

const HELP = `Usage: doichieu passim export [--analysis FILE | --corpus DIR] [--out FILE] [--series province|plan]
       doichieu passim import OUTPUT [--align DIR] [--analysis FILE] [--out FILE]

Text reuse at cluster scale with passim (github.com/dasmiq/passim, on Apache Spark).

export  writes passim's input: JSON Lines, one plan per line, with "id", "series"
        (the province; "plan" gives every plan its own series, so that reuse
        between a district and its own province is not suppressed), "text" (the
        source text, with < > & blanked so offsets stay those of doichieu) and
        the plan's metadata. Default --out: out/passim/input.json
        Then, e.g.:  passim out/passim/input.json out/passim/output
        or, for pairwise alignments too:  passim --pairwise out/passim/input.json out/passim/output
import  reads passim's output records (OUTPUT: the out.json folder of part-* files,
        or one JSON Lines file) and, with --align, the align.json of --pairwise;
        maps every passage to doichieu's units and spans, and writes them as the
        reuse findings of analysis.json (default --out: the analysis file read),
        with the profiles' textual-learning shares recomputed from them.
`;

/** import writes analysis.json again as one string, which V8 caps near 512 M characters: a larger one is refused first. */
function refuseWholeRewrite(given: unknown): void {
  const shown = given ? String(given) : 'out/analysis.json';
  let size: number;
  try {
    size = statSync(resolve(shown)).size;
  } catch {
    return;
  }
  if (size > MAX_ANALYSIS_BYTES)
    throw new UserError(
      `passim import: ${shown} is ${Math.round(size / 2 ** 20)} MB; import rewrites it whole, up to ${MAX_ANALYSIS_BYTES / 2 ** 20} MB (about 2,000 plans with the diff stage)`,
    );
}

function jsonLines<T>(path: string, schema: z.ZodType<T>, what: string): T[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => /^part-|\.json$/.test(f) && !f.startsWith('.'))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch {
    throw new UserError(`${what} not found: ${path}`);
  }
  const out: T[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new UserError(`${file}:${i + 1}: not a JSON record`);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UserError(`${file}:${i + 1}: ${issue.path.join('.') || 'record'}: ${issue.message}`);
      }
      out.push(parsed.data);
    });
  }
  return out;
}

export const passimCommand: Command = {
  summary: 'export the corpus for passim (cluster-scale reuse) and import its results',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        analysis: { type: 'string' },
        corpus: { type: 'string' },
        out: { type: 'string' },
        series: { type: 'string' },
        align: { type: 'string' },
      },
      'passim',
    );
    if (values.help || positionals.length === 0) {
      process.stdout.write(HELP);
      return values.help ? 0 : 2;
    }
    const [action, ...rest] = positionals;
    if (action === 'export') {
      const analysis = loadOrAnalyse(values, 'passim', PASSIM_EXPORT_VIEW);
      if (rest.length) throw new UserError(`passim export: unexpected argument "${rest[0]}"`, 2);
      const series = values.series ?? 'province';
      if (series !== 'province' && series !== 'plan')
        throw new UserError('passim: --series is province or plan', 2);
      const out = resolve(String(values.out ?? 'out/passim/input.json'));
      writeFileAtomic(out, passimExport(analysis.plans, { series }));
      process.stdout.write(`wrote ${analysis.plans.length} documents to ${out}\n`);
      return 0;
    }
    if (action === 'import') {
      if (rest.length !== 1)
        throw new UserError('passim import: expected the passim output (out.json folder or file)', 2);
      refuseWholeRewrite(values.analysis);
      const analysis = loadOrAnalyse(values, 'passim');
      const records = jsonLines(resolve(rest[0]!), PassimRecord, 'passim output');
      const alignments = values.align
        ? jsonLines(resolve(String(values.align)), PassimAlignment, 'passim alignments')
        : [];
      const { reuse, skipped } = passimImport(analysis.plans, records, alignments);
      const findings = findingsOf(analysis) ?? {
        plans: analysis.plans.map((p) => p.id),
        similarity: [],
        keyness: [],
        additions: [],
        omissions: [],
        comparisons: [],
      };
      const index = new Map(findings.plans.map((id, i) => [id, i]));
      const byPair = new Map<string, (typeof findings.comparisons)[number]>();
      for (const c of findings.comparisons) byPair.set([c.a, c.b].sort().join('\u0000'), { ...c, reuse: [] });
      for (const r of reuse) {
        const key = [r.a.planId, r.b.planId].sort().join('\u0000');
        let c = byPair.get(key);
        if (!c) {
          const [ia, ib] = [index.get(r.a.planId), index.get(r.b.planId)];
          const similarity = ia !== undefined && ib !== undefined ? (findings.similarity[ia]?.[ib] ?? 0) : 0;
          c = { a: r.a.planId, b: r.b.planId, similarity, pairs: [], reuse: [], onlyInA: [], onlyInB: [] };
          byPair.set(key, c);
        }
        const flip = c.a !== r.a.planId;
        const { cluster: _cluster, ...passage } = r;
        c.reuse.push(flip ? { ...passage, a: r.b, b: r.a } : passage);
      }
      const comparisons = [...byPair.values()].sort((x, y) =>
        x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1,
      );
      const method = {
        similarity: findings.method?.similarity ?? '',
        candidates: findings.method?.candidates ?? '',
        additions: findings.method?.additions ?? '',
        omissions: findings.method?.omissions ?? '',
        keyness: findings.method?.keyness ?? '',
        reuse: `passim: ${records.length} cluster records and ${alignments.length} pairwise alignments imported from ${rest[0]}; each passage clipped to the unit it overlaps most`,
      };
      const next = { ...analysis, findings: { ...findings, comparisons, method } };
      const measures = measureCorpus(next.directive, next.plans, next.coverage, next.findings);
      const result = Analysis.parse({ ...next, ...measures });
      const out = resolve(String(values.out ?? values.analysis ?? 'out/analysis.json'));
      writeFileAtomic(out, `${JSON.stringify(result)}\n`);
      process.stdout.write(
        `imported ${reuse.length} reuse passages (${records.length} records, ${alignments.length} alignments; ${skipped.length} skipped) into ${out}\n`,
      );
      for (const s of skipped.slice(0, 5))
        process.stderr.write(`doichieu: passim record ${s.record + 1} skipped: ${s.reason}\n`);
      return 0;
    }
    throw new UserError(`passim: unknown action "${action}" (export or import)`, 2);
  },
};
