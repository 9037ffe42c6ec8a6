/**
 * What each reading command keeps of analysis.json (analysis-stream.ts):
 * everything it prints or writes, nothing more, so that a national analysis
 * (1.6 GB at 7,000 plans) is read in a bounded part of it. Each view keeps
 * the fields and the counts its command reads, and empties the rest (the
 * source text, the alignment's evidence, the passages' texts nobody prints),
 * so its output is the same as from the whole file.
 */
import { type AnalysedPlan, type Analysis, DETAIL_LIMIT, type ReportLayout } from '@doichieu/report';
import type { AnalysisView } from './analysis-stream.ts';

type Findings = NonNullable<Analysis['findings']>;
type Comparison = Findings['comparisons'][number];
type Passage = Comparison['reuse'][number]['a'];

const noText = (p: Passage): Passage => ({ ...p, text: '' });

/** The plan's units without their alignment evidence (no reading command prints it). */
const unitsWithoutEvidence = (p: AnalysedPlan): AnalysedPlan['units'] =>
  p.units.map((u) => ({ ...u, alignment: { ...u.alignment, evidence: {} } }));

/** A plan without its source text, skipped spans and alignment evidence (the report and the tables do not read them). */
export function planWithoutText(p: AnalysedPlan): AnalysedPlan {
  return { ...p, source: { ...p.source, text: '' }, skipped: [], units: unitsWithoutEvidence(p) };
}

type Profile = NonNullable<Analysis['profiles']>[number];
type Shares = Profile['reiteration']['plan'];

const sharesOnly = (c: Shares): Shares => ({ ...c, restatedEvidence: [], ownEvidence: [] });

/** A profile without the passages behind its shares (the tidy tables count and sum, never quote). */
function profileShares(p: Profile): Profile {
  return {
    ...p,
    reiteration: { plan: sharesOnly(p.reiteration.plan), byGroup: p.reiteration.byGroup.map(sharesOnly) },
    learning: p.learning ? { ...p.learning, passages: [] } : p.learning,
  };
}

/** A profile as the report's table reads it: its figures, without the passages and evidence behind them. */
function profileFigures(p: Profile): Profile {
  return {
    ...profileShares(p),
    specificity: p.specificity.map((s) => ({
      ...s,
      agencies: [],
      deadlines: [],
      targets: [],
      documents: [],
      unitChecks: [],
    })),
  };
}

/** Reuse passages the report quotes, the longest of the corpus (renderHtmlReport's and the Markdown's maxReuse). */
const REPORT_REUSE_QUOTED = 12;
/** A passage side the report does not print (its count and syllables are what it reads). */
const UNPRINTED: Passage = { planId: '', unitId: '', span: [0, 0], text: '' };

/**
 * The report: counts of paired units, reuse with its own text, the first example of an omission,
 * the profiles' figures. In the summary layout (above DETAIL_LIMIT plans, unless `layout` is
 * detail), which sums each plan up from its coverage row and quotes only the corpus's longest
 * passages: no units, omissions without their lists, and reuse text only for a passage that can
 * still be among the longest (the report sorts stably by length, so a later passage no longer
 * than the REPORT_REUSE_QUOTED-th longest so far never is).
 */
export function reportView(layout?: ReportLayout): AnalysisView {
  const kept: AnalysedPlan[] = [];
  const summary = (): boolean => layout === 'summary' || (layout === undefined && kept.length > DETAIL_LIMIT);
  const withoutUnits = (p: AnalysedPlan): AnalysedPlan => ({ ...p, units: [] });
  // The longest passages' lengths so far, longest first.
  const longest: number[] = [];
  const quotable = (tokens: number): boolean => {
    if (longest.length >= REPORT_REUSE_QUOTED && tokens <= longest[REPORT_REUSE_QUOTED - 1]!) return false;
    let at = longest.length;
    while (at > 0 && longest[at - 1]! < tokens) at--;
    longest.splice(at, 0, tokens);
    if (longest.length > REPORT_REUSE_QUOTED) longest.pop();
    return true;
  };
  return {
    plans: (p) => {
      const slim = planWithoutText(p);
      kept.push(slim);
      if (!summary()) return slim;
      // The plans kept whole before the count passed the limit lose their units now.
      if (kept.length === DETAIL_LIMIT + 1 && layout === undefined)
        for (let i = 0; i < DETAIL_LIMIT; i++) kept[i]!.units = [];
      return withoutUnits(slim);
    },
    comparisons: (c) => {
      const brief = summary();
      return {
        ...c,
        pairs: c.pairs.map((p) =>
          brief
            ? { ...p, a: UNPRINTED, b: UNPRINTED, matchedTerms: [], diff: [] }
            : { ...p, a: noText(p.a), b: noText(p.b), matchedTerms: [], diff: [] },
        ),
        // In the summary only a passage that can still be among the longest keeps its text.
        reuse: c.reuse.map((r) =>
          !brief || quotable(r.tokens)
            ? { ...r, a: noText(r.a), b: noText(r.b) }
            : { ...r, a: UNPRINTED, b: UNPRINTED, text: '' },
        ),
        onlyInA: [],
        onlyInB: [],
      };
    },
    omissions: (o) =>
      summary()
        ? { ...o, keyTerms: [], carriedBy: [], examples: [] }
        : { ...o, examples: o.examples.slice(0, 1) },
    profiles: profileFigures,
  };
}

/** The tidy tables (plan-level, unit-level: export, sql): units, reuse by unit, additions by unit, profiles. */
export const TIDY_VIEW: AnalysisView = {
  plans: planWithoutText,
  profiles: profileShares,
  keyness: false,
  additions: (a) => ({ ...a, passages: a.passages.map(noText) }),
  omissions: false,
  comparisons: (c) => ({
    ...c,
    pairs: [],
    reuse: c.reuse.map((r) => ({ ...r, a: noText(r.a), b: noText(r.b), text: '' })),
    onlyInA: [],
    onlyInB: [],
  }),
  neighbours: false,
  similarity: false,
};

/** The profiles as analysis.json has them, and the plans they name (profile). */
export const PROFILES_VIEW: AnalysisView = {
  plans: planWithoutText,
  keyness: false,
  additions: false,
  omissions: false,
  comparisons: false,
  neighbours: false,
  similarity: false,
  citations: false,
};

/** The plans' texts for passim: no findings, no profiles. */
export const PASSIM_EXPORT_VIEW: AnalysisView = {
  plans: (p) => ({ ...p, units: unitsWithoutEvidence(p) }),
  keyness: false,
  additions: false,
  omissions: false,
  comparisons: false,
  neighbours: false,
  similarity: false,
  profiles: false,
  citations: false,
};

/** One or two plans and their own findings (diff, additions, omissions); every plan id is collected in `ids`. */
export function plansView(wanted: ReadonlySet<string>, ids: string[]): AnalysisView {
  return {
    plans: (p) => {
      ids.push(p.id);
      return wanted.has(p.id) ? p : undefined;
    },
    coverage: (c) => (wanted.has(c.planId) ? c : undefined),
    keyness: (k) => (wanted.has(k.planId) ? k : undefined),
    additions: (a) => (wanted.has(a.planId) ? a : undefined),
    omissions: (o) => (wanted.has(o.planId) ? o : undefined),
    comparisons: (c) => (wanted.has(c.a) && wanted.has(c.b) ? c : undefined),
    neighbours: false,
    similarity: false,
    profiles: false,
    citations: false,
  };
}
