/** Helpers shared by the lexicon tests. */
import { readFileSync } from 'node:fs';
import type { Edit } from '../model.ts';
import { canonicalToneEdits } from './tone-style.ts';

/** Applies sorted, non-overlapping edits. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

export const CLEAN_PLANS = [
  'district-study-plan',
  'lang-son-135-kh-tu-conference-plan',
  'quang-ngai-222-kh-tu-study-plan',
  'quang-ngai-implementation-plan',
] as const;
export const OCR_PLAN = 'quang-ninh-implementation-plan';

/** A corpus plan as the repair sees it: NFC, tone marks in the plans' style. */
export function readPlan(name: string): string {
  const raw = readFileSync(
    new URL(`../../../../corpus/plans/${name}.txt`, import.meta.url),
    'utf8',
  ).normalize('NFC');
  return applyEdits(raw, canonicalToneEdits(raw));
}
