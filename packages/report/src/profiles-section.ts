/**
 * The implementation-profile table, shared by the HTML and Markdown reports
 * and `doichieu profile`: one row per plan (lag, restated and own shares,
 * textual learning, depth per task group) and the citation checks. The
 * report shows at most `PROFILE_ROWS` plans (plan-level.csv has them all);
 * the CLI shows every plan.
 */
import type { PlanProfile } from '@doichieu/measures';
import type { AnalysisInput } from './export/findings.ts';
import { profilesOf } from './export/tidy.ts';
import { DEFAULT_REPORT_LANG, type ReportLang, rt } from './html/i18n.ts';

export const PROFILE_ROWS = 60;

const pct = (x: number | undefined): string => (x === undefined ? '—' : `${Math.round(x * 100)}%`);

export interface ProfileRows {
  header: string[];
  /** One row per plan; the first cell is the plan id (the report shows the plan's name instead). */
  rows: string[][];
  /** Plans left out of the table (the CSV has them). */
  more: number;
  /** Whether a lag is marked '*': the plan's date was read from the document, not confirmed in the manifest. */
  extractedDates: boolean;
  checks: {
    planId: string;
    check: string;
    message: string;
    documents: string[];
    /** The distinct citations as written (at most three). */
    quotes: string[];
    where: string;
  }[];
}

export interface ProfileRowsOptions {
  /** Rows at most (default `PROFILE_ROWS`; `Infinity` for every plan, as the CLI shows them). */
  limit?: number;
  /** Mark with '*' a lag computed from a date read from the document (default true). */
  markExtracted?: boolean;
  /** Language of the header and of "unknown" (default Vietnamese; the CLI prints English). */
  lang?: ReportLang;
  /** The profiles, when the caller has them already (default: the analysis's, or computed). */
  profiles?: readonly PlanProfile[];
}

/** The header of the profile table in English is the CLI's, lower case as it has always printed it. */
const EN_HEADER = ['plan', 'lag (days)', 'restated', 'own', 'vertical', 'horizontal', 'boilerplate'];

export function profileRows(analysis: AnalysisInput, options: ProfileRowsOptions = {}): ProfileRows {
  const lang = options.lang ?? DEFAULT_REPORT_LANG;
  const limit = options.limit ?? PROFILE_ROWS;
  const markExtracted = options.markExtracted ?? true;
  const groups = analysis.directive.taskGroups.map((g) => g.id);
  const profiles = options.profiles ?? profilesOf(analysis);
  const header =
    lang === 'en'
      ? [...EN_HEADER, ...groups.map((g) => `${g} depth`)]
      : [
          rt(lang, 'col.plan'),
          rt(lang, 'profile.lag'),
          rt(lang, 'profile.restated'),
          rt(lang, 'profile.own'),
          rt(lang, 'profile.vertical'),
          rt(lang, 'profile.horizontal'),
          rt(lang, 'profile.boilerplate'),
          ...groups.map((g) => rt(lang, 'profile.depth', { group: g })),
        ];
  const shown = profiles.slice(0, limit);
  const extracted = (p: PlanProfile) => markExtracted && p.lag.directive.dateSource === 'extracted';
  const rows = shown.map((p) => {
    const d = p.lag.directive.days;
    return [
      p.planId,
      (d ? (d.min === d.max ? String(d.min) : `${d.min}–${d.max}`) : rt(lang, 'profile.unknown')) +
        (extracted(p) ? '*' : ''),
      pct(p.reiteration.plan.restated),
      pct(p.reiteration.plan.own),
      pct(p.learning?.shares.vertical),
      pct(p.learning?.shares.horizontal),
      pct(p.learning?.shares.boilerplate),
      ...groups.map((g) => String(p.specificity.find((s) => s.group === g)?.depth ?? '—')),
    ];
  });
  const checks = (analysis.citations?.checks ?? []).slice(0, 40).map((c) => ({
    planId: c.planId,
    check: c.check,
    message: c.message,
    documents: c.documents,
    quotes: [...new Set(c.evidence.map((e) => e.text))].slice(0, 3),
    where:
      c.evidence
        .slice(0, 3)
        .map((e) => `${e.unitId} [${e.span[0]}–${e.span[1]}]`)
        .join(', ') + (c.evidence.length > 3 ? ', …' : ''),
  }));
  return {
    header,
    rows,
    more: Math.max(0, profiles.length - shown.length),
    extractedDates: shown.some(extracted),
    checks,
  };
}

/** What the profile table's columns mean, in `lang`. */
export const profileNote = (lang: ReportLang = DEFAULT_REPORT_LANG) => rt(lang, 'profileNote');
