/**
 * The directive's own voice: how strongly a text uses each task group's
 * characteristic phrases. A phrase shared by several groups weighs less
 * (inverse group frequency); a longer phrase weighs more (it is more
 * specific). Needs no training, so it works for any directive file.
 */
import type { Directive } from '@doichieu/core';
import { phraseTokens, syllables } from './tokens.ts';

export interface PhraseHit {
  phrase: string;
  group: string;
  weight: number;
  count: number;
}

export interface DirectiveLexicon {
  groups: string[];
  /** phrase key (space-joined syllables) → per-group weight. */
  phrases: Map<string, Map<string, number>>;
  /** Surface form to show as evidence. */
  surface: Map<string, string>;
  maxLength: number;
  /** The phrases as a trie over syllables: matching walks it instead of building every n-gram. */
  trie: TrieNode;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The phrase key ending here, if any. */
  key?: string;
}

function buildTrie(keys: Iterable<string>): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const key of keys) {
    let node = root;
    for (const token of key.split(' ')) {
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map() };
        node.next.set(token, child);
      }
      node = child;
    }
    node.key = key;
  }
  return root;
}

export function buildDirectiveLexicon(directive: Directive): DirectiveLexicon {
  const groups = directive.taskGroups.map((g) => g.id);
  const byGroup = new Map<string, Set<string>>();
  const surface = new Map<string, string>();
  let maxLength = 1;
  for (const g of directive.taskGroups) {
    const keys = new Set<string>();
    for (const phrase of g.phrases) {
      const tokens = phraseTokens(phrase);
      if (tokens.length === 0) continue;
      const key = tokens.join(' ');
      keys.add(key);
      if (!surface.has(key)) surface.set(key, phrase);
      maxLength = Math.max(maxLength, tokens.length);
    }
    byGroup.set(g.id, keys);
  }
  const phrases = new Map<string, Map<string, number>>();
  for (const [group, keys] of byGroup) {
    for (const key of keys) {
      const df = groups.filter((g) => byGroup.get(g)!.has(key)).length;
      const length = key.split(' ').length;
      const weight = Math.log(1 + groups.length / df) * (1 + 0.5 * (length - 1));
      const entry = phrases.get(key) ?? new Map<string, number>();
      phrases.set(key, entry);
      entry.set(group, +weight.toFixed(6));
    }
  }
  return { groups, phrases, surface, maxLength, trie: buildTrie(phrases.keys()) };
}

export interface DirectiveScore {
  scores: Record<string, number>;
  hits: PhraseHit[];
}

/** Scores a text against every group; saturating in repeated hits (1 + log count). */
export function scoreWithDirective(lexicon: DirectiveLexicon, text: string): DirectiveScore {
  return scoreTokens(lexicon, syllables(text));
}

/** The same, on syllables already made. */
export function scoreTokens(lexicon: DirectiveLexicon, tokens: readonly string[]): DirectiveScore {
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    let node: TrieNode | undefined = lexicon.trie;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next.get(tokens[j]!);
      if (node?.key) counts.set(node.key, (counts.get(node.key) ?? 0) + 1);
    }
  }
  const scores: Record<string, number> = Object.fromEntries(lexicon.groups.map((g) => [g, 0]));
  const hits: PhraseHit[] = [];
  for (const [key, count] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (const [group, weight] of lexicon.phrases.get(key)!) {
      const contribution = weight * (1 + Math.log(count));
      scores[group] = scores[group]! + contribution;
      hits.push({ phrase: lexicon.surface.get(key) ?? key, group, weight: +contribution.toFixed(4), count });
    }
  }
  // Longer texts collect more hits by chance: damp by length (square root, as in pivoted normalisation).
  const damp = Math.sqrt(Math.max(8, tokens.length) / 8);
  for (const g of lexicon.groups) scores[g] = +(scores[g]! / damp).toFixed(6);
  return { scores, hits };
}
