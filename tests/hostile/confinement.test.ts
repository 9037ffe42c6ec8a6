/**
 * A manifest cannot reach outside its corpus folder, and no file it names
 * can hang, exhaust or echo: each refusal is one line naming the manifest
 * entry, never the file's content, and leaves no output behind.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RefusedFile, readBounded } from '../../packages/cli/src/io.ts';
import { cli, copyCorpus, editManifest, expectOneLine, filesUnder, scratchDir } from './run-cli.ts';

const SECRET = join(scratchDir(), 'secret.txt');
writeFileSync(SECRET, 'root:x:0:0:SECRET-CONTENT\n'.repeat(40));

/** Runs `ingest CORPUS --out OUT` and checks the refusal: one line, exit 1, nothing written, no secret. */
async function refused(corpus: string, extra: string[] = []): Promise<string> {
  const out = join(corpus, '..', 'out');
  const r = await cli(['ingest', corpus, '--out', out, ...extra]);
  const line = expectOneLine(r);
  expect(line).not.toMatch(/SECRET-CONTENT|root:x/);
  expect(r.stdout).not.toMatch(/SECRET-CONTENT/);
  expect(filesUnder(out)).toEqual([]);
  return line;
}

describe('plan, directive and gold paths stay inside the corpus folder', () => {
  it('refuses a relative path that climbs out of the corpus', async () => {
    const corpus = copyCorpus();
    editManifest(corpus, (m) => {
      m.plans[1]!.file = `../../../../../../..${SECRET}`;
    });
    expect(await refused(corpus)).toMatch(/plan district-study \(.*secret\.txt\): outside the corpus folder/);
  });

  it('refuses an absolute path', async () => {
    const corpus = copyCorpus();
    editManifest(corpus, (m) => {
      m.plans[0]!.file = SECRET;
    });
    expect(await refused(corpus)).toMatch(/plan qng-222-study .*outside the corpus folder/);
  });

  it('refuses a symlink inside plans/ that points outside', async () => {
    const corpus = copyCorpus();
    symlinkSync(SECRET, join(corpus, 'plans', 'innocent.txt'));
    editManifest(corpus, (m) => {
      m.plans[2]!.file = 'plans/innocent.txt';
    });
    expect(await refused(corpus)).toMatch(/plans\/innocent\.txt\): outside the corpus folder/);
  });

  it('follows a symlink that stays inside the corpus', async () => {
    const corpus = copyCorpus();
    symlinkSync('district-study-plan.txt', join(corpus, 'plans', 'alias.txt'));
    editManifest(corpus, (m) => {
      m.plans = [{ ...m.plans[1]!, file: 'plans/alias.txt' }];
      delete m.gold;
    });
    const r = await cli(['ingest', corpus]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('refuses a directive outside the corpus without echoing its first bytes', async () => {
    const corpus = copyCorpus();
    editManifest(corpus, (m) => {
      m.directive = `../../../../../../..${SECRET}`;
    });
    expect(await refused(corpus)).toMatch(
      /manifest\.json: directive ".*secret\.txt": outside the corpus folder/,
    );
  });

  it('with --allow-outside, a directive that is not JSON is refused without echoing it', async () => {
    const corpus = copyCorpus();
    editManifest(corpus, (m) => {
      m.directive = SECRET;
    });
    expect(await refused(corpus, ['--allow-outside'])).toMatch(/secret\.txt: not valid JSON/);
  });

  it('refuses annotations (gold) outside the corpus', async () => {
    const corpus = copyCorpus();
    editManifest(corpus, (m) => {
      m.gold = SECRET;
    });
    const out = join(corpus, '..', 'out');
    const r = await cli(['analyze', corpus, '--out', out, '--no-evaluate']);
    expect(expectOneLine(r)).toMatch(/manifest\.json: gold ".*secret\.txt": outside the corpus folder/);
    expect(filesUnder(out)).toEqual([]);
  });

  it('--allow-outside reads a plan kept elsewhere', async () => {
    const corpus = copyCorpus();
    const elsewhere = join(scratchDir(), 'plan.txt');
    copyFileSync(join(corpus, 'plans', 'district-study-plan.txt'), elsewhere);
    editManifest(corpus, (m) => {
      m.plans = [{ ...m.plans[1]!, file: elsewhere }];
      delete m.gold;
    });
    await refused(corpus);
    const r = await cli(['ingest', corpus, '--allow-outside']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/district-study/);
  });
});

describe('devices, FIFOs and folders are refused at once', () => {
  it('/dev/zero, even when allowed outside, is refused without reading', async () => {
    const corpus = copyCorpus();
    editManifest(corpus, (m) => {
      m.plans[0]!.file = '/dev/zero';
    });
    expect(await refused(corpus, ['--allow-outside'])).toMatch(
      /plan qng-222-study \(\/dev\/zero\): not a regular file \(a device\)/,
    );
  });

  it('a FIFO inside the corpus is refused without blocking on it', async () => {
    const corpus = copyCorpus();
    execFileSync('mkfifo', [join(corpus, 'plans', 'pipe.txt')]);
    editManifest(corpus, (m) => {
      m.plans[0]!.file = 'plans/pipe.txt';
    });
    expect(await refused(corpus)).toMatch(/\(plans\/pipe\.txt\): not a regular file \(a FIFO\)/);
  });

  it('a folder named as a plan or as the directive', async () => {
    const corpus = copyCorpus();
    mkdirSync(join(corpus, 'plans', 'folder.txt'));
    editManifest(corpus, (m) => {
      m.plans[0]!.file = 'plans/folder.txt';
    });
    expect(await refused(corpus)).toMatch(/not a regular file \(a folder\)/);
    editManifest(corpus, (m) => {
      m.directive = 'plans';
    });
    expect(await refused(corpus)).toMatch(/directive: not a regular file \(a folder\)/);
  });
});

describe('sizes are checked before reading and enforced while reading', () => {
  it('a 200 MB plan is refused from its size alone (a sparse file: nothing is read)', async () => {
    const corpus = copyCorpus();
    const big = join(corpus, 'plans', 'big.txt');
    writeFileSync(big, 'x');
    truncateSync(big, 200 * 1024 * 1024);
    editManifest(corpus, (m) => {
      m.plans[0]!.file = 'plans/big.txt';
    });
    expect(await refused(corpus)).toMatch(
      /plan qng-222-study \(plans\/big\.txt\): file is 200 MB, over the 64 MB limit$/,
    );
    expect(await refused(corpus, ['--max-size', '1'])).toMatch(/over the 1 MB limit \(use --max-size\)/);
  });

  it('the limit hint cannot be followed past what an analysis can hold', async () => {
    const r = await cli(['analyze', copyCorpus(), '--max-size', '300']);
    expect(expectOneLine(r, 2)).toMatch(/--max-size is at most 64 MB/);
  });

  it('a file that reports a small size but holds more stops at the limit', () => {
    // /proc files report size 0 and are read to their end: the limit is enforced on the bytes read.
    let error: unknown;
    try {
      readBounded('/proc/self/status', 16);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RefusedFile);
    expect((error as Error).message).toMatch(/over the/);
    expect(readBounded('/proc/self/status', 1 << 20).length).toBeGreaterThan(16);
  });

  it('a manifest that is a device is refused', async () => {
    const dir = scratchDir();
    symlinkSync('/dev/zero', join(dir, 'manifest.json'));
    const r = await cli(['ingest', dir]);
    expect(expectOneLine(r)).toMatch(/manifest .*: not a regular file \(a device\)/);
  });
});
