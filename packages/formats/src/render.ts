/** A PDF page as a PNG, through pdf.js and @napi-rs/canvas (a prebuilt Skia binary from npm). */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function renderPage(
  page: PDFPageProxy,
  dpi: number,
): Promise<{ png: Uint8Array; scale: number }> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const scale = dpi / 72;
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  return { png: new Uint8Array(canvas.toBuffer('image/png')), scale };
}
