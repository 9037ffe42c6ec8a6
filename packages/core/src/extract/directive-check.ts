/**
 * The directive check: does a plan cite the directive being analysed, by its
 * number ("Kết luận số 57-KL/TW", "57 - KL/TƯ") or by its title phrase
 * ("… về tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối
 * ngoại", accent-folded), and if not, what does it cite instead? A citation
 * with the directive's number but another kind, issuer or year (57-NQ/TW of
 * 2024 for Conclusion 57-KL/TW of 2023) is a confusable, found by method;
 * the directive file may list known confusables to name them. Pure: the
 * references come from {@link findDocumentRefs}, the phrases from the text.
 */
import type { Directive } from '../manifest.ts';
import type { CitedInstead, DirectiveCheck, DocumentRefFound, Message, Span } from '../model.ts';
import { foldSameLength } from '../text/fold.ts';
import { forEachRun } from '../text/runs.ts';
import { findDocumentRefs } from './refs.ts';

/** A canonical number taken apart: "57-KL/TW", "02/2017/QĐ-UBND", "57-KL" (no issuer). */
export interface NumberParts {
  digits: number;
  prefix: string;
  issuer?: string;
  year?: number;
}

const PARTY = /^(\d{1,5})-([^/-]+)(?:\/(.+))?$/u;
const STATE = /^(\d{1,5})\/(\d{4})\/([^-]+)-(.+)$/u;

export function numberParts(number: string): NumberParts | undefined {
  const party = PARTY.exec(number);
  if (party)
    return { digits: Number(party[1]), prefix: party[2]!, ...(party[3] ? { issuer: party[3] } : {}) };
  const state = STATE.exec(number);
  if (state)
    return { digits: Number(state[1]), year: Number(state[2]), prefix: state[3]!, issuer: state[4]! };
  return undefined;
}

/**
 * The issuer codes a citation may stand for. Canonical codes drop the horn
 * ("TƯ" → "TU", as OCR adds and drops it), but a horned "TƯ" is how the
 * genre also writes Trung ương, so it reads as "TW" too.
 */
function issuerReadings(ref: Pick<DocumentRefFound, 'issuer' | 'text'>): string[] {
  if (ref.issuer === undefined) return [];
  // The letters after the first slash that letters follow (a date after the number has digits there).
  const surface = /\/\s{0,2}(\p{L}+)/u.exec(ref.text)?.[1] ?? '';
  const horned = /[Ưư]/u.test(surface) ? [ref.issuer.replace(/U/g, 'W')] : [];
  return [ref.issuer, ...horned];
}

const yearOf = (iso: string | undefined): number | undefined =>
  iso && /^\d{4}/.test(iso) ? Number(iso.slice(0, 4)) : undefined;

/** The directive's own number, parsed by the reference finder itself so both sides are canonical alike. */
export function directiveNumber(directive: Pick<Directive, 'id' | 'citation'>): NumberParts | undefined {
  const number = directive.citation?.number ?? directive.id;
  const ref = findDocumentRefs(number)[0];
  return numberParts(ref?.number ?? number);
}

/** Title phrases to look for: the data's, or the Vietnamese title after its first "về". */
export function directiveTitlePhrases(directive: Pick<Directive, 'title' | 'citation'>): string[] {
  if (directive.citation?.titlePhrases) return directive.citation.titlePhrases;
  const title = directive.title.vi;
  const at = foldSameLength(title).search(/(?<![\p{L}\p{N}])ve\s/u);
  const phrase = at < 0 ? '' : title.slice(at + 3).trim();
  // A phrase of a few words would match other documents' titles.
  return words(foldSameLength(phrase)).length >= 4 ? [phrase] : [];
}

export type CitationMatch = 'directive' | 'confusable' | 'unrelated';

/**
 * How one citation relates to the directive: the same number (digits, prefix
 * and, when both are stated, issuer and year), the same digits with another
 * kind, issuer or year (a confusable), or another document.
 */
export function matchCitation(
  directive: NumberParts,
  directiveYear: number | undefined,
  ref: Pick<DocumentRefFound, 'number' | 'issuer' | 'text' | 'date'>,
): CitationMatch {
  const parts = numberParts(ref.number);
  if (!parts || parts.digits !== directive.digits) return 'unrelated';
  if (parts.prefix !== directive.prefix) return 'confusable';
  if (directive.year !== undefined && parts.year !== undefined && parts.year !== directive.year)
    return 'confusable';
  if (directive.issuer !== undefined && parts.issuer !== undefined) {
    const readings = issuerReadings({ issuer: parts.issuer, text: ref.text });
    if (!readings.includes(directive.issuer)) return 'confusable';
  }
  const year = yearOf(ref.date);
  // A wrong day in the same year is a typo (the plans have them); another year is another document.
  if (directiveYear !== undefined && year !== undefined && year !== directiveYear) return 'confusable';
  return 'directive';
}

interface Word {
  start: number;
  end: number;
  text: string;
}

// forEachRun, not /[…]+/gu: one multi-megabyte word would overflow the regex stack.
const WORD = '[\\p{L}\\p{N}]';

function words(folded: string): Word[] {
  const out: Word[] = [];
  forEachRun(folded, WORD, (start, text) => out.push({ start, end: start + text.length, text }));
  return out;
}

/** Spans where the phrase's words follow one another in the text (punctuation, case, accents and line breaks ignored). */
export function findPhrase(textWords: readonly Word[], phrase: string): Span[] {
  const wanted = words(foldSameLength(phrase)).map((w) => w.text);
  if (wanted.length === 0) return [];
  const out: Span[] = [];
  for (let i = 0; i + wanted.length <= textWords.length; i++) {
    let n = 0;
    while (n < wanted.length && textWords[i + n]!.text === wanted[n]) n++;
    if (n === wanted.length) {
      out.push([textWords[i]!.start, textWords[i + n - 1]!.end]);
      i += n - 1;
    }
  }
  return out;
}

