/** Which decoder a file needs, from its first bytes (the extension only breaks ties and names the error). */
import { extname } from 'node:path';
import { FormatError, SUPPORTED } from './errors.ts';

export type FileFormat = 'pdf' | 'docx' | 'image' | 'text';

const startsWith = (bytes: Uint8Array, ...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

export function detectFormat(bytes: Uint8Array, name: string): FileFormat {
  const ext = extname(name).toLowerCase();
  if (bytes.byteLength === 0) throw new FormatError('empty', 'the file is empty');
  // %PDF may follow a little junk (some generators); pdf.js accepts that too.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'image';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'image';
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)) return 'image';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'docx';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    throw new FormatError(
      'unsupported',
      `${ext === '.xls' || ext === '.ppt' ? 'legacy Office files' : 'legacy Word .doc files'} are not supported: save it as DOCX or PDF; ${SUPPORTED}`,
    );
  if (head.startsWith('{\\rtf'))
    throw new FormatError('unsupported', `RTF is not supported: save it as DOCX or PDF; ${SUPPORTED}`);
  if (ext === '.pdf')
    throw new FormatError('corrupt', 'the file is named .pdf but is not a PDF (no %PDF- header)');
  if (ext === '.docx')
    throw new FormatError(
      'corrupt',
      'the file is named .docx but is not a Word document (not a ZIP archive)',
    );
  if (['.png', '.jpg', '.jpeg', '.tif', '.tiff'].includes(ext))
    throw new FormatError(
      'corrupt',
      `the file is named ${ext} but is not a ${ext.slice(1).toUpperCase()} image`,
    );
  if (
    [
      '.doc',
      '.odt',
      '.pages',
      '.xlsx',
      '.xls',
      '.pptx',
      '.epub',
      '.html',
      '.htm',
      '.gif',
      '.webp',
      '.bmp',
    ].includes(ext)
  )
    throw new FormatError('unsupported', `${ext} files are not supported; ${SUPPORTED}`);
  return 'text';
}
