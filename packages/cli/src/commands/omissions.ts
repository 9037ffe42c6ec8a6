import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { checkGroup, colours, loadFindings, planById } from './diff.ts';

const HELP = `Usage: doichieu omissions PLAN [--analysis FILE] [--group TG] [--json]

Lists what PLAN leaves out, per task group: elements of the group that the
directive or most other plans carry and no unit of PLAN does, each with the
plans that carry it and example passages with their spans.

Options:
  --analysis FILE  analysis.json to read (default: out/analysis.json; else the corpus in ./corpus is analysed)
  --group TG       only this task group
  --json           print the omissions as JSON
  -h, --help       show this help
`;

export const omissionsCommand: Command = {
  summary: 'list what a plan leaves out of each task group, with the plans that carry it',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { analysis: { type: 'string' }, group: { type: 'string' }, json: { type: 'boolean' } },
      'omissions',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1)
      throw new UserError('omissions: expected one plan id (try: doichieu omissions --help)', 2);
    const id = positionals[0]!;
    const { plans, planIds, findings, groups } = loadFindings(
      values.analysis as string | undefined,
      'omissions',
      [id],
    );
    const onlyGroup = checkGroup(groups, values.group, 'omissions');
    planById(plans, id, 'omissions', planIds);
    const list = findings.omissions.filter((o) => o.planId === id && (!onlyGroup || o.group === onlyGroup));
    if (values.json) {
      process.stdout.write(`${JSON.stringify(list, null, 1)}\n`);
      return 0;
    }
    const c = colours();
    const out = [c.bold(`${id}: ${list.length} omitted elements`)];
    let group = '';
    for (const o of list) {
      if (o.group !== group) {
        group = o.group;
        out.push('', c.bold(group));
      }
      out.push(
        `  ${c.red(o.label)}  ${c.dim(`carried by ${o.carriedBy.join(', ')}${(o.carriedByCount ?? 0) > o.carriedBy.length ? ` (+${o.carriedByCount! - o.carriedBy.length} more)` : ''}${o.inDirective ? '; in the directive' : ''}`)}`,
      );
      const e = o.examples[0];
      if (e)
        out.push(
          `    ${c.cyan(`e.g. ${e.unitId} [${e.span.join('–')}]`)}  ${e.text.length > 120 ? `${e.text.slice(0, 119)}…` : e.text}`,
        );
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
