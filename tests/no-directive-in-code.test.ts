/**
 * No directive in the code: the number, the topic and the topic's phrases of
 * the directive analysed are data (corpus/directive.json), so another
 * directive file needs no code change. This test reads what to look for from
 * the directive file itself and fails when any of it is written in source
 * code outside data, tests and test fixtures (comments may cite examples).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Directive, foldSameLength } from '@doichieu/core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-helpers.ts';

const directive = Directive.parse(JSON.parse(readFileSync(join(ROOT, 'corpus/directive.json'), 'utf8')));

/** What names this directive: its id, its number without the issuer, its topic and the topic's phrases. */
function namesOfDirective(): string[] {
  const short = /^(\d+-[^/]+)\//.exec(directive.id)?.[1];
  const topic = directive.topic;
  return [
    directive.id,
    ...(short ? [short] : []),
    ...(topic ? [topic.label.vi, ...(topic.abbreviations ?? []), ...(topic.agencyPhrases ?? [])] : []),
    ...(topic?.searchExample ? [topic.searchExample] : []),
  ];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'testing') continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mjs|js)$/.test(name) && !/\.test\.ts$|test-fixture\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** The code without its comments (a `//` inside a string only hides more, never less). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('no directive in the code', () => {
  const names = namesOfDirective();
  const files = [
    ...readdirSync(join(ROOT, 'packages')).flatMap((p) => sourceFiles(join(ROOT, 'packages', p, 'src'))),
    ...sourceFiles(join(ROOT, 'web', 'src')),
    ...sourceFiles(join(ROOT, 'scripts')),
    join(ROOT, 'notebooks', 'lib.ts'),
    join(ROOT, 'web', 'index.html'),
  ];

  it('looks for the names the directive file gives', () => {
    expect(names).toEqual(expect.arrayContaining([directive.id]));
    expect(names.length).toBeGreaterThan(3);
    expect(files.length).toBeGreaterThan(50);
  });

  it('finds none of them in packages/*/src, web/src, scripts, web/index.html or the notebooks’ lib.ts', () => {
    const patterns = names.map(
      (n) =>
        new RegExp(
          `(?<![\\p{L}\\p{N}])${escapeRegExp(foldSameLength(n)).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
          'u',
        ),
    );
    const found: string[] = [];
    for (const file of files) {
      const code = foldSameLength(withoutComments(readFileSync(file, 'utf8')));
      names.forEach((n, i) => {
        if (patterns[i]!.test(code)) found.push(`${relative(ROOT, file)}: "${n}"`);
      });
    }
    expect(found).toEqual([]);
  });
});
