/** pdf.js (legacy build: Node 20) with its font, cmap and wasm data read from the installed package. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FormatError } from './errors.ts';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    wasmUrl: `${join(root, 'wasm')}/`,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException')
      throw new FormatError(
        'encrypted',
        'the PDF is password-protected: remove the password and add it again',
      );
    const message = (e as Error).message ?? String(e);
    throw new FormatError('corrupt', `the PDF is damaged and cannot be read (${message.split('\n')[0]})`);
  }
}
