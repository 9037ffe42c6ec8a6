/**
 * `doichieu add FILE... [--corpus DIR]` and `doichieu init DIR`: a corpus
 * built from the files a user has. Each file is copied byte for byte into
 * DIR/plans/, its text extracted (PDF, DOCX, image, text), and a manifest
 * entry proposed from the document, every value marked "extracted" with the
 * words it came from. Nothing is written until every check has passed, and
 * the manifest is written last, so a refused file leaves no partial entry.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import {
  DecodeError,
  decode,
  fold,
  formatZodError,
  type IngestedPlan,
  ingestText,
  loadLexicon,
  Manifest,
  type PlanMeta,
} from '@doichieu/core';
// The bundled directive, inlined (the built CLI runs from another folder than the sources).
import bundledDirective from '../../../../corpus/directive.json' with { type: 'json' };
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { loadCorpus, writeFileAtomic } from '../io.ts';
import { proposeEntry } from './propose.ts';

const ADD_HELP = `Usage: doichieu add FILE... [--corpus DIR] [--keep-going]

Adds plan files to a corpus: PDF (text layer or scanned: OCR with Tesseract),
DOCX, PNG/JPEG/TIFF scans, or text. Each file is copied byte for byte into
DIR/plans/; for PDF, DOCX and images the extracted text is stored beside it
(the manifest's "file") with a layout file (page and position of every line,
OCR confidence). A manifest entry is proposed from the document: number, date,
province, level, issuing body, kind, title, signer, the directive it cites.
Every proposed value is marked "extracted" with the text it came from; check
them and mark them "confirmed". Values the document does not state are
"unknown". A file already in the corpus (same bytes, or same number and
issuer) is refused.

Options:
  --corpus DIR     the corpus folder (default: ./corpus)
  --id ID          the plan id (one FILE only; default: from the file name)
  --dpi N          resolution scanned pages are rendered at for OCR (default 300)
  --keep-going     add the other files when one is refused, and list the refusals
  -h, --help       show this help
`;

const INIT_HELP = `Usage: doichieu init DIR [--directive FILE]

Starts an empty corpus in DIR: manifest.json with no plans, the directive
file (default: the bundled directive file, corpus/directive.json) and an empty plans/ folder.

Options:
  --directive FILE   the directive file to start from
  -h, --help         show this help
`;

function slug(text: string): string {
  return (
    fold(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'plan'
  );
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface Prepared {
  meta: PlanMeta;
  found: string[];
  /** Files to write, relative to the corpus folder. */
  writes: { path: string; data: string | Uint8Array }[];
  hash: string;
}

