/** Test helpers: the real bundled corpus, read from the repository (never from ../shared). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Directive, Manifest, type PlanMeta } from '../manifest.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../../../../corpus/', import.meta.url));

export function readManifest(): Manifest {
  return Manifest.parse(JSON.parse(readFileSync(`${CORPUS_DIR}manifest.json`, 'utf8')));
}

export function readDirective(): Directive {
  return Directive.parse(JSON.parse(readFileSync(`${CORPUS_DIR}directive.json`, 'utf8')));
}

export function planMeta(id: string): PlanMeta {
  const meta = readManifest().plans.find((p) => p.id === id);
  if (!meta) throw new Error(`no plan ${id} in the manifest`);
  return meta;
}

export function planBytes(meta: PlanMeta): Uint8Array {
  return readFileSync(`${CORPUS_DIR}${meta.file}`);
}

export function planText(meta: PlanMeta): string {
  return readFileSync(`${CORPUS_DIR}${meta.file}`, 'utf8');
}

export { REALDOCS_DIR, realDoc, realDocs, realDocsPresent } from './realdocs.ts';
export { rewrap } from './rewrap.ts';
