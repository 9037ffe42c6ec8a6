/** Vietnamese orthography, tone-mark canonicalisation and OCR / font-mapping repair. */
export { createLexicon, type Lexicon, type LexiconData, loadLexicon } from './lexicon.ts';
export {
  OCR_DAMAGE_RULE,
  OCR_REPAIR_RULE,
  type OcrDamage,
  type OcrRegion,
  ocrRepair,
  ocrRepairEdits,
  ocrRepairReport,
} from './ocr-repair.ts';
export { isValidSyllable } from './orthography.ts';
export { canonicalToneEdits, TONE_STYLE_RULE } from './tone-style.ts';
