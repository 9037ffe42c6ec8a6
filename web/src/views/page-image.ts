/**
 * The page a unit was read from, with the unit's region outlined: for plans
 * added from a PDF or a scan (`doichieu add` keeps a downscaled image of
 * every page; `analyze` copies them to pages/ beside analysis.json). Each
 * located unit of the reader gets a small button beside its page number; it
 * opens the page image in a dialog with a rectangle over the unit's box
 * (unit.location.box, in the page's own unit, scaled by the page's size), so
 * an OCR'd passage can be checked against what the paper says.
 */
import { h } from '../dom.ts';
import type { Lang, Plan, Unit } from '../types.ts';
import './page-image.css';

type PlanPage = NonNullable<Plan['pages']>[number];

const TEXT = {
  show: { vi: 'Xem trang gốc', en: 'Show the page' },
  showTitle: {
    vi: 'Xem ảnh trang {page}, khoanh vùng đoạn này',
    en: 'Show page {page} with this passage outlined',
  },
  page: { vi: 'Trang {page}', en: 'Page {page}' },
  close: { vi: 'Đóng', en: 'Close' },
  region: { vi: 'Vùng của đoạn trên trang', en: "The passage's region on the page" },
  image: { vi: 'Ảnh trang {page} của bản gốc', en: 'Image of page {page} of the original' },
  lowConfidence: {
    vi: 'Độ tin cậy OCR {c}: đối chiếu với trang gốc',
    en: 'OCR confidence {c}: check against the page',
  },
} as const;

const say = (key: keyof typeof TEXT, lang: Lang, vars: Record<string, string | number> = {}): string =>
  TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** The first words of a unit's text, to name it in the dialog's title. */
const opening = (text: string, max = 70): string =>
  text.length <= max
    ? text
    : `${text.slice(0, text.lastIndexOf(' ', max) > 20 ? text.lastIndexOf(' ', max) : max)}…`;

/** The page image of a unit's first page, when analyze wrote one. */
export function unitPage(plan: Plan, unit: Unit): PlanPage | undefined {
  const page = unit.location?.page;
  if (page === undefined) return undefined;
  const p = plan.pages?.find((x) => x.number === page);
  return p?.image ? p : undefined;
}

/** The box as shares of the page (0–1), a little larger than the text so the outline does not cover it. */
export function boxShares(
  box: readonly [number, number, number, number],
  page: Pick<PlanPage, 'width' | 'height'>,
): { left: number; top: number; width: number; height: number } {
  const pad = Math.min(page.width, page.height) * 0.006;
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  const x0 = clamp((box[0] - pad) / page.width);
  const y0 = clamp((box[1] - pad) / page.height);
  const x1 = clamp((box[2] + pad) / page.width);
  const y1 = clamp((box[3] + pad) / page.height);
  return { left: x0, top: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/**
 * Adds the page-image button to every unit block of the reader's normalised
 * text (the `.doc.normalised` inside `container`) whose page has an image.
 */
export function attachPageImages(container: HTMLElement, plan: Plan, lang: Lang): void {
  const doc = container.querySelector<HTMLElement>('.doc.normalised');
  if (!doc || !plan.pages?.some((p) => p.image)) return;
  const byId = new Map(plan.units.map((u) => [u.id, u]));
  for (const block of doc.querySelectorAll<HTMLElement>('[data-unit]')) {
    const unit = byId.get(block.dataset.unit ?? '');
    const page = unit ? unitPage(plan, unit) : undefined;
    if (!unit || !page) continue;
    const button = h(
      'button',
      {
        type: 'button',
        class: 'page-image-btn',
        'data-page-image': unit.id,
        title: say('showTitle', lang, { page: page.number }),
        'aria-label': say('showTitle', lang, { page: page.number }),
      },
      `▣ ${page.number}`,
    );
    // Beside the page number where the block starts a page; else at the same place.
    const mark = block.querySelector(':scope > .page-mark');
    if (mark) mark.after(button);
    else block.prepend(button);
  }
  doc.addEventListener('click', (ev) => {
    const button = (ev.target as Element).closest<HTMLButtonElement>('button[data-page-image]');
    if (!button) return;
    ev.preventDefault();
    ev.stopPropagation();
    const unit = byId.get(button.dataset.pageImage ?? '');
    if (unit) openPageImage(plan, unit, lang, button);
  });
}

/** Opens the dialog with the unit's page and its region outlined; focus returns to `from` on close. */
export function openPageImage(
  plan: Plan,
  unit: Unit,
  lang: Lang,
  from?: HTMLElement,
): HTMLDialogElement | undefined {
  const page = unitPage(plan, unit);
  const box = unit.location?.box;
  if (!page?.image || !box) return undefined;
  document.getElementById('page-image-dialog')?.remove();
  const share = boxShares(box, page);
  const outline = h('div', {
    class: 'page-image-outline',
    id: 'page-image-outline',
    role: 'img',
    'aria-label': say('region', lang),
  });
  outline.style.left = `${share.left * 100}%`;
  outline.style.top = `${share.top * 100}%`;
  outline.style.width = `${share.width * 100}%`;
  outline.style.height = `${share.height * 100}%`;
  const img = h('img', {
    id: 'page-image-img',
    src: new URL(page.image, document.baseURI).href,
    alt: say('image', lang, { page: page.number }),
    width: 1000,
    height: Math.round((1000 * page.height) / page.width),
  });
  const close = h('button', { type: 'button', class: 'page-image-close' }, say('close', lang));
  const confidence = unit.location?.confidence;
  const dialog = h(
    'dialog',
    { id: 'page-image-dialog', class: 'page-image-dialog', 'aria-labelledby': 'page-image-title' },
    h(
      'div',
      { class: 'page-image-head' },
      h(
        'h2',
        { id: 'page-image-title' },
        `${say('page', lang, { page: page.number })} · “${opening(unit.text)}”`,
      ),
      unit.location?.lowConfidence && confidence !== undefined
        ? h('span', { class: 'page-image-note' }, say('lowConfidence', lang, { c: confidence }))
        : null,
      close,
    ),
    h('div', { class: 'page-image-frame' }, img, outline),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    from?.focus({ preventScroll: true });
  });
  // A click on the backdrop (outside the frame) closes, as Escape does.
  dialog.addEventListener('click', (ev) => {
    if (ev.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  dialog.showModal();
  const reveal = () => outline.scrollIntoView({ block: 'center', inline: 'nearest' });
  if (img.complete) reveal();
  else img.addEventListener('load', reveal, { once: true });
  return dialog;
}
