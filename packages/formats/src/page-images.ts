/**
 * Page images for the viewer's reader: every page of a PDF (text layer or
 * scan) or of an image, downscaled to a width a screen shows whole, so a
 * reader can see where a unit's text sits on the page. The unit's box is in
 * the page's own unit (PDF points or image pixels); the viewer scales it by
 * the page's width and height, so the image's resolution does not matter.
 */
import type { DocumentLayout } from '@doichieu/core';
import { openPdf } from './pdfjs.ts';
import { drawPage } from './render.ts';

/** Wide enough to read a page's text on a screen (about 120 dpi for A4), small enough to keep beside a corpus. */
export const PAGE_IMAGE_WIDTH = 1000;

export interface PageImage {
  page: number;
  /** File extension of `bytes`. */
  ext: 'webp';
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * The page images of a decoded PDF or image file (PNG, JPEG). A DOCX has no
 * pages; TIFF and other images the canvas cannot read give none: the reader
 * then shows the text only.
 */
export async function pageImages(
  bytes: Uint8Array,
  layout: Pick<DocumentLayout, 'format' | 'pages'>,
  width = PAGE_IMAGE_WIDTH,
): Promise<PageImage[]> {
  if (layout.format === 'docx') return [];
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  type Canvas = import('@napi-rs/canvas').Canvas;
  const out: PageImage[] = [];
  const encode = async (canvas: Canvas, page: number, photo: boolean): Promise<PageImage> => {
    // WebP: a printed page is 200 kB (PNG 500 kB, JPEG 300 kB at 1000 px); a scan's grain compresses at a lower quality.
    const data = await canvas.encode('webp', photo ? 70 : 85);
    return {
      page,
      ext: 'webp',
      bytes: new Uint8Array(data),
      width: canvas.width,
      height: canvas.height,
    };
  };
  if (layout.format === 'image') {
    let image: Awaited<ReturnType<typeof loadImage>>;
    try {
      image = await loadImage(Buffer.from(bytes));
    } catch {
      return [];
    }
    const scale = Math.min(1, width / image.width);
    const canvas = createCanvas(Math.round(image.width * scale), Math.round(image.height * scale));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    out.push(await encode(canvas, 1, true));
    return out;
  }
  const doc = await openPdf(bytes);
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
      const canvas = await drawPage(page, viewport, Math.round(viewport.width), Math.round(viewport.height));
      out.push(await encode(canvas, n, layout.pages[n - 1]?.route === 'ocr'));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}
