/**
 * The supervised layer as a versioned artefact: trained once from the gold
 * annotations by `pnpm model` (scripts/build-model.ts), checked into the
 * repository, and loaded by every analysis, whatever plans it contains.
 *
 * The file is canonical JSON (keys sorted, numbers rounded when trained, one
 * weight row per line so that a rebuild diffs readably), so the same gold,
 * plans and code give the same bytes on any machine. Its `sha256` is the hash
 * of the file without that field, and names the model in analysis.json.
 */
import { createHash } from 'node:crypto';
import type { Directive } from '@doichieu/core';
import { z } from 'zod';
import { type AlignModel, LABEL_THRESHOLD, WEIGHT_DECIMALS } from './engine.ts';
import { FEATURE_SETTINGS } from './features.ts';
import { TRAINING_SETTINGS } from './logistic.ts';

export const MODEL_FORMAT = 'doichieu-align-model/1';
/** Bump when the meaning of the features or of training changes without their settings changing. */
export const MODEL_VERSION = 1;

/** The settings a model was built with; code with other settings refuses it. */
export function currentSettings(): ModelSettings {
  return {
    features: { ...FEATURE_SETTINGS },
    training: { ...TRAINING_SETTINGS, threshold: LABEL_THRESHOLD, weightDecimals: WEIGHT_DECIMALS },
  };
}

const Metrics = z.object({
  units: z.number(),
  perGroup: z.array(
    z.object({
      group: z.string(),
      support: z.number(),
      predicted: z.number(),
      truePositives: z.number(),
      precision: z.number(),
      recall: z.number(),
      f1: z.number(),
    }),
  ),
  microF1: z.number(),
  macroF1: z.number(),
  exactMatch: z.number(),
  confusion: z.record(z.string(), z.record(z.string(), z.number())),
});

const Settings = z.object({
  features: z.record(z.string(), z.number()),
  training: z.record(z.string(), z.number()),
});
export type ModelSettings = z.infer<typeof Settings>;

export const ModelEvaluation = z.object({
  protocol: z.literal('leave-one-plan-out'),
  engine: Metrics,
  lexical: Metrics,
  baseline: Metrics,
  perPlan: z.array(
    z.object({
      planId: z.string(),
      units: z.number(),
      macroF1: z.number(),
      microF1: z.number(),
      exactMatch: z.number(),
    }),
  ),
});
export type ModelEvaluation = z.infer<typeof ModelEvaluation>;

export const ModelArtefact = z.object({
  format: z.literal(MODEL_FORMAT),
  id: z.string().min(1),
  version: z.number().int(),
  /** What the model was trained for: the directive's task groups (ids, labels, descriptions, phrases). */
  directive: z.object({ id: z.string(), sha256: z.string() }),
  /** The annotation files it learned from (paths relative to the repository), with their hashes. */
  gold: z.array(z.object({ path: z.string(), sha256: z.string(), labelledUnits: z.number() })),
  /** The annotated plans whose units it learned from, with the hash of each source file. */
  plans: z.array(z.object({ id: z.string(), sha256: z.string(), units: z.number() })),
  settings: Settings,
  groups: z.array(z.string()).min(1),
  bias: z.record(z.string(), z.number()),
  threshold: z.number(),
  trainedOn: z.number(),
  /** Leave-one-plan-out figures, computed when the model was built. */
  evaluation: ModelEvaluation.optional(),
  /** One row per feature, in name order: the feature, then its weight for each of `groups` (checked by `fromArtefact`). */
  weights: z.array(z.custom<[string, ...number[]]>((row) => Array.isArray(row))),
  sha256: z.string(),
});
export type ModelArtefact = z.infer<typeof ModelArtefact>;

export class ModelFormatError extends Error {}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Compact JSON with every object's keys sorted. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The directive as the model sees it: task group ids, labels, descriptions and phrases. */
export function directiveFingerprint(directive: Directive): string {
  return sha256(
    stableStringify(
      directive.taskGroups.map((g) => ({
        id: g.id,
        label: g.label.vi,
        description: g.description.vi,
        phrases: g.phrases,
      })),
    ),
  );
}

