/**
 * One-vs-rest logistic regression over sparse features, trained by
 * deterministic full-batch gradient descent (no random init, no shuffling):
 * same data, same weights, byte for byte.
 */
export interface SparseVector {
  indices: number[];
  values: number[];
}

export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

export interface TrainOptions {
  iterations?: number;
  learningRate?: number;
  l2?: number;
  /** Weight of positive examples (rare groups get more). */
  positiveWeight?: number;
}

/** The training settings (recorded in a model artefact, like the feature settings). */
export const TRAINING_SETTINGS = {
  iterations: 400,
  learningRate: 0.5,
  l2: 0.01,
  /** Positive examples weigh (negatives / positives), between 1 and this. */
  maxPositiveWeight: 4,
} as const;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function dot(model: LogisticModel, x: SparseVector): number {
  let z = model.bias;
  for (let k = 0; k < x.indices.length; k++) z += model.weights[x.indices[k]!]! * x.values[k]!;
  return z;
}

export function trainLogistic(
  examples: readonly SparseVector[],
  labels: readonly boolean[],
  dimension: number,
  options: TrainOptions = {},
): LogisticModel {
  const iterations = options.iterations ?? TRAINING_SETTINGS.iterations;
  const rate = options.learningRate ?? TRAINING_SETTINGS.learningRate;
  const l2 = options.l2 ?? TRAINING_SETTINGS.l2;
  const positives = labels.filter(Boolean).length;
  const positiveWeight =
    options.positiveWeight ??
    (positives > 0
      ? Math.min(TRAINING_SETTINGS.maxPositiveWeight, Math.max(1, (labels.length - positives) / positives))
      : 1);
  const weights = new Float64Array(dimension);
  // AdaGrad keeps the step size sensible for rare and frequent features alike.
  const history = new Float64Array(dimension).fill(1e-8);
  let bias = 0;
  let biasHistory = 1e-8;
  const gradient = new Float64Array(dimension);
  const n = examples.length || 1;
  for (let it = 0; it < iterations; it++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let e = 0; e < examples.length; e++) {
      const x = examples[e]!;
      const y = labels[e] ? 1 : 0;
      const w = labels[e] ? positiveWeight : 1;
      const error = (sigmoid(dot({ weights, bias }, x)) - y) * w;
      for (let k = 0; k < x.indices.length; k++)
        gradient[x.indices[k]!] = gradient[x.indices[k]!]! + error * x.values[k]!;
      biasGradient += error;
    }
    for (let j = 0; j < dimension; j++) {
      const g = gradient[j]! / n + l2 * weights[j]!;
      if (g === 0) continue;
      history[j] = history[j]! + g * g;
      weights[j] = weights[j]! - (rate * g) / Math.sqrt(history[j]!);
    }
    const gb = biasGradient / n;
    biasHistory += gb * gb;
    bias -= (rate * gb) / Math.sqrt(biasHistory);
  }
  return { weights, bias };
}
