import { agreement, crossValidate, type Evaluation, heldOutSets } from '@doichieu/align';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { loadGold } from '../io.ts';
import { defaultTrainingThreads, trainModels } from '../train-pool.ts';
import { ingestCorpusDir } from './ingest.ts';

const HELP = `Usage: doichieu evaluate [corpus-dir] [--gold FILE] [--against FILE] [--json] [--workers N]

Scores the alignment engine against hand annotations, leave-one-plan-out:
each plan is labelled by a model trained on the other plans' annotations
(the held-out models are trained here, in parallel; the model that analyze
uses is trained once on all of them, by pnpm model).
Reports per-group precision, recall and F1, micro and macro F1, exact match,
a confusion table, and the same for the lexical layer alone and for the
TF-IDF cosine baseline.

Options:
  --gold FILE     annotations CSV the engine learns from (default: the manifest's "gold")
  --against FILE  another annotator's CSV: score the engine (still trained on --gold) against it,
                  and report the agreement between the two annotators
  --json          print the figures as JSON
  --workers N     threads training the held-out models (default: one per core; 1 = none)
  -h, --help    show this help
`;

function table(name: string, e: Evaluation): string {
  const rows = e.perGroup.map(
    (g) =>
      `  ${g.group.padEnd(6)} ${String(g.support).padStart(7)} ${String(g.predicted).padStart(9)} ${g.precision.toFixed(3).padStart(9)} ${g.recall.toFixed(3).padStart(7)} ${g.f1.toFixed(3).padStart(7)}`,
  );
  return [
    `${name}`,
    `  group  support predicted precision  recall      F1`,
    ...rows,
    `  micro-F1 ${e.microF1.toFixed(3)}   macro-F1 ${e.macroF1.toFixed(3)}   exact match ${e.exactMatch.toFixed(3)} (${e.units} units)`,
  ].join('\n');
}

function confusion(e: Evaluation): string {
  const keys = Object.keys(e.confusion);
  const head = `  gold\\pred ${keys.map((k) => k.padStart(5)).join(' ')}`;
  const rows = keys.map(
    (g) => `  ${g.padEnd(9)} ${keys.map((p) => String(e.confusion[g]![p]).padStart(5)).join(' ')}`,
  );
  return ['confusion (a unit counts once per gold × predicted pair)', head, ...rows].join('\n');
}

export const evaluateCommand: Command = {
  summary: 'score the engine and the baseline on the annotations (leave-one-plan-out)',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        gold: { type: 'string' },
        against: { type: 'string' },
        json: { type: 'boolean' },
        workers: { type: 'string' },
      },
      'evaluate',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const { corpus, plans } = ingestCorpusDir(positionals[0] ?? 'corpus');
    const gold = loadGold(corpus, values.gold ? String(values.gold) : undefined);
    if (!gold)
      throw new UserError('evaluate: no annotations (give --gold FILE or a "gold" entry in the manifest)');
    const against = values.against ? loadGold(corpus, String(values.against)) : undefined;
    const workers = values.workers !== undefined ? Number(values.workers) : undefined;
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
      throw new UserError('evaluate: --workers must be a whole number', 2);
    const groups = corpus.directive.taskGroups.map((g) => g.id);
    const planUnits = plans.map((p) => ({ planId: p.id, units: p.units }));
    const sets = heldOutSets(planUnits, gold.rows, against?.rows);
    const heldOut = await trainModels(
      corpus.directive,
      sets.map((s) => ({ key: s.planId, examples: s.examples })),
      workers ?? defaultTrainingThreads(sets.length),
    );
    const cv = crossValidate(corpus.directive, planUnits, gold.rows, against?.rows, heldOut);
    // Scores on no units would read 1.000 everywhere: there is nothing to score, say so.
    if (cv.engine.units === 0)
      throw new UserError(
        `evaluate: nothing to score: no annotated unit of ${gold.path} is in the corpus (${cv.unmatched.length} annotated ids not found)`,
      );
    const between = against ? agreement(gold.rows, against.rows, groups) : undefined;
    if (values.json) {
      const { predictions: _p, models: _m, ...rest } = cv;
      process.stdout.write(
        `${JSON.stringify({ ...rest, ...(between ? { agreement: between } : {}) }, null, 1)}\n`,
      );
      return 0;
    }
    const scoredAgainst = against ? `, scored against ${against.path}` : '';
    const out = [
      `annotations: ${gold.path} (${gold.rows.filter((r) => r.status === 'unit').length} labelled units)${scoredAgainst}`,
      ...(between
        ? [
            '',
            table(
              `agreement: the second annotator scored against the first (${between.shared} shared units)`,
              between.labels,
            ),
            `  same status (unit / skip): ${between.statusAgreement.toFixed(3)}   Cohen's kappa: ${groups.map((g) => `${g} ${between.kappa[g]!.toFixed(2)}`).join('  ')}`,
          ]
        : []),
      cv.unmatched.length
        ? `warning: ${cv.unmatched.length} annotated unit ids not found in the corpus (e.g. ${cv.unmatched[0]})`
        : '',
      '',
      table('engine (supervised, leave-one-plan-out)', cv.engine),
      '',
      confusion(cv.engine),
      '',
      table('lexical layer alone (directive phrases, no training)', cv.lexical),
      '',
      table('baseline (TF-IDF cosine to group descriptions, best group wins)', cv.baseline),
      '',
      'per plan (engine):',
      ...cv.perPlan.map(
        (p) =>
          `  ${p.planId.padEnd(22)} ${String(p.units).padStart(4)} units  macro-F1 ${p.engine.macroF1.toFixed(3)}  exact ${p.engine.exactMatch.toFixed(3)}`,
      ),
    ];
    process.stdout.write(`${out.filter((l, i) => l !== '' || i > 1).join('\n')}\n`);
    return 0;
  },
};
