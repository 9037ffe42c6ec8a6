/**
 * The only place (with the commands) that touches the file system.
 * Writes are atomic: a temporary file in the same folder, then a rename, so a
 * reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GoldFormatError, type GoldRow, parseGold } from '@doichieu/align';
import { Directive, formatZodError, Manifest, type PlanMeta } from '@doichieu/core';
import { UserError } from './errors.ts';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const writer = openAtomicWriter(path);
  writer.write(data);
  writer.commit();
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? `${what} not found: ${path}` : `cannot read ${what} ${path}: ${code ?? String(e)}`,
    );
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

export interface LoadedCorpus {
  dir: string;
  manifestPath: string;
  manifest: Manifest;
  directive: Directive;
}

/** Reads and validates `manifest.json` and the directive it names. */
export function loadCorpus(corpusDir: string): LoadedCorpus {
  const dir = resolve(corpusDir);
  let manifestPath = dir;
  try {
    if (statSync(dir).isDirectory()) manifestPath = join(dir, 'manifest.json');
  } catch {
    throw new UserError(`corpus folder not found: ${corpusDir}`);
  }
  const parsed = Manifest.safeParse(parseJson(readText(manifestPath, 'manifest'), manifestPath));
  if (!parsed.success) throw new UserError(formatZodError(parsed.error, manifestPath));
  const base = dirname(manifestPath);
  const directivePath = resolve(base, parsed.data.directive);
  const directive = Directive.safeParse(parseJson(readText(directivePath, 'directive file'), directivePath));
  if (!directive.success) throw new UserError(formatZodError(directive.error, directivePath));
  return { dir: base, manifestPath, manifest: parsed.data, directive: directive.data };
}

export function readPlanBytes(corpus: LoadedCorpus, meta: PlanMeta): Uint8Array {
  const path = resolve(corpus.dir, meta.file);
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `plan ${meta.id}: file not found: ${meta.file}`
        : `plan ${meta.id}: cannot read ${meta.file}: ${code ?? String(e)}`,
    );
  }
}

/** Reads the annotations CSV named by --gold or the manifest; undefined when there is none. */
export function loadGold(
  corpus: LoadedCorpus,
  override?: string,
): { path: string; rows: GoldRow[] } | undefined {
  const rel = override ?? corpus.manifest.gold;
  if (!rel) return undefined;
  const path = override ? resolve(override) : resolve(corpus.dir, rel);
  const text = readText(path, 'annotations file');
  try {
    return {
      path,
      rows: parseGold(
        text,
        corpus.directive.taskGroups.map((g) => g.id),
      ),
    };
  } catch (e) {
    if (e instanceof GoldFormatError) throw new UserError(`${path}: ${e.message}`);
    throw e;
  }
}

/** A file written piece by piece into a temporary file, renamed into place only by `commit()`. */
export interface AtomicWriter {
  write(chunk: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

export function openAtomicWriter(path: string): AtomicWriter {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(
      `cannot create output folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  const tmp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    throw new UserError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let open = true;
  const fail = (e: unknown): never => {
    if (open) closeSync(fd);
    open = false;
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  };
  return {
    write(chunk) {
      try {
        if (typeof chunk === 'string') writeSync(fd, chunk);
        else writeSync(fd, chunk);
      } catch (e) {
        fail(e);
      }
    },
    commit() {
      try {
        closeSync(fd);
        open = false;
        renameSync(tmp, path);
      } catch (e) {
        fail(e);
      }
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
      rmSync(tmp, { force: true });
    },
  };
}
