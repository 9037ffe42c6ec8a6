/**
 * What the browser tests share: building the viewer once, serving it with a
 * chosen analysis.json, and launching Debian's Chromium through
 * playwright-core.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { writeViewerData } from '../../packages/cli/src/viewer/write.ts';
import { buildViewer, type StaticServer, serveStatic } from '../../web/serve.ts';
import type {} from '../../web/src/global.ts';
import type { Analysis } from '../../web/src/types.ts';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ARTIFACTS = join(REPO, 'tests', '.artifacts');
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const run = promisify(execFile);

/** Builds web/ into a fresh temporary folder and returns it. */
export async function buildTestViewer(): Promise<string> {
  return buildViewer(await mkdtemp(join(tmpdir(), 'doichieu-web-')));
}

/** Runs `doichieu analyze corpus` into a temporary folder; returns the analysis file and its content. */
export async function analyseCorpus(): Promise<{ file: string; analysis: Analysis }> {
  const out = await mkdtemp(join(tmpdir(), 'doichieu-analysis-'));
  await run(
    process.execPath,
    [
      join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'packages/cli/src/main.ts',
      'analyze',
      'corpus',
      '--out',
      out,
    ],
    {
      cwd: REPO,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const file = join(out, 'analysis.json');
  return { file, analysis: JSON.parse(await readFile(file, 'utf8')) as Analysis };
}

/**
 * The analysis with findings: its own when it has them (analyze writes them
 * up to --diff-limit plans), else the diff stage run on it here. Undefined
 * when neither works.
 */
export async function withFindings(analysis: Analysis): Promise<Analysis | undefined> {
  if (analysis.findings) return analysis;
  try {
    const diff = await import('../../packages/diff/src/index.ts');
    const findings = diff.compareCorpus(analysis.directive, diff.diffPlansFromAnalysis(analysis.plans));
    return { ...analysis, findings: diff.Findings.parse(findings) };
  } catch (error) {
    process.stderr.write(`browser tests: could not compute findings with packages/diff (${String(error)})\n`);
    return undefined;
  }
}

/** Writes `data` as JSON to a temporary file and returns its path. */
export async function writeTemp(name: string, data: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'doichieu-data-'));
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(data));
  return file;
}

/** The viewer's data folder (index and plan files) for `analysisFile`, written by the CLI's writer. */
export async function viewerData(analysisFile: string): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'doichieu-viewer-data-')), 'data');
  await writeViewerData(analysisFile, dir);
  return dir;
}

/** Serves the built viewer with the data folder of `analysisFile` (or a data folder already written) as ./data/. */
export async function serve(dist: string, analysisFile: string, data?: string): Promise<StaticServer> {
  return serveStatic({ root: dist, mounts: { '/data/': data ?? (await viewerData(analysisFile)) } });
}

export async function launch(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Opens `url` and waits until the viewer has drawn its first view. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__viewer?.ready === true, undefined, { timeout: 60_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export const AXE = join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2 A and AA rules) on the page as it is; the page must
 * have been opened with `bypassCSP` (the viewer's CSP forbids injected
 * scripts). Returns every violation with its impact and a few targets.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: unknown,
        ) => Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const result = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
}
