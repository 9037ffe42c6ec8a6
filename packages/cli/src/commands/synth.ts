import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ingestPlan, loadLexicon } from '@doichieu/core';
import { generateCorpus } from '@doichieu/synth';
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../commands.ts';
import { UserError } from '../errors.ts';
import { loadCorpus, readPlanBytes, writeFileAtomic } from '../io.ts';

const HELP = `Usage: doichieu synth [corpus-dir] --out DIR [--plans N] [--seed S]

Writes a synthetic national corpus to DIR (plans/*.txt, manifest.json,
directive.json): the 63 provinces and their districts, each plan made by
recombining and perturbing the real plans' units (OCR-like noise, the other
tone-mark style, PDF hard wraps, markdown, CRLF, NFD, TCVN3 bytes).

Options:
  --out DIR      output folder (required)
  --plans N      number of plans (default 700)
  --seed S       random seed (default 57): the same seed gives the same corpus
  -h, --help     show this help
`;

export const synthCommand: Command = {
  summary: 'generate a synthetic national corpus from the real plans (for scale tests)',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { out: { type: 'string' }, plans: { type: 'string' }, seed: { type: 'string' } },
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
    const lexicon = loadLexicon();
    const templates = corpus.manifest.plans.map((meta) =>
      ingestPlan(readPlanBytes(corpus, meta), meta, { lexicon }),
    );
    const generated = generateCorpus(templates, { plans, seed });
    const out = resolve(String(values.out));
    mkdirSync(join(out, 'plans'), { recursive: true });
    for (const p of generated) writeFileAtomic(join(out, p.meta.file), p.bytes);
    copyFileSync(resolve(corpus.dir, corpus.manifest.directive), join(out, 'directive.json'));
    const manifest = { directive: 'directive.json', plans: generated.map((p) => p.meta) };
    writeFileAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    const bytes = generated.reduce((s, p) => s + p.bytes.byteLength, 0);
    process.stdout.write(
      `wrote ${generated.length} plans (${(bytes / 2 ** 20).toFixed(1)} MiB) and manifest.json to ${out}\n`,
    );
    return 0;
  },
};
