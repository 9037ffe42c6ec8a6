import { measureCorpus, type PlanProfile } from '@doichieu/measures';
import { type Analysis, findingsOf, profileRows } from '@doichieu/report';
import { loadOrAnalyse } from '../analysis-file.ts';
import { PROFILES_VIEW } from '../analysis-views.ts';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';

const HELP = `Usage: doichieu profile [PLAN] [--analysis FILE | --corpus DIR] [--json]

The implementation profile of every plan (a table), or of PLAN in detail:
  lag          days from the directive to the plan, and from the plan of the
               level above in its province (an interval where a date is partial)
  reiteration  share of the content restating the directive, share its own
  specificity  per task group: named agencies, deadlines, quantified targets,
               named programmes and documents, and a depth 0-4
  learning     share of the text reused from the level above (vertical), from
               other provinces (horizontal), from the common restatement
               (boilerplate), with the passages behind each share
Every figure names the units behind it (see --json). docs/measures.md defines them.

Options:
  --analysis FILE  analysis.json to read (default: out/analysis.json; else the corpus is analysed)
  --corpus DIR     analyse this corpus instead
  --json           print the profiles as JSON
  -h, --help       show this help
`;

function days(d: { min: number; max: number } | null): string {
  if (!d) return 'unknown';
  return d.min === d.max ? `${d.min}` : `${d.min}–${d.max}`;
}

function pct(x: number | undefined): string {
  return x === undefined ? '—' : `${Math.round(x * 100)}%`;
}

export function profilesFor(analysis: Analysis): PlanProfile[] {
  return (
    analysis.profiles ??
    measureCorpus(analysis.directive, analysis.plans, analysis.coverage, findingsOf(analysis)).profiles
  );
}

/** Every plan's row, from the report's `profileRows`, aligned in columns. */
function table(analysis: Analysis, profiles: readonly PlanProfile[]): string {
  const { header, rows, extractedDates } = profileRows(analysis, {
    lang: 'en',
    limit: Number.POSITIVE_INFINITY,
    profiles,
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const notes = extractedDates ? '\n* date read from the document, not confirmed in the manifest\n' : '';
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n${notes}depth: 0 absent, 1 mentioned, 2 tasks, 3 tasks with a named agency, 4 … and a deadline\n`;
}

function detail(p: PlanProfile): string {
  const out: string[] = [`${p.planId}`];
  const l = p.lag;
  out.push(
    `  lag since the directive (${l.directive.since}): ${days(l.directive.days)} days (plan date ${l.directive.planDate}, ${l.directive.dateSource})`,
    `  level above: ${l.levelAbove.planId ?? '—'} (${l.levelAbove.how}: ${l.levelAbove.note})${l.levelAbove.days ? `, ${days(l.levelAbove.days)} days after it` : ''}`,
    `  restates the directive: ${pct(p.reiteration.plan.restated)} of its content; its own: ${pct(p.reiteration.plan.own)}`,
  );
  for (const g of p.reiteration.byGroup)
    out.push(`    ${g.group}: ${g.units} units, restated ${pct(g.restated)}, own ${pct(g.own)}`);
  out.push('  specificity:');
  for (const s of p.specificity) {
    out.push(`    ${s.group} depth ${s.depth}`);
    if (s.agencies.length)
      out.push(
        `      agencies: ${s.agencies.map((a) => `${a.name} (${a.role}, ${a.evidence.unitId})`).join('; ')}`,
      );
    if (s.deadlines.length)
      out.push(`      deadlines: ${s.deadlines.map((d) => `${d.text} (${d.evidence.unitId})`).join('; ')}`);
    if (s.targets.length)
      out.push(`      targets: ${s.targets.map((t) => `${t.text} (${t.evidence.unitId})`).join('; ')}`);
    if (s.documents.length) out.push(`      documents: ${s.documents.map((d) => d.name).join('; ')}`);
  }
  if (p.learning) {
    const sh = p.learning.shares;
    out.push(
      `  textual learning (compared with ${p.learning.measuredAgainst.length} plans): vertical ${pct(sh.vertical)}, horizontal ${pct(sh.horizontal)}, same province ${pct(sh['same-province'])}, boilerplate ${pct(sh.boilerplate)}, undetermined ${pct(sh.undetermined)}`,
    );
    for (const s of p.learning.bySourcePlan.slice(0, 5))
      out.push(`    from ${s.planId} (${s.relation}): ${pct(s.share)}`);
    if (p.learning.note) out.push(`    note: ${p.learning.note}`);
  } else out.push('  textual learning: not measured (the diff stage did not run)');
  return `${out.join('\n')}\n`;
}

export const profileCommand: Command = {
  summary: 'the implementation profile of each plan: lag, reiteration, specificity, textual learning',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { analysis: { type: 'string' }, corpus: { type: 'string' }, json: { type: 'boolean' } },
      'profile',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 1) throw new UserError('profile: expected at most one plan id', 2);
    let analysis = loadOrAnalyse(values, 'profile', PROFILES_VIEW);
    // Without profiles in the file they are measured from everything, findings included.
    if (!analysis.profiles) analysis = loadOrAnalyse(values, 'profile');
    let profiles = profilesFor(analysis);
    const id = positionals[0];
    if (id) {
      profiles = profiles.filter((p) => p.planId === id);
      if (profiles.length === 0)
        throw new UserError(
          `profile: no plan "${id}" (plans: ${analysis.plans
            .map((p) => p.id)
            .slice(0, 10)
            .join(', ')})`,
          2,
        );
    }
    if (values.json) process.stdout.write(`${JSON.stringify(id ? profiles[0] : profiles, null, 1)}\n`);
    else process.stdout.write(id ? detail(profiles[0]!) : table(analysis, profiles));
    return 0;
  },
};
