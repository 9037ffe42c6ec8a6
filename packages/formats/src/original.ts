import { createHash } from 'node:crypto';

/** The original file's identity: kept in the layout record so a copy can be checked byte for byte. */
export function originalRecord(
  bytes: Uint8Array,
  name: string,
): { name: string; bytes: number; sha256: string } {
  return { name, bytes: bytes.byteLength, sha256: sha256(bytes) };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
