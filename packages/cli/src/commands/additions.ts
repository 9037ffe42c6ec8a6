import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { colours, loadFindings, planById } from './diff.ts';

const HELP = `Usage: doichieu additions PLAN [--analysis FILE] [--json]

Lists what PLAN adds: passages with no counterpart in the directive or in the
other plans, grouped into clusters labelled by their key terms, most specific
first (specificity: novelty × mean G² of the cluster's top key terms in this
plan against the rest of the corpus; the report, CSV and viewer use the same
order), each passage with its source span [start–end] (UTF-16 offsets into
the plan's text).

Options:
  --analysis FILE  analysis.json to read (default: out/analysis.json; else the corpus in ./corpus is analysed)
  --json           print the clusters as JSON
  -h, --help       show this help
`;

export const additionsCommand: Command = {
  summary: 'list what a plan adds (content no other plan or the directive has), with spans',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { analysis: { type: 'string' }, json: { type: 'boolean' } },
      'additions',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1)
      throw new UserError('additions: expected one plan id (try: doichieu additions --help)', 2);
    const id = positionals[0]!;
    const { plans, planIds, findings } = loadFindings(values.analysis as string | undefined, 'additions', [
      id,
    ]);
    planById(plans, id, 'additions', planIds);
    const clusters = findings.additions.filter((a) => a.planId === id);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(clusters, null, 1)}\n`);
      return 0;
    }
    const c = colours();
    const out = [c.bold(`${id}: ${clusters.length} addition clusters`)];
    for (const a of clusters) {
      out.push(
        '',
        `${c.green(c.bold(a.label || '(no key terms)'))}  ${c.dim(`${a.group ?? 'no group'} · specificity ${a.specificity?.toFixed(2) ?? '–'} · novelty ${a.novelty.toFixed(2)} · ${a.id}`)}`,
      );
      for (const p of a.passages) out.push(`  ${c.cyan(`${p.unitId} [${p.span.join('–')}]`)}  ${p.text}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
