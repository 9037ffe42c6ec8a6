/**
 * normalise: Source → Text. Unicode NFC, one tone-mark convention, logical
 * blocks (one per line) from the physical layout, OCR repairs. Each step
 * proposes edits; the offset map keeps every character traceable to the
 * source, and every repair becomes a positioned message.
 */
import type { Edit, Message, Source } from './model.ts';
import { layoutEdits } from './text/layout.ts';
import { EditedText, type MappedText } from './text/mapped.ts';

/** A text-level repair step: proposes edits on NFC text. Pure. */
export type RepairStep = (text: string) => Edit[];

/** A finding about the text a step was given; offsets into that text, none for the whole text. */
export interface RepairNote {
  ruleId: string;
  reason: string;
  start?: number;
  end?: number;
}

/** What the OCR step decided, in source offsets: which regions show damage, and the evidence. */
export interface OcrDamageReport {
  damaged: boolean;
  syllables: number;
  suspects: number;
  regions: { start: number; end: number; syllables: number; suspects: number; damaged: boolean }[];
}

/** A repair step that also explains where it looked and why (the OCR damage gate). */
export type ReportingRepairStep = (text: string) => {
  edits: Edit[];
  notes: RepairNote[];
  damage?: OcrDamageReport;
};

export interface NormaliseOptions {
  /** Tone-mark canonicalisation ("hoá" → "hóa"); runs before layout. */
  toneStyle?: RepairStep;
  /** OCR and font-mapping repair; runs on the block text. */
  ocrRepair?: RepairStep | ReportingRepairStep;
}

export interface DroppedSpan {
  start: number;
  end: number;
  reason: string;
}

export interface NormalisedText extends MappedText {
  /** Source spans removed on purpose (page artefacts, decorations); blank space is not listed. */
  dropped: DroppedSpan[];
  messages: Message[];
  stats: { toneRepairs: number; ocrRepairs: number; unicodeFixes: number; blankLinesSeparate: boolean };
  /** The OCR damage gate's decision (source offsets), when the OCR step reports one. */
  ocrDamage?: OcrDamageReport;
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

/** What unicodeEdits would change: combining marks, invisible characters, odd spaces. */
const NEEDS_UNICODE_EDITS = /[\p{M}\u00ad\u200b-\u200d\u2060\ufeff\u00a0\u2000-\u200a\u202f\u205f\u3000]/u;

/** Code units below U+3100 that {@link NEEDS_UNICODE_EDITS} matches, looked up instead of matched. */
const NEEDS_TABLE_SIZE = 0x3100;
const NEEDS_TABLE = (() => {
  const table = new Uint8Array(NEEDS_TABLE_SIZE);
  for (let code = 0; code < NEEDS_TABLE_SIZE; code++)
    if (code < 0xd800 && NEEDS_UNICODE_EDITS.test(String.fromCharCode(code))) table[code] = 1;
  return table;
})();

/**
 * Where {@link NEEDS_UNICODE_EDITS} next matches at or after `from` (as its `u`-flag exec would), or -1:
 * a table lookup per code unit instead of the regex's class test, which is most of a plain text's cost.
 */
export function nextNeedingUnicodeEdit(text: string, from: number): number {
  const length = text.length;
  for (let i = from; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < NEEDS_TABLE_SIZE) {
      if (NEEDS_TABLE[code] === 1) return i;
      continue;
    }
    // Above the table: test the code point (a surrogate pair as one), as the regex does.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (NEEDS_UNICODE_EDITS.test(text.slice(i, i + 2))) return i;
        i++;
        continue;
      }
    }
    if (NEEDS_UNICODE_EDITS.test(String.fromCharCode(code))) return i;
  }
  return -1;
}

