/** PDF pages drawn through pdf.js onto @napi-rs/canvas (a prebuilt Skia binary from npm). */
import type { Canvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PageViewport = ReturnType<PDFPageProxy['getViewport']>;

/**
 * A page drawn on a white canvas of the given size: PDF pages have no
 * background of their own, and OCR and WebP both want opaque pixels.
 */
export async function drawPage(
  page: PDFPageProxy,
  viewport: PageViewport,
  width: number,
  height: number,
): Promise<Canvas> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  return canvas;
}

/** A PDF page as a PNG at `dpi`, for OCR. */
export async function renderPage(
  page: PDFPageProxy,
  dpi: number,
): Promise<{ png: Uint8Array; scale: number }> {
  const scale = dpi / 72;
  const viewport = page.getViewport({ scale });
  const canvas = await drawPage(page, viewport, Math.ceil(viewport.width), Math.ceil(viewport.height));
  return { png: new Uint8Array(canvas.toBuffer('image/png')), scale };
}
