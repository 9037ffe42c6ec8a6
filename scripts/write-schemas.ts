/**
 * Publishes the JSON Schema of every file doichieu reads or writes, generated
 * from the zod schemas (the single definition). `--check` fails when the
 * committed files are out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Directive, IngestedCorpus, Manifest } from '../packages/core/src/index.ts';
import { extraSchemas } from './schemas-extra.ts';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
const schemas: Record<string, z.ZodType> = {
  'manifest.schema.json': Manifest,
  'directive.schema.json': Directive,
  'ingested-corpus.schema.json': IngestedCorpus,
  ...extraSchemas,
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [name, schema] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const text = `${JSON.stringify({ $id: `https://doichieu.invalid/schemas/${name}`, ...json }, null, 2)}\n`;
  const path = `${dir}${name}`;
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current === text) continue;
  if (check) {
    process.stderr.write(`schemas/${name} is out of date: run pnpm schemas\n`);
    stale++;
  } else {
    writeFileSync(path, text);
    process.stdout.write(`wrote schemas/${name}\n`);
  }
}
process.exitCode = stale ? 1 : 0;
