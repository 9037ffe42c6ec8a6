/** The unit vector the diff stage compares units with: IDF-weighted syllable bigrams. */
import { gramCounts, type SparseVector, vectorOf } from './similarity.ts';
import type { TokenSeq } from './tokens.ts';

export function similarityVector(seq: TokenSeq, idf?: (key: number) => number): SparseVector {
  const counts = gramCounts(seq.ids, 2, 2);
  if (counts.size === 0) gramCounts(seq.ids, 1, 1, counts);
  return vectorOf(counts, idf);
}
