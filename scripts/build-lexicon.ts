/**
 * Builds packages/core/data/lexicon-vi.json, the runtime lexicon, from
 *  - the syllable inventory of @cspell/dict-vi-vn (MIT; a build-time
 *    devDependency only), kept where it obeys the orthography rules and
 *    rewritten in the plans' tone style;
 *  - the word list Viet74K.txt and the headwords of dictionary.json of
 *    @vntk/dictionary (MIT; a build-time devDependency only): 74,000
 *    Vietnamese words and idioms, whose
 *    adjacent syllables become the known pairs (capitalised entries, which
 *    are names, count as phrases);
 *  - packages/core/data/vi-words.txt, the project's list of administrative
 *    words and set phrases, and of frequent function words.
 * Sources and licences are listed in packages/core/data/README.md.
 *
 * Run: npx tsx scripts/build-lexicon.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { groupKeys, type LexiconData } from '../packages/core/src/lexicon/lexicon.ts';
import { isValidSyllable } from '../packages/core/src/lexicon/orthography.ts';
import { toPlanToneStyle } from '../packages/core/src/lexicon/tone-style.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'packages/core/data');

interface TrieNode {
  children: Map<string, TrieNode>;
  isWord: boolean;
}

/**
 * Reads cspell's "TrieXv3" text format: a depth-first stream of letters,
 * where "$" ends a word, "<" or "$" followed by a digit steps back that many
 * letters, and "#n;" (base 32) reuses the n-th node that has children.
 */
export function readTrieV3(text: string): string[] {
  const header = text.indexOf('__DATA__\n');
  if (!text.includes('TrieXv3') || header < 0) throw new Error('not a TrieXv3 file');
  const body = text.slice(header + '__DATA__\n'.length);
  const newNode = (): TrieNode => ({ children: new Map(), isWord: false });
  const rootNode = newNode();
  const numbered: TrieNode[] = [rootNode];
  const path: { node: TrieNode; letter: string }[] = [{ node: rootNode, letter: '' }];
  const top = () => path[path.length - 1]!;
  let i = 0;
  while (i < body.length) {
    const char = body[i]!;
    if (char === '\n' || char === '\r') {
      i++;
    } else if (char === '$' || char === '<') {
      if (char === '$') top().node.isWord = true;
      let steps = 1;
      const digit = body[i + 1];
      if (digit !== undefined && digit >= '0' && digit <= '9') {
        steps = Number(digit);
        i++;
      }
      path.length -= steps;
      i++;
    } else if (char === '#') {
      const end = body.indexOf(';', i);
      const target = numbered[Number.parseInt(body.slice(i + 1, end), 32)];
      if (target === undefined) throw new Error(`bad reference at ${i}`);
      const { letter } = path.pop()!;
      top().node.children.set(letter, target);
      path.push({ node: target, letter });
      i = end + 1;
    } else {
      const letter = char === '\\' ? body[++i]! : char;
      const parent = top().node;
      // Nodes are numbered in the order they get their first child (the writer's pre-order).
      if (parent.children.size === 0 && parent !== rootNode) numbered.push(parent);
      const child = newNode();
      parent.children.set(letter, child);
      path.push({ node: child, letter });
      i++;
    }
  }
  const words: string[] = [];
  const walk = (node: TrieNode, prefix: string): void => {
    if (node.isWord) words.push(prefix);
    for (const [letter, child] of node.children) walk(child, prefix + letter);
  };
  walk(rootNode, '');
  return words;
}

function canonicalSyllable(word: string): string {
  const lower = word.normalize('NFC').toLowerCase();
  return toPlanToneStyle(lower) ?? lower;
}

function cspellInventory(): Set<string> {
  const require = createRequire(import.meta.url);
  const extension = require.resolve('@cspell/dict-vi-vn/cspell-ext.json');
  const gz = readFileSync(join(dirname(extension), 'vi.trie.gz'));
  const inventory = new Set<string>();
  for (const word of readTrieV3(gunzipSync(gz).toString('utf8'))) {
    // "~" entries are accent-stripped copies for suggestions; capitals are names or acronyms.
    if (word.startsWith('~')) continue;
    const syllable = canonicalSyllable(word);
    if (isValidSyllable(syllable)) inventory.add(syllable);
  }
  return inventory;
}

