/**
 * Property tests start from one fixed seed, so a run of the suite is
 * reproducible like every other output of the project (a red CI is a
 * defect, not a dice roll). `FC_SEED=random` (see `pnpm test:fuzz`) or
 * `FC_SEED=<n>` explores other inputs; a failure prints its seed to replay.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 57_2023;
const requested = process.env.FC_SEED;
if (requested !== 'random') {
  const seed = requested === undefined ? DEFAULT_SEED : Number(requested);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", not "${requested}"`);
  fc.configureGlobal({ seed });
}