/** The artefact's bytes: one top-level key per line, one weight row per line. */
function layout(artefact: Omit<ModelArtefact, 'sha256'> & { sha256?: string }): string {
  const keys = Object.keys(artefact)
    .filter((k) => (artefact as Record<string, unknown>)[k] !== undefined)
    .sort();
  const lines = keys.map((k) => {
    const value = (artefact as Record<string, unknown>)[k];
    if (k === 'weights')
      // A row is a string and numbers: JSON.stringify gives the same text as stableStringify, faster.
      return `${JSON.stringify(k)}:[\n${artefact.weights.map((row) => JSON.stringify(row)).join(',\n')}\n]`;
    return `${JSON.stringify(k)}:${stableStringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** The hash that names an artefact: sha256 of its file without the `sha256` field. */
export function artefactHash(body: Omit<ModelArtefact, 'sha256'>): string {
  return sha256(layout(body));
}

export interface ModelProvenance {
  id: string;
  directive: Directive;
  gold: ModelArtefact['gold'];
  plans: ModelArtefact['plans'];
  evaluation?: ModelEvaluation;
}

/** The artefact of a trained model, hashed. */
export function toArtefact(model: AlignModel, provenance: ModelProvenance): ModelArtefact {
  if (model.method !== 'supervised') throw new ModelFormatError('only a supervised model is an artefact');
  const body: Omit<ModelArtefact, 'sha256'> = {
    format: MODEL_FORMAT,
    id: provenance.id,
    version: MODEL_VERSION,
    directive: { id: provenance.directive.id, sha256: directiveFingerprint(provenance.directive) },
    gold: provenance.gold,
    plans: provenance.plans,
    settings: currentSettings(),
    groups: model.groups,
    bias: Object.fromEntries(model.perGroup.map((g) => [g.group, g.bias])),
    threshold: model.perGroup[0]?.threshold ?? LABEL_THRESHOLD,
    trainedOn: model.trainedOn,
    ...(provenance.evaluation ? { evaluation: provenance.evaluation } : {}),
    weights: model.featureNames.map(
      (name, f) => [name, ...model.perGroup.map((g) => g.weights[f]!)] as [string, ...number[]],
    ),
  };
  return { ...body, sha256: artefactHash(body) };
}

/** The file's text. */
export function serialiseArtefact(artefact: ModelArtefact): string {
  return layout(artefact);
}

/** A loaded model: the weights, and what names it in the output. */
export interface ShippedModel {
  model: AlignModel;
  artefact: Omit<ModelArtefact, 'weights'>;
  /** "<id>@<version>#<first 12 hex of sha256>": what each label in analysis.json says produced it. */
  ref: string;
}

/** Checks an artefact (shape, hash, settings) and makes the model from it. Throws ModelFormatError. */
export function fromArtefact(value: unknown): ShippedModel {
  const parsed = ModelArtefact.safeParse(value);
  if (!parsed.success)
    throw new ModelFormatError(
      `not a doichieu model file (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message})`,
    );
  const artefact = parsed.data;
  const { sha256: recorded, ...body } = artefact;
  if (artefactHash(body) !== recorded)
    throw new ModelFormatError('model file was modified after it was built (its sha256 does not match)');
  if (stableStringify(artefact.settings) !== stableStringify(currentSettings()))
    throw new ModelFormatError(
      'model file was built with other feature or training settings than this code (rebuild it: pnpm model)',
    );
  const groupCount = artefact.groups.length;
  // Thousands of rows: checked in one loop rather than by a schema per row (loading stays fast).
  artefact.weights.forEach((row, i) => {
    if (
      row.length !== groupCount + 1 ||
      typeof row[0] !== 'string' ||
      row.slice(1).some((w) => typeof w !== 'number' || !Number.isFinite(w))
    )
      throw new ModelFormatError(
        `model file: weight row ${i + 1} is not a feature and ${groupCount} numbers`,
      );
  });
  const model: AlignModel = {
    method: 'supervised',
    groups: artefact.groups,
    featureNames: artefact.weights.map((row) => row[0]),
    perGroup: artefact.groups.map((group, j) => ({
      group,
      weights: artefact.weights.map((row) => row[j + 1] as number),
      bias: artefact.bias[group] ?? 0,
      threshold: artefact.threshold,
    })),
    trainedOn: artefact.trainedOn,
  };
  const { weights: _weights, ...meta } = artefact;
  return { model, artefact: meta, ref: `${artefact.id}@${artefact.version}#${artefact.sha256.slice(0, 12)}` };
}

/** Whether a model was trained for this directive (same groups, labels, descriptions and phrases). */
export function fitsDirective(shipped: ShippedModel, directive: Directive): boolean {
  return shipped.artefact.directive.sha256 === directiveFingerprint(directive);
}

/** sha256 of bytes or text, hex: the gold and plan hashes recorded in the artefact. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
