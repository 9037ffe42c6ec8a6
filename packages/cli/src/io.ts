/**
 * The only place (with the commands) that touches the file system.
 * Writes are atomic: a temporary file in the same folder, then a rename, so a
 * reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { GoldFormatError, type GoldRow, parseGold } from '@doichieu/align';
import { Directive, formatZodError, Manifest, type PlanMeta } from '@doichieu/core';
import { UserError } from './errors.ts';

/** Plans are refused above this size by default (--max-size changes it, up to MAX_PLAN_BYTES_CEILING). */
export const DEFAULT_PLAN_BYTES = 64 * 1024 * 1024;
/** The largest plan one analysis can hold: every stage keeps the text and its units in memory. */
export const MAX_PLAN_BYTES_CEILING = 64 * 1024 * 1024;
/** manifest.json, directive.json and annotation files: far above any real one. */
export const MAX_METADATA_BYTES = 64 * 1024 * 1024;
/** Files parsed as one string (V8 strings stop near 512 M characters); analysis.json is streamed instead (analysis-stream.ts). */
export const MAX_ANALYSIS_BYTES = 512 * 1024 * 1024;

const MEGABYTE = 1024 * 1024;
const formatMb = (bytes: number): string => `${(bytes / MEGABYTE).toFixed(1).replace(/\.0$/, '')} MB`;

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const writer = openAtomicWriter(path);
  writer.write(data);
  writer.commit();
}

/** Why a path was refused, phrased after "<what>: ". */
export class RefusedFile extends Error {}

function codeOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

/**
 * Reads a regular file, at most `maxBytes` of it. The size is checked with
 * fstat before reading and enforced while reading (a file that grows, or a
 * /proc file that claims size 0, stops at the limit). Devices, FIFOs, sockets
 * and folders are refused without being opened for reading: opening a FIFO
 * would block, reading /dev/zero would never end.
 */
