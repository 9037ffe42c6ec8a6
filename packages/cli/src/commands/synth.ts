import { readdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingestPlan, loadLexicon } from '@doichieu/core';
import { generateCorpus } from '@doichieu/synth';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { assertWritableFolder, loadCorpus, readJsonFile, readPlanBytes, writeFileAtomic } from '../io.ts';

const HELP = `Usage: doichieu synth [corpus-dir] --out DIR [--plans N] [--seed S]

Writes a synthetic national corpus to DIR (plans/*.txt, manifest.json,
directive.json): the 63 provinces and their districts, each plan made by
recombining and perturbing the real plans' units (OCR-like noise, the other
tone-mark style, PDF hard wraps, markdown, CRLF, NFD, TCVN3 bytes).

Options:
  --out DIR      output folder (required)
  --plans N      number of plans (default 700)
  --seed S       random seed (default 57): the same seed gives the same corpus
  --force        write into a folder that is not empty (never into the source corpus)
  -h, --help     show this help
`;

/**
 * The synthetic corpus never lands in the corpus it is made from (its manifest
 * would be overwritten), nor in a folder that holds anything else unless --force.
 */
function checkOutputFolder(out: string, sourceDir: string, force: boolean): void {
  let real: string;
  try {
    real = realpathSync(out);
  } catch {
    return; // does not exist yet
  }
  if (real === sourceDir)
    throw new UserError(`synth: --out ${out} is the source corpus; its manifest would be overwritten`, 2);
  let entries: string[];
  try {
    entries = readdirSync(real);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      `synth: --out ${out}: ${code === 'ENOTDIR' ? 'not a folder' : `cannot read: ${code}`}`,
      2,
    );
  }
  if (entries.length > 0 && !force)
    throw new UserError(`synth: --out ${out} is not empty (use --force to write into it)`, 2);
  if (entries.includes('manifest.json') && !isSyntheticManifest(join(real, 'manifest.json')))
    throw new UserError(
      `synth: ${join(out, 'manifest.json')} is a real corpus's manifest; synth never overwrites it`,
      2,
    );
}

/** A manifest synth wrote: every plan's note says "synthetic: …". */
function isSyntheticManifest(path: string): boolean {
  try {
    const m = readJsonFile(path, 'manifest') as { plans?: { note?: unknown }[] };
    return (
      Array.isArray(m.plans) &&
      m.plans.length > 0 &&
      m.plans.every((p) => typeof p?.note === 'string' && p.note.startsWith('synthetic:'))
    );
  } catch {
    return false;
  }
}

export const synthCommand: Command = {
  summary: 'generate a synthetic national corpus from the real plans (for scale tests)',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        out: { type: 'string' },
        plans: { type: 'string' },
        seed: { type: 'string' },
        force: { type: 'boolean' },
      },
      'synth',
    );
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (!values.out) throw new UserError('synth: --out DIR is required', 2);
    const plans = values.plans ? Number(values.plans) : 700;
    const seed = values.seed ? Number(values.seed) : 57;
    if (!(Number.isInteger(plans) && plans > 0))
      throw new UserError('synth: --plans must be a positive whole number', 2);
    if (!Number.isInteger(seed)) throw new UserError('synth: --seed must be a whole number', 2);
    const corpus = loadCorpus(positionals[0] ?? 'corpus');
    const out = resolve(String(values.out));
    checkOutputFolder(out, corpus.dir, Boolean(values.force));
    assertWritableFolder(join(out, 'plans'));
    const lexicon = loadLexicon();
    const templates = corpus.manifest.plans.map((meta) =>
      ingestPlan(readPlanBytes(corpus, meta), meta, { lexicon }),
    );
    const generated = generateCorpus(templates, { plans, seed });
    for (const p of generated) writeFileAtomic(join(out, p.meta.file), p.bytes);
    writeFileAtomic(join(out, 'directive.json'), `${JSON.stringify(corpus.directive, null, 2)}\n`);
    const manifest = { directive: 'directive.json', plans: generated.map((p) => p.meta) };
    writeFileAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    const bytes = generated.reduce((s, p) => s + p.bytes.byteLength, 0);
    process.stdout.write(
      `wrote ${generated.length} plans (${(bytes / 2 ** 20).toFixed(1)} MiB) and manifest.json to ${out}\n`,
    );
    return 0;
  },
};