export const initCommand: Command = {
  summary: 'start an empty corpus (manifest and directive file) in a folder',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { directive: { type: 'string' } }, 'init');
    if (values.help) {
      process.stdout.write(INIT_HELP);
      return 0;
    }
    if (positionals.length !== 1)
      throw new UserError('init: expected one folder (try: doichieu init --help)', 2);
    const dir = resolve(positionals[0]!);
    if (existsSync(join(dir, 'manifest.json')))
      throw new UserError(`init: ${join(dir, 'manifest.json')} already exists`);
    const { Directive } = await import('@doichieu/core');
    let directiveJson: unknown = bundledDirective;
    let directivePath = 'the bundled directive';
    if (values.directive) {
      directivePath = resolve(values.directive);
      let directiveText: string;
      try {
        directiveText = readFileSync(directivePath, 'utf8');
      } catch {
        throw new UserError(`init: directive file not found: ${values.directive}`);
      }
      try {
        directiveJson = JSON.parse(directiveText.replace(/^\uFEFF/, ''));
      } catch (e) {
        throw new UserError(`${directivePath}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
      }
    }
    const parsed = Directive.safeParse(directiveJson);
    if (!parsed.success) throw new UserError(formatZodError(parsed.error, directivePath));
    const manifest = Manifest.parse({
      $schema: 'https://doichieu.invalid/schemas/manifest.schema.json',
      directive: 'directive.json',
      plans: [],
    });
    try {
      mkdirSync(join(dir, 'plans'), { recursive: true });
    } catch (e) {
      throw new UserError(`init: cannot create ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    writeFileAtomic(join(dir, 'directive.json'), `${JSON.stringify(directiveJson, null, 2)}\n`);
    writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    process.stdout.write(
      `started an empty corpus in ${dir} (directive ${parsed.data.id}); add plans with: doichieu add FILE --corpus ${positionals[0]}\n`,
    );
    return 0;
  },
};

export const addCommand: Command = {
  summary: 'add PDF, DOCX, scanned or text plans to a corpus, proposing their manifest entries',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        corpus: { type: 'string' },
        id: { type: 'string' },
        dpi: { type: 'string' },
        'keep-going': { type: 'boolean' },
      },
      'add',
    );
    if (values.help) {
      process.stdout.write(ADD_HELP);
      return 0;
    }
    if (positionals.length === 0)
      throw new UserError('add: expected at least one file (try: doichieu add --help)', 2);
    if (values.id && positionals.length > 1)
      throw new UserError('add: --id names one plan: give one file', 2);
    if (values.id && !/^[a-z0-9][a-z0-9-]*$/.test(values.id))
      throw new UserError('add: --id takes lowercase letters, digits and dashes', 2);
    const dpi = values.dpi === undefined ? undefined : Number(values.dpi);
    if (dpi !== undefined && !(Number.isInteger(dpi) && dpi >= 72 && dpi <= 1200))
      throw new UserError('add: --dpi must be a whole number from 72 to 1200', 2);
    const corpusDir = values.corpus ?? 'corpus';
    const corpus = loadCorpus(corpusDir);
    const manifestRaw = JSON.parse(
      readFileSync(corpus.manifestPath, 'utf8').replace(/^\uFEFF/, ''),
    ) as Record<string, unknown>;
    const lexicon = loadLexicon();
    const formats = await import('@doichieu/formats');

    // What the corpus already holds: the bytes of every original, and every known number + issuer.
    const hashes = new Map<string, string>();
    const numbers = new Map<string, string>();
    const ids = new Set<string>();
    const taken = (p: PlanMeta): void => {
      ids.add(p.id);
      if (p.documentNumber !== 'unknown' && p.issuingBody !== 'unknown')
        numbers.set(`${fold(p.documentNumber).toLowerCase()}|${fold(p.issuingBody).toLowerCase()}`, p.id);
    };
    for (const p of corpus.manifest.plans) {
      taken(p);
      try {
        hashes.set(sha256(readFileSync(resolve(corpus.dir, p.original ?? p.file))), p.id);
      } catch {}
    }

    const prepared: Prepared[] = [];
    const refusals: string[] = [];
    for (const file of positionals) {
      try {
        const item = await prepare(file);
        prepared.push(item);
        hashes.set(item.hash, item.meta.id);
        taken(item.meta);
      } catch (e) {
        const message =
          e instanceof formats.FormatError || e instanceof DecodeError
            ? `${file}: ${e.message}`
            : e instanceof UserError
              ? e.message
              : null;
        if (message === null) throw e;
        if (!values['keep-going']) throw new UserError(message);
        refusals.push(message);
      }
    }

    async function prepare(file: string): Promise<Prepared> {
      let bytes: Uint8Array;
      try {
        if (statSync(file).isDirectory()) throw new UserError(`${file}: is a folder, not a file`);
        bytes = new Uint8Array(readFileSync(file));
      } catch (e) {
        if (e instanceof UserError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        throw new UserError(code === 'ENOENT' ? `${file}: file not found` : `${file}: cannot read (${code})`);
      }
      const hash = sha256(bytes);
      const same = hashes.get(hash);
      if (same) throw new UserError(`${file}: already in the corpus as plan "${same}" (same bytes)`);
      const name = basename(file);
      const ext = extname(name).toLowerCase();
      let id = values.id ?? slug(basename(name, extname(name)));
      for (let n = 2; ids.has(id); n++) id = `${values.id ?? slug(basename(name, extname(name)))}-${n}`;
      const doc = await formats.decodeDocument(bytes, { name, ...(dpi ? { ocr: { dpi } } : {}) });
      const writes: Prepared['writes'] = [];
      let text: string;
      let planFile: string;
      const extra: Partial<PlanMeta> = { source: name };
      if (doc) {
        text = doc.text;
        planFile = `plans/${id}.txt`;
        const original = `plans/${id}${ext || `.${doc.format}`}`;
        const layoutFile = `plans/${id}.layout.json`;
        // Every page as the reader shows it (the unit's region outlined on it), beside the original.
        const images = await formats.pageImages(bytes, doc.layout);
        const imagePath = (i: { page: number; ext: string }) => `plans/${id}.pages/${i.page}.${i.ext}`;
        const layout = {
          $schema: 'https://doichieu.invalid/schemas/layout.schema.json',
          ...doc.layout,
          pages: doc.layout.pages.map((p) => {
            const image = images.find((i) => i.page === p.number);
            return image ? { ...p, image: imagePath(image) } : p;
          }),
        };
        writes.push(
          { path: original, data: bytes },
          { path: planFile, data: text },
          { path: layoutFile, data: `${JSON.stringify(layout)}\n` },
        );
        for (const i of images) writes.push({ path: imagePath(i), data: i.bytes });
        extra.original = original;
        extra.layout = layoutFile;
      } else {
        text = decode(bytes).text;
        planFile = `plans/${id}${ext || '.txt'}`;
        writes.push({ path: planFile, data: bytes });
      }
      const placeholder: PlanMeta = {
        id,
        file: planFile,
        province: 'unknown',
        level: 'unknown',
        issuingBody: 'unknown',
        documentNumber: 'unknown',
        date: 'unknown',
        kind: 'unknown',
        title: 'unknown',
        signer: 'unknown',
      };
      const plan: IngestedPlan = ingestText(text, placeholder, {
        lexicon,
        ...(doc ? { layout: doc.layout } : {}),
      });
      const { meta, found } = proposeEntry(plan, { id, file: planFile, ...extra }, corpus.directive);
      const key = `${fold(meta.documentNumber).toLowerCase()}|${fold(meta.issuingBody).toLowerCase()}`;
      const twin =
        meta.documentNumber !== 'unknown' && meta.issuingBody !== 'unknown' ? numbers.get(key) : undefined;
      if (twin)
        throw new UserError(
          `${file}: plan "${twin}" already has number ${meta.documentNumber} from ${meta.issuingBody}`,
        );
      const lowConfidence = plan.units.filter((u) => u.location?.lowConfidence).length;
      const route = doc
        ? `${doc.format}${doc.layout.ocr ? `, ${doc.layout.pages.filter((p) => p.route === 'ocr').length} page(s) by OCR${lowConfidence ? `, ${lowConfidence} low-confidence unit(s)` : ''}` : ''}`
        : 'text';
      return {
        meta,
        found: [`${file} → plan "${id}" (${route}; ${plan.units.length} units)`, ...found],
        writes,
        hash,
      };
    }

    if (prepared.length > 0) {
      const plans = [...(manifestRaw.plans as unknown[]), ...prepared.map((p) => p.meta)];
      const next = { ...manifestRaw, plans };
      const checked = Manifest.safeParse(next);
      if (!checked.success) throw new UserError(formatZodError(checked.error, corpus.manifestPath));
      const written: string[] = [];
      try {
        for (const item of prepared)
          for (const w of item.writes) {
            const path = join(corpus.dir, w.path);
            if (existsSync(path)) throw new UserError(`add: ${relative(process.cwd(), path)} already exists`);
            mkdirSync(join(path, '..'), { recursive: true });
            writeFileAtomic(path, w.data);
            written.push(path);
          }
        writeFileAtomic(corpus.manifestPath, `${JSON.stringify(next, null, 2)}\n`);
      } catch (e) {
        for (const path of written.reverse()) rmSync(path, { force: true });
        throw e;
      }
      for (const item of prepared) process.stdout.write(`${item.found.join('\n')}\n`);
      process.stdout.write(
        `added ${prepared.length} plan(s) to ${corpus.manifestPath}; every value above is marked "extracted": check it, then set its provenance to "confirmed"\n`,
      );
    }
    if (refusals.length > 0) {
      for (const r of refusals) process.stderr.write(`doichieu: ${r}\n`);
      return 1;
    }
    return 0;
  },
};