/** NFC per run of base character + combining marks; invisible characters removed; odd spaces made plain. */
export function unicodeEdits(text: string): Edit[] {
  // Most text is already precomposed and plain: one scan decides.
  let hit = nextNeedingUnicodeEdit(text, 0);
  if (hit < 0) return [];
  const edits: Edit[] = [];
  // Invisible characters first, so that a mark after one is not deleted with it. Runs are
  // matched in bounded pieces: an unbounded `+` over millions of marks overflows the regex stack.
  const runs =
    /[\u00ad\u200b-\u200d\u2060\ufeff]{1,4096}|\P{M}\p{M}{1,4096}|\p{M}{1,4096}|[\u00a0\u2000-\u200a\u202f\u205f\u3000]{1,4096}/gu;
  // Every run holds a character of NEEDS_UNICODE_EDITS, at most two code units after its start
  // (a base character, then a mark): the scan jumps from one such character to the next
  // instead of trying the runs at every position of the text.
  const next = (from: number): RegExpExecArray | null => {
    if (hit < from) hit = nextNeedingUnicodeEdit(text, from);
    if (hit < 0) return null;
    runs.lastIndex = Math.max(from, hit - 2);
    return runs.exec(text);
  };
  for (let m = next(0); m; m = next(m.index + m[0].length)) {
    const run = m[0];
    let replacement: string;
    if (INVISIBLE.test(run[0]!)) replacement = '';
    else if (/^\s+$/u.test(run)) replacement = ' '.repeat(run.length);
    else replacement = run.normalize('NFC');
    if (replacement !== run)
      edits.push({
        start: m.index,
        end: m.index + run.length,
        text: replacement,
        ruleId: 'normalise:unicode',
      });
  }
  return edits;
}

function messagesFor(mapped: EditedText, edits: readonly Edit[], severity: Message['severity']): Message[] {
  const out: Message[] = [];
  for (const edit of edits) {
    if (!edit.ruleId) continue;
    const [start, end] = mapped.sourceSpan(edit.start, edit.end);
    out.push({
      ruleId: edit.ruleId,
      severity,
      reason: edit.reason ?? `"${mapped.text.slice(edit.start, edit.end)}" → "${edit.text}"`,
      start,
      end,
      actual: mapped.text.slice(edit.start, edit.end),
      expected: edit.text,
    });
  }
  return out;
}

export function normalise(source: Source, options: NormaliseOptions = {}): NormalisedText {
  // Each pass edits the text; the offset map is composed once, at the end.
  const mapped = new EditedText(source.text);
  const unicode = unicodeEdits(mapped.text);
  mapped.apply(unicode);

  const messages: Message[] = [];
  const tone = options.toneStyle ? options.toneStyle(mapped.text) : [];
  messages.push(...messagesFor(mapped, tone, 'info'));
  mapped.apply(tone);

  const layout = layoutEdits(mapped.text);
  const dropped = layout.dropped.map((d) => {
    const [start, end] = mapped.sourceSpan(d.start, d.end);
    return { start, end, reason: d.reason };
  });
  for (const d of dropped) {
    messages.push({
      ruleId: 'normalise:artefact',
      severity: 'info',
      reason: `dropped ${d.reason}`,
      start: d.start,
      end: d.end,
      actual: source.text.slice(d.start, d.end),
    });
  }
  mapped.apply(layout.edits);

  const step = options.ocrRepair ? options.ocrRepair(mapped.text) : [];
  const ocr = Array.isArray(step) ? step : step.edits;
  let ocrDamage: OcrDamageReport | undefined;
  if (!Array.isArray(step)) {
    for (const note of step.notes) messages.push(noteMessage(mapped, note));
    if (step.damage !== undefined) {
      const regions = step.damage.regions.map((r) => {
        const [start, end] = mapped.sourceSpan(r.start, r.end);
        return { ...r, start, end };
      });
      ocrDamage = { ...step.damage, regions };
    }
  }
  messages.push(...messagesFor(mapped, ocr, 'warning'));
  mapped.apply(ocr);

  messages.sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0));
  return {
    ...mapped.toMapped(),
    dropped,
    messages,
    stats: {
      toneRepairs: tone.length,
      ocrRepairs: ocr.length,
      unicodeFixes: unicode.length,
      blankLinesSeparate: layout.blankLinesSeparate,
    },
    ...(ocrDamage === undefined ? {} : { ocrDamage }),
  };
}

function noteMessage(mapped: EditedText, note: RepairNote): Message {
  const message: Message = { ruleId: note.ruleId, severity: 'info', reason: note.reason };
  if (note.start === undefined || note.end === undefined) return message;
  const [start, end] = mapped.sourceSpan(note.start, note.end);
  return { ...message, start, end };
}
