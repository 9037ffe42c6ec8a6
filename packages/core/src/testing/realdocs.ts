/**
 * Test helpers: the real documents of `<repo>/../shared/realdocs` (never copied
 * into the repository). Tests that use them skip, saying so, when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REALDOCS_DIR = fileURLToPath(new URL('../../../../../shared/realdocs/', import.meta.url));

export const realDocsPresent = existsSync(REALDOCS_DIR);

/** The real documents as `[two-digit prefix, text]`, in file-name order; empty when the folder is absent. */
export function realDocs(): [string, string][] {
  if (!realDocsPresent) return [];
  return readdirSync(REALDOCS_DIR)
    .filter((f) => /^\d{2}-.*\.txt$/.test(f))
    .sort()
    .map((f) => [f.slice(0, 2), readFileSync(`${REALDOCS_DIR}${f}`, 'utf8')]);
}

/** The text of the real document whose file name starts with `prefix` ("01"…). */
export function realDoc(prefix: string): string {
  const found = realDocs().find(([p]) => p === prefix);
  if (!found) throw new Error(`no real document ${prefix} in ${REALDOCS_DIR}`);
  return found[1];
}