/**
 * The entries of @vntk/dictionary's largest list (Viet74K.txt) and the
 * headwords of its definitions (dictionary.json), in vi-words.txt's format:
 * lower-case entries are words; capitalised ones (places, people, bodies)
 * become "~" phrase lines. Hyphenated entries are transcribed loanwords
 * ("a-ba-giua"), whose pieces are no Vietnamese syllables: left out. So are
 * entries with a syllable outside `inventory` (old spellings such as "gẫy",
 * misprints such as "tỗng"), so the list adds words, never syllables: a
 * misprint in the inventory would hide that damage.
 */
function vntkWordLines(inventory: ReadonlySet<string>): string {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@vntk/dictionary/package.json')), 'data');
  const listed = readFileSync(join(dir, 'Viet74K.txt'), 'utf8').split(/\r?\n/);
  // The headwords of the package's definitions, some of them missing from the list.
  const defined = Object.keys(JSON.parse(readFileSync(join(dir, 'dictionary.json'), 'utf8')));
  const lines = new Set<string>();
  for (const raw of [...listed, ...defined]) {
    const entry = raw.normalize('NFC').trim();
    if (entry === '' || entry.includes('-') || /[\p{N}#@~]/u.test(entry)) continue;
    const syllables = entry.split(/[^\p{L}\p{M}]+/u).filter(Boolean);
    if (!syllables.every((syllable) => inventory.has(canonicalSyllable(syllable)))) continue;
    lines.add(entry === entry.toLowerCase() ? entry : `~ ${entry}`);
  }
  return [...lines].join('\n');
}

interface WordList {
  /** Pairs of two-syllable words, and pairs found in two or more word entries. */
  pairs: Set<string>;
  phrasePairs: Set<string>;
  triples: Set<string>;
  common: Set<string>;
  syllables: Set<string>;
  rejected: Set<string>;
}

const I_TO_Y: Record<string, string> = { i: 'y', í: 'ý', ì: 'ỳ', ỉ: 'ỷ', ĩ: 'ỹ', ị: 'ỵ' };
const Y_TO_I = Object.fromEntries(Object.entries(I_TO_Y).map(([i, y]) => [y, i]));

/**
 * The other spelling of a syllable whose rhyme is a lone i/y after k, l, m,
 * t, h, s or qu ("kí"/"ký", "lí"/"lý", "qui"/"quy"): both are standard and
 * dictionaries keep one, so words are listed under both.
 */
function iyVariant(syllable: string): string | undefined {
  const match = /^(k|l|m|t|h|s|qu)(.)$/u.exec(syllable);
  if (match === null) return undefined;
  const [, onset, vowel] = match as unknown as [string, string, string];
  const other = I_TO_Y[vowel] ?? Y_TO_I[vowel];
  return other === undefined ? undefined : onset + other;
}

/** The run, and the run with every i/y syllable in its other spelling (when in `inventory`). */
function withIyVariants(run: string[], inventory: ReadonlySet<string>): string[][] {
  const variant = run.map((syllable) => {
    const other = iyVariant(syllable);
    return other !== undefined && inventory.has(other) ? other : syllable;
  });
  return variant.some((syllable, i) => syllable !== run[i]) ? [run, variant] : [run];
}

/** Runs of valid syllables of one entry; punctuation (",", " - ") and invalid words break a run. */
function entryRuns(line: string, rejected: Set<string>): string[][] {
  const runs: string[][] = [];
  for (const segment of line.split(/[^\p{L}\p{M}\s]+/u)) {
    let run: string[] = [];
    for (const word of segment.trim().split(/\s+/).filter(Boolean)) {
      const syllable = canonicalSyllable(word);
      if (isValidSyllable(syllable)) {
        run.push(syllable);
        continue;
      }
      rejected.add(syllable);
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/**
 * Lines are word entries, except "@" lines (frequent single syllables) and
 * "~" lines (phrases: collocations and names, whose pairs are weak evidence).
 */
function readWordList(text: string, inventory: ReadonlySet<string>): WordList {
  const list: WordList = {
    pairs: new Set(),
    phrasePairs: new Set(),
    triples: new Set(),
    common: new Set(),
    syllables: new Set(),
    rejected: new Set(),
  };
  const wordPairEntries = new Map<string, number>();
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      for (const word of line.slice(1).trim().split(/\s+/)) list.common.add(canonicalSyllable(word));
      continue;
    }
    const isPhraseLine = line.startsWith('~');
    for (const run of entryRuns(isPhraseLine ? line.slice(1) : line, list.rejected).flatMap((run) =>
      withIyVariants(run, inventory),
    )) {
      run.forEach((syllable, i) => {
        list.syllables.add(syllable);
        const next = run[i + 1];
        if (next === undefined) return;
        const pair = `${syllable} ${next}`;
        list.phrasePairs.add(pair);
        if (!isPhraseLine) wordPairEntries.set(pair, (wordPairEntries.get(pair) ?? 0) + 1);
        if (!isPhraseLine && run.length === 2) list.pairs.add(pair);
        const third = run[i + 2];
        if (third !== undefined) list.triples.add(`${pair} ${third}`);
      });
    }
  }
  for (const [pair, entries] of wordPairEntries) if (entries >= 2) list.pairs.add(pair);
  for (const pair of list.pairs) list.phrasePairs.delete(pair);
  return list;
}

function mergeLists(a: WordList, b: WordList): WordList {
  const union = (x: Set<string>, y: Set<string>) => new Set([...x, ...y]);
  const pairs = union(a.pairs, b.pairs);
  return {
    pairs,
    phrasePairs: new Set([...union(a.phrasePairs, b.phrasePairs)].filter((pair) => !pairs.has(pair))),
    triples: union(a.triples, b.triples),
    common: union(a.common, b.common),
    syllables: union(a.syllables, b.syllables),
    rejected: union(a.rejected, b.rejected),
  };
}

function buildLexiconData(inventory: Set<string>, list: WordList, genre: WordList): LexiconData {
  const all = new Set([...inventory, ...list.syllables, ...list.common]);
  const pairCount = new Map<string, number>();
  for (const pair of [...list.pairs, ...list.phrasePairs]) {
    for (const syllable of pair.split(' ')) pairCount.set(syllable, (pairCount.get(syllable) ?? 0) + 1);
  }
  const syllables = [...all].filter(isValidSyllable).sort();
  // A rough frequency: 1 + the pairs of known words and phrases it is part of (at most 99);
  // function words 100 and more.
  const weights = syllables.map(
    (s) => 1 + Math.min(98, pairCount.get(s) ?? 0) + (list.common.has(s) ? 100 : 0),
  );
  return {
    version: 2,
    syllables,
    weights,
    pairs: groupKeys([...list.pairs].sort(), 1),
    phrasePairs: groupKeys([...list.phrasePairs].sort(), 1),
    triples: groupKeys([...list.triples].sort(), 2),
    genrePairs: groupKeys([...genre.pairs].sort(), 1),
    genrePhrasePairs: groupKeys([...genre.phrasePairs].sort(), 1),
  };
}

function main(): void {
  const inventory = cspellInventory();
  const genre = readWordList(readFileSync(join(dataDir, 'vi-words.txt'), 'utf8'), inventory);
  const list = mergeLists(genre, readWordList(vntkWordLines(inventory), inventory));
  const data = buildLexiconData(inventory, list, genre);
  const json = `{${Object.entries(data)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join(',\n')}}\n`;
  writeFileSync(join(dataDir, 'lexicon-vi.json'), json);
  const notInCspell = [...list.syllables].filter((s) => !inventory.has(s));
  process.stdout.write(
    `lexicon-vi.json: ${data.syllables.length} syllables (${inventory.size} from cspell), ` +
      `${list.pairs.size} word pairs, ${list.phrasePairs.size} phrase pairs, ` +
      `${list.triples.size} triples, ${Buffer.byteLength(json)} bytes\n` +
      `word-list syllables not in cspell: ${notInCspell.join(' ') || '-'}\n` +
      `rejected (not valid syllables): ${list.rejected.size}\n`,
  );
}

main();
