/**
 * Units placed on the pages of their original file: each unit's source span
 * is matched against the decoded lines (each with its page and box), so a
 * reader can be shown where on the page a unit's text came from.
 */
import type { DocumentLayout, LayoutLine } from './layout-schema.ts';
import type { Unit } from './model.ts';

export function locateUnits(units: readonly Unit[], layout: DocumentLayout): Unit[] {
  const lines = [...layout.lines].sort((a, b) => a.span[0] - b.span[0]);
  const threshold = layout.ocr?.lowConfidenceBelow;
  return units.map((unit) => {
    const hit = overlapping(lines, unit.span[0], unit.span[1]);
    if (hit.length === 0) return unit;
    const page = hit[0]!.page;
    const lastPage = hit[hit.length - 1]!.page;
    const onPage = hit.filter((l) => l.page === page);
    const box: [number, number, number, number] = [
      Math.min(...onPage.map((l) => l.box[0])),
      Math.min(...onPage.map((l) => l.box[1])),
      Math.max(...onPage.map((l) => l.box[2])),
      Math.max(...onPage.map((l) => l.box[3])),
    ];
    const confidences = hit.map((l) => l.confidence).filter((c): c is number => c !== undefined);
    const confidence = confidences.length > 0 ? Math.min(...confidences) : undefined;
    return {
      ...unit,
      location: {
        page,
        ...(lastPage !== page ? { pageEnd: lastPage } : {}),
        box: box.map((v) => Math.round(v * 10) / 10) as typeof box,
        ...(confidence !== undefined ? { confidence: Math.round(confidence * 10) / 10 } : {}),
        ...(confidence !== undefined && threshold !== undefined && confidence < threshold
          ? { lowConfidence: true }
          : {}),
      },
    };
  });
}

/** The lines whose span meets `[start, end)`; `lines` sorted by start. */
function overlapping(lines: readonly LayoutLine[], start: number, end: number): LayoutLine[] {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]!.span[1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: LayoutLine[] = [];
  for (let i = lo; i < lines.length && lines[i]!.span[0] < end; i++) {
    if (lines[i]!.span[1] > start) out.push(lines[i]!);
  }
  return out;
}
