/**
 * Serves the viewer: builds web/ when web/dist is missing (or with --build),
 * writes the viewer's data folder from an analysis.json next to index.html
 * (web/dist/data: a small index the heatmap draws from, one file per plan
 * fetched on demand; packages/cli/src/viewer/), and serves the folder on
 * http://127.0.0.1:PORT/ until interrupted.
 *
 *   npx tsx scripts/view.ts [--analysis out/analysis.json] [--port 5178] [--build]
 */
import { cp, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../packages/cli/src/errors.ts';
import { replaceFolder, writeViewerData } from '../packages/cli/src/viewer/write.ts';
import { buildViewer, serveStatic } from '../web/serve.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(repo, 'web', 'dist');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A busy port is found before the viewer is built, not after. */
function assertPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new UserError(
          e.code === 'EADDRINUSE'
            ? `port ${port} is already in use (another viewer?); pass --port N`
            : `cannot serve on port ${port}: ${e.code ?? e.message}`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort()));
  });
}

async function main(): Promise<void> {
  const analysis = resolve(arg('analysis') ?? join(repo, 'out', 'analysis.json'));
  const port = Number(arg('port') ?? process.env.PORT ?? 5178);
  if (!(Number.isInteger(port) && port >= 0 && port < 65536))
    throw new UserError(`--port must be a port number (0 to 65535), not ${arg('port') ?? process.env.PORT}`);
  if (!(await exists(analysis))) {
    process.stderr.write(
      `view: no analysis at ${analysis}; expected the file \`doichieu analyze corpus --out out\` writes. Run that first or pass --analysis FILE.\n`,
    );
    process.exit(2);
  }
  await assertPortFree(port);
  // Checked piece by piece against its schema while it is cut into the viewer's files: one line for a bad file.
  const staged = join(repo, 'web', '.data');
  const written = await writeViewerData(analysis, staged, arg('analysis') ?? 'out/analysis.json');
  if (process.argv.includes('--build') || !(await exists(join(distDir, 'index.html')))) {
    await buildViewer(distDir);
  }
  // The reader's page images (plans added from a PDF or a scan), written by analyze beside analysis.json.
  const pages = join(dirname(analysis), 'pages');
  if (await exists(pages)) await cp(pages, join(distDir, 'pages'), { recursive: true, force: true });
  // Next to index.html: web/dist is a folder any static server can serve.
  const dataDir = join(distDir, 'data');
  replaceFolder(staged, dataDir);
  process.stdout.write(
    `viewer data: ${written.plans} plans, index ${mb(written.indexBytes)}, plan files ${mb(written.planBytes)} (${dataDir})\n`,
  );
  let server: Awaited<ReturnType<typeof serveStatic>>;
  try {
    server = await serveStatic({ root: distDir, port });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'EADDRINUSE'
        ? `port ${port} is already in use (another viewer?); pass --port N`
        : `cannot serve on port ${port}: ${code ?? (e as Error).message}`,
    );
  }
  process.stdout.write(`doichieu viewer: ${server.url}  (serving ${distDir}; Ctrl+C to stop)\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  await main();
} catch (e) {
  // One line, never a stack trace: a busy port, a bad analysis.json, a failed build.
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`view: ${message.split('\n')[0]}\n`);
  process.exit(e instanceof UserError ? e.exitCode : 1);
}
