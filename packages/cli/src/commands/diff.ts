import {
  compareCorpus,
  comparePlans,
  type DiffPlan,
  diffPlansFromAnalysis,
  type Findings,
  formatDiff,
  type PlanComparison,
} from '@doichieu/diff';
import pc from 'picocolors';
import { loadOrAnalyse } from '../analysis-file.ts';
import { plansView } from '../analysis-views.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';

/** Colours only on a terminal, and never with NO_COLOR. */
export function colours() {
  return pc.createColors(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
}

export interface LoadedFindings {
  /** The plans asked for (every plan when none was named). */
  plans: DiffPlan[];
  /** Every plan id of the analysis, in order. */
  planIds: string[];
  findings: Findings;
  source: string;
  /** The directive's task group ids, in order. */
  groups: string[];
}

/**
 * Findings from an existing analysis.json (`--analysis FILE`, default
 * out/analysis.json): its `findings` when present, else computed from its
 * plans. Without the file, the corpus in `corpus/` is analysed. With `only`,
 * just those plans and their own findings are kept (analysis-views.ts).
 */
export function loadFindings(
  analysisPath: string | undefined,
  command: string,
  only?: readonly string[],
): LoadedFindings {
  const ids: string[] = [];
  let analysis = loadOrAnalyse(
    { analysis: analysisPath },
    command,
    only ? plansView(new Set(only), ids) : {},
  );
  // No findings in the file: they are computed from every plan.
  if (only && !analysis.findings && ids.length > 0)
    analysis = loadOrAnalyse({ analysis: analysisPath }, command);
  const plans = diffPlansFromAnalysis(analysis.plans);
  const source = analysisPath ?? 'out/analysis.json (or the corpus, analysed now)';
  return {
    plans,
    planIds: ids.length > 0 ? ids : plans.map((p) => p.id),
    findings: analysis.findings ?? compareCorpus(analysis.directive, plans),
    source,
    groups: analysis.directive.taskGroups.map((g) => g.id),
  };
}

/** --group TG: one of the directive's task groups, or a user error listing them. */
export function checkGroup(groups: readonly string[], group: unknown, command: string): string | undefined {
  if (group === undefined) return undefined;
  const id = String(group);
  if (!groups.includes(id))
    throw new UserError(
      `${command}: unknown task group "${id}" (the directive's groups: ${groups.join(', ')})`,
      2,
    );
  return id;
}

/** The plan with this id, or a user error listing the ids. */
export function planById(
  plans: readonly DiffPlan[],
  id: string,
  command: string,
  planIds: readonly string[] = plans.map((x) => x.id),
): DiffPlan {
  const p = plans.find((x) => x.id === id);
  if (!p) throw new UserError(`${command}: no plan "${id}" (plans: ${planIds.join(', ')})`);
  return p;
}

const HELP = `Usage: doichieu diff PLAN_A PLAN_B [--analysis FILE] [--group TG] [--json]

Compares two plans: corresponding units paired within each task group, each
pair with its similarity, the shared terms behind it and a word diff
(accent-folded syllables, so tone style and OCR noise are not changes);
passages shared word for word regardless of order (boilerplate — the
directive's citation formula, wording most plans share — listed apart); the
units of each plan with no counterpart in the other. Without a terminal (or
with NO_COLOR=1) diffs are plain: [-only in A-] {+only in B+}. Coloured on a terminal (NO_COLOR=1: plain).

Options:
  --analysis FILE  analysis.json to read (default: out/analysis.json; else the corpus in ./corpus is analysed)
  --group TG       only pairs of this task group
  --json           print the comparison as JSON
  -h, --help       show this help
`;

function swap(c: PlanComparison): PlanComparison {
  return {
    a: c.b,
    b: c.a,
    similarity: c.similarity,
    pairs: c.pairs.map((p) => ({
      ...p,
      a: p.b,
      b: p.a,
      diff: p.diff.map((d) => ({
        ...d,
        op: d.op === 'added' ? 'removed' : d.op === 'removed' ? 'added' : 'equal',
      })),
    })),
    reuse: c.reuse.map((r) => ({ ...r, a: r.b, b: r.a })),
    onlyInA: c.onlyInB,
    onlyInB: c.onlyInA,
  };
}

export const diffCommand: Command = {
  summary: 'compare two plans: paired units with word diffs, shared passages, one-sided units',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { analysis: { type: 'string' }, group: { type: 'string' }, json: { type: 'boolean' } },
      'diff',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 2)
      throw new UserError('diff: expected two plan ids (try: doichieu diff --help)', 2);
    const [idA, idB] = positionals as [string, string];
    const { plans, planIds, findings, groups } = loadFindings(values.analysis as string | undefined, 'diff', [
      idA,
      idB,
    ]);
    const group = checkGroup(groups, values.group, 'diff');
    const a = planById(plans, idA, 'diff', planIds);
    const b = planById(plans, idB, 'diff', planIds);
    const found = findings.comparisons.find(
      (c) => (c.a === idA && c.b === idB) || (c.a === idB && c.b === idA),
    );
    let cmp = found ? (found.a === idA ? found : swap(found)) : comparePlans(a, b);
    if (group) cmp = { ...cmp, pairs: cmp.pairs.filter((p) => p.group === group) };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(cmp, null, 1)}\n`);
      return 0;
    }
    const c = colours();
    const out: string[] = [];
    out.push(
      c.bold(
        `${idA} ↔ ${idB}   similarity ${cmp.similarity.toFixed(3)}   ${cmp.pairs.length} paired units, ${cmp.reuse.length} shared passages (${cmp.reuse.filter((r) => r.boilerplate).length} boilerplate)`,
      ),
    );
    out.push(c.dim(`${c.red('[-only in A-]')} ${c.green('{+only in B+}')}`));
    const order = (id: string, p: DiffPlan) => p.units.findIndex((u) => u.id === id);
    const pairs = [...cmp.pairs].sort((x, y) =>
      x.group < y.group ? -1 : x.group > y.group ? 1 : order(x.a.unitId, a) - order(y.a.unitId, a),
    );
    for (const p of pairs) {
      out.push('');
      out.push(
        c.cyan(
          `${p.group}  ${p.a.unitId} [${p.a.span.join('–')}] ↔ ${p.b.unitId} [${p.b.span.join('–')}]  similarity ${p.similarity.toFixed(3)}`,
        ),
      );
      if (p.matchedTerms.length) out.push(c.dim(`  shared: ${p.matchedTerms.slice(0, 6).join(' · ')}`));
      const text = c.isColorSupported
        ? p.diff
            .map((d) =>
              d.op === 'equal'
                ? d.text
                : d.op === 'removed'
                  ? c.red(c.strikethrough(d.text))
                  : c.green(c.underline(d.text)),
            )
            .join('')
        : formatDiff(p.diff);
      out.push(`  ${text}${p.diffStatus ? c.yellow(`  (diff gave up: ${p.diffStatus})`) : ''}`);
    }
    const reuse = cmp.reuse.filter((r) => !r.boilerplate);
    const boilerplate = cmp.reuse.filter((r) => r.boilerplate);
    if (reuse.length) {
      out.push('', c.bold('Shared word for word (any order):'));
      for (const r of reuse)
        out.push(
          `  ${String(r.tokens).padStart(3)} syll.  ${r.a.unitId} [${r.a.span.join('–')}] ↔ ${r.b.unitId} [${r.b.span.join('–')}]\n        ${c.dim(r.text)}`,
        );
    }
    if (boilerplate.length) {
      out.push(
        '',
        c.bold(`Shared boilerplate (citation formula or wording most plans share): ${boilerplate.length}`),
      );
      for (const r of boilerplate)
        out.push(
          c.dim(
            `  ${String(r.tokens).padStart(3)} syll.  ${r.a.unitId} ↔ ${r.b.unitId}  ${r.text.length > 100 ? `${r.text.slice(0, 99)}…` : r.text}`,
          ),
        );
    }
    for (const [name, list] of [
      [idA, cmp.onlyInA],
      [idB, cmp.onlyInB],
    ] as const) {
      if (!list.length) continue;
      out.push('', c.bold(`Only in ${name} (no counterpart):`));
      for (const u of list)
        out.push(
          `  ${u.unitId} [${u.span.join('–')}]  ${u.text.length > 140 ? `${u.text.slice(0, 139)}…` : u.text}`,
        );
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