/** Kinds a plan implements: party conclusions, resolutions and directives. */
const DIRECTIVE_KINDS = new Set(['ket-luan', 'nghi-quyet', 'chi-thi']);
/** Other documents listed when the plan cites neither the directive nor a confusable. */
const MAX_OTHERS = 5;

/**
 * Checks one plan. `references` are the plan's citations with source spans
 * (its own number marked `self`); `text` is the text the spans point into.
 */
export function checkDirectiveCitation(
  directive: Pick<Directive, 'id' | 'title' | 'date' | 'citation'>,
  references: readonly DocumentRefFound[],
  text: string,
): DirectiveCheck {
  const own = directiveNumber(directive);
  const ownYear = yearOf(directive.date);
  const evidence: DirectiveCheck['evidence'] = [];
  const instead = new Map<string, CitedInstead & { first: number }>();
  const known = new Map(
    (directive.citation?.confusables ?? []).map((c) => [
      findDocumentRefs(c.number)[0]?.number ?? c.number,
      c,
    ]),
  );
  for (const ref of references) {
    if (ref.self) continue;
    const match = own ? matchCitation(own, ownYear, ref) : 'unrelated';
    if (match === 'directive') {
      evidence.push({ kind: ref.partial ? 'short-number' : 'number', span: ref.span, text: ref.text });
      continue;
    }
    if (match === 'unrelated' && (!DIRECTIVE_KINDS.has(ref.kind) || ref.partial || ref.garbled)) continue;
    const key = `${ref.number}|${yearOf(ref.date) ?? ''}`;
    const entry = instead.get(key);
    if (entry) {
      entry.count++;
      entry.spans.push(ref.span);
      if (!entry.date && ref.date) entry.date = ref.date;
      continue;
    }
    const listed = known.get(ref.number);
    instead.set(key, {
      number: ref.number,
      kind: ref.kind,
      ...(ref.issuer ? { issuer: ref.issuer } : {}),
      ...(ref.date ? { date: ref.date } : {}),
      confusable: match === 'confusable',
      ...(listed?.title ? { title: listed.title.vi } : {}),
      count: 1,
      spans: [ref.span],
      first: ref.span[0],
    });
  }
  // An undated citation of a document cited elsewhere with its date is the same document.
  for (const [key, entry] of instead) {
    if (!key.endsWith('|')) continue;
    const dated = [...instead.values()].find((e) => e !== entry && e.number === entry.number);
    if (!dated) continue;
    dated.count += entry.count;
    dated.spans = [...dated.spans, ...entry.spans].sort((a, b) => a[0] - b[0]);
    dated.first = Math.min(dated.first, entry.first);
    instead.delete(key);
  }
  const textWords = words(foldSameLength(text));
  for (const phrase of directiveTitlePhrases(directive))
    for (const span of findPhrase(textWords, phrase))
      evidence.push({ kind: 'title', span, text: text.slice(span[0], span[1]) });
  evidence.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);

  const ranked = [...instead.values()].sort(
    (a, b) => Number(b.confusable) - Number(a.confusable) || b.count - a.count || a.first - b.first,
  );
  const confusables = ranked.filter((e) => e.confusable);
  const status: DirectiveCheck['status'] =
    evidence.length > 0 ? 'cites' : confusables.length > 0 ? 'cites-confusable' : 'no-citation';
  const listed =
    status === 'cites'
      ? confusables
      : [...confusables, ...ranked.filter((e) => !e.confusable).slice(0, MAX_OTHERS)];
  return {
    directive: directive.id,
    status,
    evidence,
    citesInstead: listed.map(({ first: _first, ...rest }) => rest),
  };
}

/** "57-NQ/TW (2024-12-22)" */
export function describeCited(c: Pick<CitedInstead, 'number' | 'date'>): string {
  return c.date ? `${c.number} (${c.date})` : c.number;
}

/**
 * "does not cite 57-KL/TW; it cites 57-NQ/TW (2024-12-22), the same number
 * for another document; it also cites 45-NQ/TW (2023-11-24)"; '' when it cites it.
 */
export function notCitingReason(
  check: Pick<DirectiveCheck, 'directive' | 'status' | 'citesInstead'>,
): string {
  if (check.status === 'cites') return '';
  const confusable = check.citesInstead.filter((c) => c.confusable).map(describeCited);
  const others = check.citesInstead
    .filter((c) => !c.confusable)
    .slice(0, 3)
    .map(describeCited);
  const parts = [
    confusable.length > 0 ? `it cites ${confusable.join(', ')}, the same number for another document` : '',
    others.length > 0 ? `it ${confusable.length > 0 ? 'also ' : ''}cites ${others.join(', ')}` : '',
  ].filter(Boolean);
  return `does not cite ${check.directive}; ${parts.length > 0 ? parts.join('; ') : 'it cites no directive'}`;
}

/** The positioned warning for a plan that does not cite the directive, or undefined when it does. */
export function directiveCheckMessage(check: DirectiveCheck): Message | undefined {
  if (check.status === 'cites') return undefined;
  const first = check.citesInstead[0];
  return {
    ruleId: check.status === 'cites-confusable' ? 'directive:cites-confusable' : 'directive:not-cited',
    severity: 'warning',
    reason: `${notCitingReason(check)}: its coverage is not counted in corpus totals`,
    ...(first ? { start: first.spans[0]![0], end: first.spans[0]![1] } : {}),
    ...(first ? { actual: first.number, expected: check.directive } : {}),
  };
}
