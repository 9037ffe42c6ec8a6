/**
 * Place names the plans give in their own headers: the place of the date line
 * ("Lạng Sơn, ngày 19 tháng 9 năm 2023") and the name after the issuing
 * committee ("TỈNH ỦY LẠNG SƠN"). A province's name runs through its plan
 * ("con người Quảng Ngãi") and says nothing about content, so terms that
 * contain one are not labels or elements.
 */
import { fold } from '@doichieu/core';
import type { PreparedCorpus } from './prepare.ts';
import { tokenize } from './tokens.ts';

export interface PlaceNames {
  /** The names as folded syllable ids. */
  names: number[][];
  /** True when ids `[i, i + n)` overlap a place name (contain it, or cut it: "tỉnh Quảng"). */
  excludes(ids: ArrayLike<number>, i: number, n: number): boolean;
}

const DATE_LINE = /((?:\p{Lu}\p{Ll}+\s+){0,2}\p{Lu}\p{Ll}+)\s*,\s*ngày\b/u;
const COMMITTEE = /^(?:tinh|huyen|thanh|thi|dang) uy ((?:\S+ ?){1,3})$/;

export function placeNames(corpus: PreparedCorpus): PlaceNames {
  const seen = new Set<string>();
  const names: number[][] = [];
  const add = (text: string) => {
    const ids = Array.from(tokenize(text, corpus.vocab).ids);
    if (ids.length === 0 || seen.has(ids.join(','))) return;
    seen.add(ids.join(','));
    names.push(ids);
  };
  for (const p of corpus.plans)
    for (const u of p.units) {
      if (u.unit.role !== 'header') continue;
      const date = DATE_LINE.exec(u.unit.text);
      if (date) add(date[1]!);
      const committee = COMMITTEE.exec(fold(u.unit.text.trim()).toLowerCase().replace(/\s+/g, ' '));
      if (committee) add(committee[1]!);
    }
  names.sort((a, b) => (a.join(',') < b.join(',') ? -1 : 1));
  const longest = Math.max(1, ...names.map((n) => n.length));
  const byFirst = new Map<number, number[][]>();
  for (const n of names) byFirst.set(n[0]!, [...(byFirst.get(n[0]!) ?? []), n]);
  return {
    names,
    excludes(ids, i, n) {
      if (byFirst.size === 0) return false;
      for (let j = Math.max(0, i - longest + 1); j < i + n; j++) {
        const list = byFirst.get(ids[j]!);
        if (!list) continue;
        for (const name of list) {
          if (j + name.length <= i || j + name.length > ids.length) continue;
          let ok = true;
          for (let k = 1; k < name.length && ok; k++) ok = ids[j + k] === name[k];
          if (ok) return true;
        }
      }
      return false;
    },
  };
}