export function readBounded(path: string, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  readBoundedChunks(path, maxBytes, (chunk) => {
    chunks.push(chunk);
    total += chunk.length;
  });
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * The same reading, chunk by chunk (at most 16 MB each, each a fresh buffer), for a file too large
 * to hold: `onChunk` runs synchronously for each, in order.
 */
export function readBoundedChunks(path: string, maxBytes: number, onChunk: (chunk: Buffer) => void): void {
  let fd: number;
  try {
    const kind = statSync(path);
    if (!kind.isFile()) throw new RefusedFile(`not a regular file (${describeKind(kind)})`);
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open does not hang.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if (e instanceof RefusedFile) throw e;
    throw new RefusedFile(codeOf(e) === 'ENOENT' ? 'file not found' : `cannot read: ${codeOf(e)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new RefusedFile(`not a regular file (${describeKind(stat)})`);
    if (stat.size > maxBytes) throw tooLarge(stat.size, maxBytes);
    let total = 0;
    const chunkSize = Math.min(Math.max(stat.size + 1, 64 * 1024), 16 * MEGABYTE);
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw new RefusedFile(`cannot read: ${codeOf(e)}`);
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(undefined, maxBytes);
      onChunk(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

function describeKind(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function tooLarge(size: number | undefined, maxBytes: number): RefusedFile {
  const hint = maxBytes < MAX_PLAN_BYTES_CEILING ? ' (use --max-size)' : '';
  return new RefusedFile(
    size === undefined
      ? `file is over the ${formatMb(maxBytes)} limit${hint}`
      : `file is ${formatMb(size) === formatMb(maxBytes) ? `${size} bytes` : formatMb(size)}, over the ${formatMb(maxBytes)} limit${hint}`,
  );
}

/**
 * The real path of `file` (relative to the corpus folder `root`), refused
 * when, after following symlinks, it lies outside `root` — unless the user
 * allowed it. `root` is itself a real path.
 */
export function confinedPath(root: string, file: string, allowOutside: boolean): string {
  const path = resolve(root, file);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    throw new RefusedFile(codeOf(e) === 'ENOENT' ? 'file not found' : `cannot read: ${codeOf(e)}`);
  }
  if (!allowOutside && !isInside(root, real))
    throw new RefusedFile('outside the corpus folder (use --allow-outside to read it)');
  return real;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** JSON.parse without echoing the file's text: V8's messages quote it. */
function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new UserError(`${where}: not valid JSON${at ? ` (at character ${at})` : ''}`);
  }
}

/** Reads and parses a JSON file of ours (a user-named path, not confined); one-line errors. */
export function readJsonFile(path: string, what: string, maxBytes = MAX_METADATA_BYTES): unknown {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, maxBytes);
  } catch (e) {
    if (e instanceof RefusedFile)
      throw new UserError(
        e.message === 'file not found' ? `${what} not found: ${path}` : `${what} ${path}: ${e.message}`,
      );
    throw e;
  }
  return parseJson(bytes.toString('utf8'), path);
}

export interface LoadedCorpus {
  /** The corpus folder (the manifest's folder), as a real path. */
  dir: string;
  manifestPath: string;
  manifest: Manifest;
  directive: Directive;
  /** Whether the manifest may name files outside the corpus folder (--allow-outside). */
  allowOutside: boolean;
}

export interface CorpusOptions {
  allowOutside?: boolean;
}

/** Reads and validates `manifest.json` and the directive it names. */
export function loadCorpus(corpusDir: string, options: CorpusOptions = {}): LoadedCorpus {
  const allowOutside = options.allowOutside ?? false;
  let manifestPath: string;
  try {
    const given = realpathSync(resolve(corpusDir));
    manifestPath = statSync(given).isDirectory() ? join(given, 'manifest.json') : given;
  } catch {
    throw new UserError(`corpus folder not found: ${corpusDir}`);
  }
  const manifestJson = readJsonFile(manifestPath, 'manifest');
  const parsed = Manifest.safeParse(manifestJson);
  if (!parsed.success) throw new UserError(formatZodError(parsed.error, manifestPath));
  const dir = dirname(manifestPath);
  const directivePath = corpusFile(dir, parsed.data.directive, allowOutside, `${manifestPath}: directive`);
  const directiveJson = parseJson(
    readCorpusFile(directivePath, MAX_METADATA_BYTES, `${manifestPath}: directive`).toString('utf8'),
    `directive file ${parsed.data.directive}`,
  );
  const directive = Directive.safeParse(directiveJson);
  if (!directive.success) throw new UserError(formatZodError(directive.error, directivePath));
  return { dir, manifestPath, manifest: parsed.data, directive: directive.data, allowOutside };
}

/** A path the manifest names, confined to the corpus; errors start with `where` (the manifest entry). */
function corpusFile(root: string, file: string, allowOutside: boolean, where: string): string {
  try {
    return confinedPath(root, file, allowOutside);
  } catch (e) {
    if (e instanceof RefusedFile) throw new UserError(`${where} "${file}": ${e.message}`);
    throw e;
  }
}

function readCorpusFile(path: string, maxBytes: number, where: string): Buffer {
  try {
    return readBounded(path, maxBytes);
  } catch (e) {
    if (e instanceof RefusedFile) throw new UserError(`${where}: ${e.message}`);
    throw e;
  }
}

export interface PlanFileAccess {
  /** The corpus folder, a real path. */
  dir: string;
  allowOutside: boolean;
}

/**
 * A plan file's bytes, read inside the corpus folder and at most `maxBytes`;
 * errors name the manifest entry (`plan ID (FILE): …`) and never its content.
 */
export function readPlanFile(
  corpus: PlanFileAccess,
  meta: PlanMeta,
  maxBytes: number = DEFAULT_PLAN_BYTES,
): Uint8Array {
  const where = `plan ${meta.id} (${meta.file})`;
  try {
    return readBounded(confinedPath(corpus.dir, meta.file, corpus.allowOutside), maxBytes);
  } catch (e) {
    if (e instanceof RefusedFile) throw new UserError(`${where}: ${e.message}`);
    throw e;
  }
}

export function readPlanBytes(corpus: LoadedCorpus, meta: PlanMeta, maxBytes?: number): Uint8Array {
  return readPlanFile(corpus, meta, maxBytes);
}

/**
 * Reads the annotations CSV named by --gold or the manifest; undefined when
 * there is none. The manifest's path is confined to the corpus; a path the
 * user gives on the command line is theirs to choose (still a regular file, bounded).
 */
export function loadGold(
  corpus: LoadedCorpus,
  override?: string,
): { path: string; rows: GoldRow[] } | undefined {
  const rel = override ?? corpus.manifest.gold;
  if (!rel) return undefined;
  const where = override ? `annotations file ${override}` : `${corpus.manifestPath}: gold "${rel}"`;
  const path = override
    ? resolve(override)
    : corpusFile(corpus.dir, rel, corpus.allowOutside, `${corpus.manifestPath}: gold`);
  const text = readCorpusFile(path, MAX_METADATA_BYTES, where).toString('utf8');
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

/** Temporary files being written now: removed when the process is interrupted. */
const liveTemporaries = new Set<string>();

/** Removes every temporary file still being written (on SIGINT/SIGTERM); returns how many. */
export function removeLiveTemporaries(): number {
  const n = liveTemporaries.size;
  for (const tmp of liveTemporaries) rmSync(tmp, { force: true });
  liveTemporaries.clear();
  return n;
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
    fd = openSync(tmp, 'wx');
  } catch (e) {
    throw new UserError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  liveTemporaries.add(tmp);
  let open = true;
  const discard = (): void => {
    if (open) closeSync(fd);
    open = false;
    rmSync(tmp, { force: true });
    liveTemporaries.delete(tmp);
  };
  const fail = (e: unknown): never => {
    discard();
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
        liveTemporaries.delete(tmp);
      } catch (e) {
        fail(e);
      }
    },
    abort: discard,
  };
}

/**
 * Creates `dir` when missing and proves it writable with a probe file, so an
 * unwritable output folder is found before the work, not after it.
 */
export function assertWritableFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(`cannot create output folder ${dir}: ${codeOf(e)}`);
  }
  const probe = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (e) {
    throw new UserError(`cannot write to output folder ${dir}: ${codeOf(e)}`);
  } finally {
    rmSync(probe, { force: true });
  }
}
