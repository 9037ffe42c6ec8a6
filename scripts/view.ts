/**
 * Serves the viewer: builds web/ when web/dist is missing (or with --build),
 * copies an analysis.json next to index.html (with its summary,
 * analysis.summary.json), and serves the folder on
 * http://127.0.0.1:PORT/ until interrupted.
 *
 *   npx tsx scripts/view.ts [--analysis out/analysis.json] [--port 5178] [--build]
 */
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildViewer, serveStatic } from '../web/serve.ts';
import { SUMMARY_FILE, summarise } from '../web/src/summary.ts';
import type { Analysis } from '../web/src/types.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(repo, 'web', 'dist');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const analysis = resolve(arg('analysis') ?? join(repo, 'out', 'analysis.json'));
  const port = Number(arg('port') ?? process.env.PORT ?? 5178);
  if (!(await exists(analysis))) {
    process.stderr.write(
      `view: no analysis at ${analysis}; expected the file \`doichieu analyze corpus --out out\` writes. Run that first or pass --analysis FILE.\n`,
    );
    process.exit(2);
  }
  if (process.argv.includes('--build') || !(await exists(join(distDir, 'index.html')))) {
    await buildViewer(distDir);
  }
  await copyFile(analysis, join(distDir, 'analysis.json'));
  // The heatmap's share of it (plans and coverage), so the first view draws before the full file arrives.
  const full = JSON.parse(await readFile(analysis, 'utf8')) as Analysis;
  await writeFile(join(distDir, SUMMARY_FILE), JSON.stringify(summarise(full)));
  const server = await serveStatic({ root: distDir, port });
  process.stdout.write(`doichieu viewer: ${server.url}  (serving ${distDir}; Ctrl+C to stop)\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
